// Prints the largest HTML pages of dist/ (raw and gzip bytes) and the total gzip size of CSS and JS, so a change's
// effect on page weight can be measured before the budget tests (tests/built/budgets.test.ts) say pass or fail.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = join(process.cwd(), "dist");
const top = Number(process.argv[2] ?? 15);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const files = [...walk(dist)];
const sized = (ext: string) =>
  files
    .filter((f) => f.endsWith(ext) && !f.includes(`${join(dist, "pagefind")}`))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: relative(dist, f), raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gz - a.gz);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const html = sized(".html");
console.log(`HTML pages: ${html.length}; over 60 KB gzip: ${html.filter((p) => p.gz > 60 * 1024).length}`);
for (const p of html.slice(0, top)) console.log(`${kb(p.gz).padStart(10)} gz ${kb(p.raw).padStart(10)} raw  ${p.file}`);
for (const ext of [".css", ".js", ".json"]) {
  const list = sized(ext);
  const sum = (k: "raw" | "gz") => list.reduce((n, p) => n + p[k], 0);
  console.log(`${ext}: ${list.length} files, ${kb(sum("gz"))} gz, ${kb(sum("raw"))} raw`);
}
