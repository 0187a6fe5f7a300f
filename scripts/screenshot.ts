// Takes full-page screenshots of built pages: node scripts/screenshot.ts OUT_DIR [--width=N] /path/ [/path/ ...]
// Serves dist/ with `astro preview` on a spare port; uses the same Chromium as the tests.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const outDir = args.shift();
if (!outDir) {
  console.error("usage: node scripts/screenshot.ts OUT_DIR [--width=N] [--full] /path/ ...");
  process.exit(2);
}
const width = Number(args.find((a) => a.startsWith("--width="))?.slice(8) ?? 1280);
const full = args.includes("--full");
const paths = args.filter((a) => a.startsWith("/"));
const port = 4390 + Math.floor(Math.random() * 9);
mkdirSync(outDir, { recursive: true });

const astroBin = new URL("../node_modules/.bin/astro", import.meta.url).pathname;
const server = spawn(astroBin, ["preview", "--port", String(port), "--host", "127.0.0.1"], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
let up = false;
for (let i = 0; i < 300 && !up; i++) {
  up = await fetch(base).then(
    (r) => r.ok,
    () => false,
  );
  if (!up) await new Promise((r) => setTimeout(r, 200));
}
if (!up) {
  server.kill();
  throw new Error(`astro preview did not answer on ${base} within 60 s`);
}
const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--enable-unsafe-swiftshader",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const path of paths) {
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll("[data-anatomy-viewer]")].every(
            (v) => v.getAttribute("data-status") !== "loading",
          ),
        undefined,
        { timeout: 30_000 },
      )
      .catch(() => {});
    const file = join(outDir, `${path.replaceAll("/", "_").replace(/^_|_$/g, "") || "home"}-${width}.png`);
    await page.screenshot({ path: file, fullPage: full });
    console.log(file);
  }
} finally {
  await browser.close();
  server.kill();
}
