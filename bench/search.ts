// Search benchmark: the Pagefind index on disk (files and KB), the bytes a first query loads, and the time from
// opening the search dialog (Ctrl+K) to the first result on screen, median of --runs (default 5) fresh page loads.
//
//   node bench/search.ts [--runs=5] [--query=shoulder]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { startPreview } from "./preview-server.ts";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 5);
const query = args.find((a) => a.startsWith("--query="))?.slice(8) ?? "shoulder";
const root = new URL("../", import.meta.url);
const indexDir = new URL("dist/pagefind/", root).pathname;

let files = 0;
let size = 0;
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(full);
    else {
      files++;
      size += st.size;
    }
  }
};
try {
  walk(indexDir);
} catch {
  console.error("bench/search.ts: no dist/pagefind/: run `npm run build` first.");
  process.exit(2);
}

const server = await startPreview(root, "bench/search.ts");
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
});
const times: number[] = [];
let firstQueryBytes = 0;
let firstQueryFiles = 0;
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/about/`, { waitUntil: "networkidle" });
    let bytes = 0;
    let count = 0;
    page.on("response", async (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith("/pagefind/") && !path.startsWith("/_astro/")) return;
      bytes += Number(r.headers()["content-length"] ?? (await r.body().catch(() => Buffer.alloc(0))).length);
      count++;
    });
    const start = Date.now();
    await page.keyboard.press("Control+k");
    const input = page.locator("dialog [data-search-input]");
    await input.fill(query);
    await page.locator("dialog [data-search-results] li").first().waitFor();
    times.push(Date.now() - start);
    await page.waitForLoadState("networkidle");
    if (i === 0) {
      firstQueryBytes = bytes;
      firstQueryFiles = count;
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
times.sort((a, b) => a - b);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log("Search (Pagefind index in dist/pagefind/)");
console.log(`  index on disk          ${files} files, ${kb(size)}`);
console.log(
  `  first query “${query}”  ${firstQueryFiles} requests, ${kb(firstQueryBytes)} (as served, no HTTP compression)`,
);
console.log(
  `  open to first result   median ${times[Math.floor(times.length / 2)]} ms over ${runs} runs (min ${times[0]}, max ${times.at(-1)})`,
);
