// Post-build step (after astro build and pagefind): bundles the service worker (src/sw/sw.ts) with esbuild, injects
// the precache list of the small shell with Serwist, and writes the list of every file for "Save the whole site".
// Run: node scripts/build-sw.ts [distDir]
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { injectManifest } from "@serwist/build";
import { build } from "esbuild";
import type { SiteFile, SiteFileList } from "../src/sw/protocol.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Options of the precache and the site list; the defaults are what the site ships. */
export interface ServiceWorkerBuildOptions {
  distDir: string;
  /**
   * Astro chunks larger than this are not precached: the three.js scene and React load only on pages with 3D and
   * are cached the first time a reader opens one (a phone's first visit should not fetch them).
   */
  maxPrecachedChunkBytes: number;
}

export const SERVICE_WORKER_BUILD_DEFAULTS: ServiceWorkerBuildOptions = {
  distDir: join(ROOT, "dist"),
  maxPrecachedChunkBytes: 64 * 1024,
};

/** Files in dist/ that "Save the whole site" leaves out: build metadata, the worker itself, unused Pagefind UIs. */
const NOT_SAVED = [
  /^_headers$/,
  /^sitemap-.*\.xml$/,
  /^404\.html$/,
  /^sw\.js(\.map)?$/,
  /^offline\/files\.json$/,
  /^pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/,
  /^pagefind\/wasm\.unknown\.pagefind$/,
];

/** Every file under dir, as paths relative to it with "/" separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** The URL a reader uses for a built file: "learn/index.html" → "/learn/". */
export function urlOfFile(path: string): string {
  if (path === "index.html") return "/";
  return `/${path.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Every page, model, script, style and search file of the build, with sizes and a version over their contents. */
export function siteFileList(distDir: string): SiteFileList {
  const hash = createHash("sha256");
  const files: SiteFile[] = [];
  for (const path of filesUnder(distDir)) {
    if (NOT_SAVED.some((re) => re.test(path))) continue;
    const full = join(distDir, path);
    const url = urlOfFile(path);
    const bytes = statSync(full).size;
    hash.update(`${url}\0`).update(readFileSync(full));
    files.push({ url, bytes });
  }
  return { version: hash.digest("hex").slice(0, 16), bytes: files.reduce((n, f) => n + f.bytes, 0), files };
}

/** The precache: styles, the small entry chunks, what Pagefind needs to start a search, the offline page. */
function precachePatterns(distDir: string): string[] {
  const entry = JSON.parse(readFileSync(join(distDir, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm?: string }>;
  };
  const wasm = Object.values(entry.languages).map((l) => `pagefind/wasm.${l.wasm ?? "unknown"}.pagefind`);
  return [
    "_astro/*.css",
    "_astro/*.js",
    "pagefind/pagefind.js",
    "pagefind/pagefind-worker.js",
    "pagefind/pagefind-entry.json",
    "pagefind/*.pf_meta",
    "pagefind/filter/*.pf_filter",
    ...wasm,
    "offline/index.html",
    "manifest.webmanifest",
    "favicon.svg",
    "icons/icon-192.png",
  ];
}

export async function buildServiceWorker(options: Partial<ServiceWorkerBuildOptions> = {}) {
  const o = { ...SERVICE_WORKER_BUILD_DEFAULTS, ...options };
  const bundled = join(ROOT, ".cache", "sw", "sw.js");
  await build({
    entryPoints: [join(ROOT, "src", "sw", "sw.ts")],
    outfile: bundled,
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });

  const result = await injectManifest({
    swSrc: bundled,
    swDest: join(o.distDir, "sw.js"),
    globDirectory: o.distDir,
    globPatterns: precachePatterns(o.distDir),
    modifyURLPrefix: { "": "/" },
    // Astro's /_astro/ names and Pagefind's chunk names carry a content hash: no revision needed in the cache key.
    dontCacheBustURLsMatching: /^\/_astro\//,
    manifestTransforms: [
      (entries) => ({
        manifest: entries
          .filter((e) => !(e.url.startsWith("/_astro/") && e.url.endsWith(".js") && e.size > o.maxPrecachedChunkBytes))
          .map((e) => (e.url === "/offline/index.html" ? { ...e, url: "/offline/" } : e)),
        warnings: [],
      }),
    ],
  });
  for (const w of result.warnings) console.warn(`build-sw: ${w}`);

  const list = siteFileList(o.distDir);
  mkdirSync(join(o.distDir, "offline"), { recursive: true });
  writeFileSync(join(o.distDir, "offline", "files.json"), JSON.stringify(list));
  return {
    precache: { count: result.count, bytes: result.size },
    site: { count: list.files.length, bytes: list.bytes },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined;
  const { precache, site } = await buildServiceWorker(distDir ? { distDir } : {});
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `service worker: precache ${precache.count} files, ${kb(precache.bytes)}; whole site ${site.count} files, ${kb(site.bytes)}`,
  );
}
