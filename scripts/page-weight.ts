// What a built page makes the browser fetch, read from dist/ without a browser (bytes are deterministic): the
// scripts it loads before any interaction, and for a page with a 3D figure what its first 3D view adds (the
// viewer's JS with the lazily loaded 3D stage, the model files its first view draws, the model's data files).
// Used by the budget tests (tests/built/budgets.test.ts) and the benchmark (bench/bytes.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { figureLayers, partsNeeded } from "../src/lib/model-parts.ts";
import type { ViewerPayload } from "../src/viewer/types.ts";

export const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** A file of dist/ by its URL, with its size raw and gzip. */
export interface Fetched {
  url: string;
  raw: number;
  gzip: number;
}

const sizes = new Map<string, Fetched>();

/** Sizes of a file of dist/ (cached: a test reads the same chunks for a hundred pages). */
function fetched(distDir: string, url: string): Fetched {
  const file = join(distDir, url.split("?")[0] ?? url);
  let entry = sizes.get(file);
  if (!entry) {
    const bytes = readFileSync(file);
    entry = { url, raw: bytes.length, gzip: gzipSize(bytes) };
    sizes.set(file, entry);
  }
  return entry;
}

const decodeEntities = (s: string) =>
  s
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Site-local scripts a page loads on its own: <script src>, module preloads, and what its inline modules import. */
export function pageScripts(html: string): { urls: string[]; inline: string[] } {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1] ?? "");
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
    if (href) urls.add(href);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  for (const code of inline) {
    for (const m of code.matchAll(/(?:from|import)\s*"(\/[^"]+\.js)"/g)) urls.add(m[1] ?? "");
  }
  return { urls: [...urls].filter((u) => u.startsWith("/") && !u.startsWith("//")), inline };
}

const imports = new Map<string, string[]>();

/**
 * Every /_astro/ chunk a chunk loads: its static imports, and unless `staticOnly` also what it may load later
 * (dynamic imports, Vite's preload lists).
 */
function chunkImports(distDir: string, url: string, staticOnly = false): string[] {
  const key = `${join(distDir, url)}${staticOnly ? "|static" : ""}`;
  const known = imports.get(key);
  if (known) return known;
  const code = readFileSync(join(distDir, url), "utf8");
  const out = new Set<string>();
  const pattern = staticOnly
    ? /(?:\bfrom|\bimport)\s*["'`]((?:\.{1,2}\/|\/_astro\/)[\w./-]+?\.js)["'`]/g
    : /["'`]((?:\.{1,2}\/|\/_astro\/|_astro\/)[\w./-]+?\.js)["'`]/g;
  for (const m of code.matchAll(pattern)) {
    const spec = m[1] ?? "";
    const resolved = spec.startsWith("/")
      ? spec
      : spec.startsWith("_astro/")
        ? `/${spec}`
        : new URL(spec, `http://x${url}`).pathname;
    if (existsSync(join(distDir, resolved))) out.add(resolved);
  }
  const list = [...out];
  imports.set(key, list);
  return list;
}

/** The scripts reachable from `roots` (static and, unless `staticOnly`, dynamic imports), each once. */
export function scriptClosure(distDir: string, roots: readonly string[], staticOnly = false): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url) || !existsSync(join(distDir, url))) continue;
    seen.add(url);
    if (url.startsWith("/_astro/")) queue.push(...chunkImports(distDir, url, staticOnly));
  }
  return [...seen];
}

/** Scripts of a page before interaction (its own scripts and their imports), with the inline ones' bytes. */
export function scriptsBeforeInteraction(distDir: string, html: string): { files: Fetched[]; inlineGzip: number } {
  const { urls, inline } = pageScripts(html);
  const files = scriptClosure(distDir, urls, true).map((u) => fetched(distDir, u));
  return { files, inlineGzip: inline.reduce((n, code) => n + (code.trim() ? gzipSize(Buffer.from(code)) : 0), 0) };
}

/** The payloads of the page's 3D viewer islands, with the scripts each names. */
export function viewerIslands(html: string): { componentUrl: string; rendererUrl: string; payload: ViewerPayload }[] {
  const out: { componentUrl: string; rendererUrl: string; payload: ViewerPayload }[] = [];
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const tag = m[0];
    const attr = (name: string) => decodeEntities(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
    const props = JSON.parse(attr("props") || "{}") as { data?: [number, string] };
    if (!props.data || typeof props.data[1] !== "string") continue;
    const payload = JSON.parse(props.data[1]) as ViewerPayload;
    if (payload.mode !== "figure" && payload.mode !== "explorer") continue;
    out.push({ componentUrl: attr("component-url"), rendererUrl: attr("renderer-url"), payload });
  }
  return out;
}

export interface FirstView {
  /** The island's scripts: component, renderer, their imports and the lazily loaded 3D stage (not counted before). */
  js: Fetched[];
  /** The model files the first view draws (first-load file and the parts its layers and highlights need). */
  models: Fetched[];
  /** The model's data files: structure list and visibility table (and outlines when there is no still). */
  data: Fetched[];
  /** gzip JS + raw model files (many hosts serve `.glb` uncompressed) + gzip data (JSON, compressed like JS). */
  total: number;
}

/**
 * What the first 3D figure of a page fetches beyond the page itself when it comes into view: its JS (gzip, that
 * scripts the page already loaded are not counted again), its model files and its data files.
 */
export function firstView(distDir: string, html: string): FirstView | null {
  const island = viewerIslands(html)[0];
  if (!island) return null;
  const already = new Set(scriptClosure(distDir, pageScripts(html).urls, true));
  const js = scriptClosure(distDir, [island.componentUrl, island.rendererUrl])
    .filter((u) => !already.has(u))
    .map((u) => fetched(distDir, u));
  const { payload } = island;
  const info = payload.models.find((m) => m.model === payload.model) ?? payload.models[0];
  const modelUrls = info
    ? [
        info.url,
        ...partsNeeded(info.parts ?? [], figureLayers(payload), [])
          .filter((p) => p.part)
          .map((p) => p.url),
      ]
    : [];
  const models = [...new Set(modelUrls)].map((u) => fetched(distDir, u));
  const dataUrls = [payload.mode === "explorer" ? "/models/explorer.data.json" : `/models/${payload.model}.data.json`];
  // The visibility table comes with the model when the view highlights something (Stage3D's wantsTable).
  if (payload.focus.length + payload.secondary.length > 0) {
    dataUrls.push((info?.url ?? "").replace(/\.glb$/, ".visibility.json"));
  }
  const data = dataUrls.filter((u) => u && existsSync(join(distDir, u))).map((u) => fetched(distDir, u));
  const total =
    js.reduce((n, f) => n + f.gzip, 0) + models.reduce((n, f) => n + f.raw, 0) + data.reduce((n, f) => n + f.gzip, 0);
  return { js, models, data, total };
}
