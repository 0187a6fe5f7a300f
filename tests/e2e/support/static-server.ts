// A minimal static server over dist/ for specs that must change what the server sends between two visits (a new
// deploy's service worker), which page.route cannot do: the browser fetches a worker's script outside any page.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { distDir } from "../../support/dist.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".glb": "model/gltf-binary",
  ".webp": "image/webp",
};

export interface StaticServer {
  url: string;
  /** Replaces the body of one path (e.g. "/sw.js") with what `rewrite` makes of the built file. */
  rewrite: (path: string, rewrite: (text: string) => string) => void;
  /** The built file a path serves, as text ("/about/" -> dist/about/index.html). */
  read: (path: string) => string;
  close: () => Promise<void>;
}

export async function serveDist(): Promise<StaticServer> {
  const rewrites = new Map<string, (text: string) => string>();
  const fileOf = (path: string): string | undefined => {
    let file = normalize(join(distDir, path));
    if (!file.startsWith(distDir)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    return existsSync(file) ? file : undefined;
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = fileOf(path);
    if (!file) return void res.writeHead(404).end("not found");
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const rewrite = rewrites.get(path);
    res.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
    if (rewrite) {
      res.end(rewrite(readFileSync(file, "utf8")));
    } else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rewrite: (path, fn) => rewrites.set(path, fn),
    read: (path) => readFileSync(fileOf(path) ?? join(distDir, path), "utf8"),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
