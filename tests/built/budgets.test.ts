// Byte budgets over the production build (dist/), issue 14. Bytes are deterministic, so these are exact tests:
// every page's HTML at most 60 KB gzip, all CSS at most 30 KB gzip, a page without 3D at most 20 KB of JS gzip,
// and no build-only file (the models' cache key, their full manifest) shipped.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { builtPages, distDir } from "../support/dist.ts";

const KB = 1024;
const HTML_BUDGET = 60 * KB;
const CSS_BUDGET = 30 * KB;
const TEXT_PAGE_JS_BUDGET = 20 * KB;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** Site-local files a page loads as scripts: <script src> and <link rel="modulepreload">. */
function scriptsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1] ?? "");
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href) urls.add(href);
  }
  return [...urls].filter((u) => u.startsWith("/") && !u.startsWith("//"));
}

const pages = builtPages().map((p) => ({ ...p, html: readFileSync(p.file) }));

describe("byte budgets", () => {
  it("every HTML page is at most 60 KB gzip", () => {
    const over = pages
      .map((p) => ({ path: p.path, gz: gzipSize(p.html), raw: p.html.length }))
      .filter((p) => p.gz > HTML_BUDGET)
      .sort((a, b) => b.gz - a.gz);
    expect(
      over.map((p) => `${p.path}: ${kb(p.gz)} gzip (${kb(p.raw)} raw)`),
      "pages over the 60 KB gzip budget",
    ).toEqual([]);
  });

  it("all CSS together is at most 30 KB gzip", () => {
    const sheets = filesUnder(distDir, ".css").map((f) => ({ f, gz: gzipSize(readFileSync(f)) }));
    const total = sheets.reduce((n, s) => n + s.gz, 0);
    expect(
      total,
      `CSS ${kb(total)} gzip: ${sheets.map((s) => `${s.f.slice(distDir.length)} ${kb(s.gz)}`).join(", ")}`,
    ).toBeLessThanOrEqual(CSS_BUDGET);
  });

  it("a page without 3D loads at most 20 KB of JS gzip", () => {
    const over: string[] = [];
    for (const p of pages) {
      const html = p.html.toString("utf8");
      if (html.includes("<astro-island")) continue;
      // Inline scripts count too, with the bundles they import.
      const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
      const imported = inline.flatMap((code) =>
        [...code.matchAll(/(?:from|import)\s*"(\/[^"]+\.js)"/g)].map((m) => m[1] ?? ""),
      );
      const scripts = [...new Set([...scriptsOf(html), ...imported])];
      const total =
        scripts.reduce((n, u) => n + gzipSize(readFileSync(join(distDir, u))), 0) +
        inline.reduce((n, code) => n + gzipSize(Buffer.from(code)), 0);
      if (total > TEXT_PAGE_JS_BUDGET) over.push(`${p.path}: ${kb(total)} gzip (${scripts.join(", ")})`);
    }
    expect(over, "pages without 3D over the 20 KB JS budget").toEqual([]);
  });

  it("ships no build-only model file (cache key, full manifest)", () => {
    expect(existsSync(join(distDir, "models", ".cache-key")), "dist/models/.cache-key").toBe(false);
    expect(existsSync(join(distDir, "models", "manifest.json")), "dist/models/manifest.json").toBe(false);
  });

  it("the pages with 3D exist and were measured (the budget tests are not vacuous)", () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.some((p) => p.html.includes("<astro-island"))).toBe(true);
  });
});
