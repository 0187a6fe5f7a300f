// Starts `astro preview` of dist/ on a free-ish port for a benchmark and waits until it answers.
import { spawn } from "node:child_process";

export interface PreviewServer {
  base: string;
  stop(): void;
}

export async function startPreview(root: URL, name: string): Promise<PreviewServer> {
  const port = 4430 + Math.floor(Math.random() * 20);
  const astroBin = new URL("node_modules/.bin/astro", root).pathname;
  const server = spawn(astroBin, ["preview", "--port", String(port), "--host", "127.0.0.1", "--ignore-lock"], {
    cwd: root.pathname,
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(base).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`${name}: astro preview did not answer on ${base}`);
}
