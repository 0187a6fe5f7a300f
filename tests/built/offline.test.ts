// The offline build (scripts/build-sw.ts): dist/sw.js with a small precache (the shell, no page but the offline
// page), the list "Save the whole site" downloads, and an installable web app manifest whose icons exist.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isSiteFileList, type SiteFileList } from "../../src/sw/protocol.ts";
import { builtPages, distDir, fileForPath } from "../support/dist.ts";

const KB = 1024;
/** The shell a phone downloads on a first visit, on top of the page itself. */
const PRECACHE_BUDGET = 400 * KB;

const swFile = join(distDir, "sw.js");
const sw = existsSync(swFile) ? readFileSync(swFile, "utf8") : "";

/** The precache list injected into sw.js: the one JSON array of {revision, url} objects. */
function precacheOf(source: string): { url: string; revision: string | null }[] {
  const json = /\[\{"revision":[^\]]*\]/.exec(source)?.[0];
  if (!json) throw new Error("dist/sw.js: no injected precache list (did scripts/build-sw.ts run?)");
  return JSON.parse(json) as { url: string; revision: string | null }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1"), `${file} is not a PNG`).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the service worker", () => {
  const precache = sw ? precacheOf(sw) : [];

  it("is built into dist/sw.js, without the injection placeholder", () => {
    expect(sw.length, "dist/sw.js").toBeGreaterThan(1000);
    expect(sw).not.toContain("self.__SW_MANIFEST");
  });

  it("precaches a small shell: every file exists, and together they stay under the budget", () => {
    expect(precache.length).toBeGreaterThan(5);
    let bytes = 0;
    for (const { url } of precache) {
      const file = fileForPath(url);
      expect(file, `${url} is precached but not in dist/`).toBeDefined();
      if (file) bytes += statSync(file).size;
    }
    expect(bytes, `precache ${(bytes / KB).toFixed(0)} KB`).toBeLessThanOrEqual(PRECACHE_BUDGET);
  });

  it("precaches no page but the offline page, and what search needs to start", () => {
    const pages = precache.filter((e) => e.url.endsWith("/") || e.url.endsWith(".html")).map((e) => e.url);
    expect(pages).toEqual(["/offline/"]);
    const urls = precache.map((e) => e.url);
    for (const needed of ["/pagefind/pagefind.js", "/pagefind/pagefind-worker.js", "/pagefind/pagefind-entry.json"]) {
      expect(urls).toContain(needed);
    }
    expect(urls.some((u) => u.endsWith(".pf_meta"))).toBe(true);
    // Nothing large: no model and no page-sized Pagefind fragment.
    expect(urls.filter((u) => u.startsWith("/models/") || u.includes("/fragment/"))).toEqual([]);
  });

  it("precaches every stylesheet, so the offline page and any saved page are styled", () => {
    const urls = new Set(precache.map((e) => e.url));
    const offline = readFileSync(fileForPath("/offline/") ?? "", "utf8");
    for (const m of offline.matchAll(/<(?:link[^>]*href|script[^>]*src)="(\/_astro\/[^"]+)"/g)) {
      expect(urls, `the offline page needs ${m[1]}`).toContain(m[1]);
    }
  });
});

describe("the list of files for Save the whole site", () => {
  const file = join(distDir, "offline", "files.json");
  const list: unknown = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
  const valid = isSiteFileList(list) ? list : ({ version: "", bytes: 0, files: [] } satisfies SiteFileList);

  it("is written and well formed", () => {
    expect(isSiteFileList(list), `${file} is missing or malformed`).toBe(true);
    expect(valid.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("lists every page and every model, with their true sizes and total", () => {
    const urls = new Set(valid.files.map((f) => f.url));
    const pages = builtPages().filter((p) => p.path !== "/404.html");
    expect(pages.length).toBeGreaterThan(100);
    for (const { path } of pages) expect(urls, path).toContain(path);
    for (const model of ["/models/body.glb", "/models/upper-limb.glb", "/models/body.data.json"]) {
      expect(urls).toContain(model);
    }
    expect([...urls].some((u) => u.startsWith("/pagefind/fragment/"))).toBe(true);
    for (const f of valid.files) {
      const onDisk = fileForPath(f.url);
      expect(onDisk, `${f.url} is listed but not built`).toBeDefined();
      if (onDisk) expect(f.bytes, f.url).toBe(statSync(onDisk).size);
    }
    expect(valid.bytes).toBe(valid.files.reduce((n, f) => n + f.bytes, 0));
  });

  it("leaves out what no reader needs (headers file, sitemaps, the worker, unused search UIs)", () => {
    const urls = valid.files.map((f) => f.url);
    for (const u of urls) expect(u).not.toMatch(/^\/(_headers|sitemap-.*\.xml|sw\.js|404\.html)$|pagefind-ui/);
  });
});

describe("the web app manifest", () => {
  const file = join(distDir, "manifest.webmanifest");
  const manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as {
        name?: string;
        short_name?: string;
        start_url?: string;
        display?: string;
        theme_color?: string;
        background_color?: string;
        icons?: { src: string; sizes: string; type: string; purpose?: string }[];
      })
    : {};

  it("names the app and starts it at the home page, standalone", () => {
    expect(manifest.name).toMatch(/^Palpate/);
    expect(manifest.short_name).toBe("Palpate");
    expect(manifest.start_url).toBe("/");
    expect(manifest.display).toBe("standalone");
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("has 192 and 512 PNG icons, a maskable one and an SVG, each file of the size it declares", () => {
    const icons = manifest.icons ?? [];
    const sizes = icons.filter((i) => i.type === "image/png").map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(icons.some((i) => i.purpose === "maskable" && i.type === "image/png")).toBe(true);
    expect(icons.some((i) => i.type === "image/svg+xml")).toBe(true);
    for (const icon of icons) {
      const path = join(distDir, icon.src);
      expect(existsSync(path), `${icon.src} is missing`).toBe(true);
      if (icon.type === "image/png") {
        const [w, h] = icon.sizes.split("x").map(Number);
        expect(pngSize(path), icon.src).toEqual({ width: w, height: h });
      }
    }
  });

  it("is linked, with a theme colour, from every page of the site (not the embed, which lives in other sites' frames)", () => {
    for (const { path, file: page } of builtPages().filter((p) => p.path !== "/embed/")) {
      const html = readFileSync(page, "utf8");
      expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest">');
      expect(html, path).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/);
    }
  });
});
