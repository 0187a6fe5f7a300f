// scripts/build-sw.ts on a small made-up dist/: what is precached (the shell only), what "Save the whole site" lists,
// and that the list's version follows the files' contents.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServiceWorker, siteFileList, urlOfFile } from "../../scripts/build-sw.ts";

const dist = mkdtempSync(join(tmpdir(), "palpate-sw-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function put(path: string, content: string | number) {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === "number" ? "x".repeat(content) : content);
}

put("index.html", "<title>Home</title>");
put("learn/index.html", "<title>Learn</title>");
put("offline/index.html", "<title>Offline</title>");
put("404.html", "<title>Not found</title>");
put("_headers", "/*\n  X: y\n");
put("sitemap-0.xml", "<urlset/>");
put("manifest.webmanifest", "{}");
put("favicon.svg", "<svg/>");
put("icons/icon-192.png", 100);
put("_astro/Base.abc123.css", "body{}");
put("_astro/entry.abc123.js", 2_000);
put("_astro/Stage3D.abc123.js", 100_000);
put("models/body.glb", 5_000);
put("pagefind/pagefind.js", 500);
put("pagefind/pagefind-worker.js", 500);
put("pagefind/pagefind-ui.js", 500);
put("pagefind/pagefind-entry.json", JSON.stringify({ languages: { en: { hash: "en_1", wasm: "en" } } }));
put("pagefind/pagefind.en_1.pf_meta", 50);
put("pagefind/wasm.en.pagefind", 300);
put("pagefind/wasm.unknown.pagefind", 300);
put("pagefind/filter/en_2.pf_filter", 40);
put("pagefind/fragment/en_3.pf_fragment", 40);

describe("urlOfFile", () => {
  it("gives the address a reader uses", () => {
    expect(urlOfFile("index.html")).toBe("/");
    expect(urlOfFile("learn/index.html")).toBe("/learn/");
    expect(urlOfFile("models/body.glb")).toBe("/models/body.glb");
  });
});

describe("siteFileList", () => {
  it("lists pages, models, scripts and search files with sizes, and leaves out what no reader needs", () => {
    const list = siteFileList(dist);
    const urls = list.files.map((f) => f.url);
    expect(urls).toEqual(expect.arrayContaining(["/", "/learn/", "/models/body.glb", "/_astro/Stage3D.abc123.js"]));
    expect(urls).toContain("/pagefind/fragment/en_3.pf_fragment");
    for (const left of [
      "/_headers",
      "/sitemap-0.xml",
      "/404.html",
      "/pagefind/pagefind-ui.js",
      "/pagefind/wasm.unknown.pagefind",
    ]) {
      expect(urls).not.toContain(left);
    }
    expect(list.files.find((f) => f.url === "/models/body.glb")?.bytes).toBe(5_000);
    expect(list.bytes).toBe(list.files.reduce((n, f) => n + f.bytes, 0));
  });

  it("changes its version when a file's content changes", () => {
    const before = siteFileList(dist).version;
    put("learn/index.html", "<title>Learn, revised</title>");
    expect(siteFileList(dist).version).not.toBe(before);
  });
});

describe("buildServiceWorker", () => {
  it("precaches the shell only: small chunks, styles, the search entry files and the offline page", async () => {
    const result = await buildServiceWorker({ distDir: dist, maxPrecachedChunkBytes: 64 * 1024 });
    const sw = readFileSync(join(dist, "sw.js"), "utf8");
    const json = /\[\{"revision":[^\]]*\]/.exec(sw)?.[0] ?? "[]";
    const urls = (JSON.parse(json) as { url: string }[]).map((e) => e.url).sort();
    expect(urls).toEqual(
      [
        "/_astro/Base.abc123.css",
        "/_astro/entry.abc123.js",
        "/favicon.svg",
        "/icons/icon-192.png",
        "/manifest.webmanifest",
        "/offline/",
        "/pagefind/filter/en_2.pf_filter",
        "/pagefind/pagefind-entry.json",
        "/pagefind/pagefind-worker.js",
        "/pagefind/pagefind.en_1.pf_meta",
        "/pagefind/pagefind.js",
        "/pagefind/wasm.en.pagefind",
      ].sort(),
    );
    expect(result.precache.count).toBe(urls.length);
    // The list for "Save the whole site" is written beside it.
    const list = JSON.parse(readFileSync(join(dist, "offline", "files.json"), "utf8")) as { files: unknown[] };
    expect(list.files.length).toBe(result.site.count);
  });
});
