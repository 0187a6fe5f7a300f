// Page-weight benchmark (issue 14), part of `npm run bench`: builds the site timing each step (models, Astro,
// Pagefind, ...), then reads dist/ for what each page type makes the browser fetch, by category (HTML, CSS, JS,
// models, data, search; raw, gzip, requests), a bundle analysis of the 3D chunk, the size of dist/, and runs
// Lighthouse (mobile, the same Chromium as the tests) on home, a lesson, a condition with 3D, an atlas page and
// the explorer, median of N runs. Writes bench/results/latest.json and latest.md; each missed target says by how
// much.
//
//   node bench/bytes.ts [--runs=5] [--no-build] [--no-lighthouse]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { type Fetched, firstView, gzipSize, scriptsBeforeInteraction } from "../scripts/page-weight.ts";
import { startPreview } from "./preview-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 5);
const KB = 1024;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** The pages measured, one per page type. */
const PAGES = [
  { type: "home", path: "/" },
  { type: "lesson", path: "/learn/tissues-101/" },
  { type: "condition with 3D", path: "/conditions/carpal-tunnel-syndrome/" },
  { type: "atlas page", path: "/anatomy/flexor-carpi-radialis/" },
  { type: "explorer", path: "/anatomy/explore/" },
] as const;

/** Targets of issue 14 (bytes gzip unless said; Lighthouse scores 0..100; times ms). */
const TARGETS = {
  htmlGzip: 60 * KB,
  cssGzip: 30 * KB,
  textPageJsGzip: 20 * KB,
  viewerJsGzip: 250 * KB,
  firstView: 600 * KB,
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcp: 1500,
  tbt: 100,
  cls: 0.01,
  buildColdS: 180,
  buildCachedS: 60,
};

// ---- build, timed by step
interface Step {
  name: string;
  seconds: number;
  note?: string;
}
const steps: Step[] = [];
if (!args.includes("--no-build")) {
  const run = (name: string, command: string, commandArgs: string[]) => {
    const t = performance.now();
    const r = spawnSync(command, commandArgs, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (r.status !== 0) throw new Error(`bench/bytes.ts: ${name} failed (${command} ${commandArgs.join(" ")})`);
    const step: Step = { name, seconds: (performance.now() - t) / 1000 };
    if (name === "models" && /nothing to do/.test(r.stdout)) step.note = "cached";
    steps.push(step);
  };
  const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
  run("content check", process.execPath, ["scripts/check-content.ts"]);
  run("models", process.execPath, ["models/build.ts"]);
  run("astro", bin("astro"), ["build"]);
  run("search index", process.execPath, ["scripts/search-index.ts"]);
  run("search words", process.execPath, ["scripts/search-words.ts"]);
  run("service worker", process.execPath, ["scripts/build-sw.ts"]);
}
if (!existsSync(join(DIST, "index.html"))) throw new Error("bench/bytes.ts: no dist/: run without --no-build");

// ---- bytes per page type
const sized = (url: string): Fetched => {
  const bytes = readFileSync(join(DIST, url));
  return { url, raw: bytes.length, gzip: gzipSize(bytes) };
};
interface Category {
  raw: number;
  gzip: number;
  requests: number;
}
const sum = (list: Fetched[]): Category => ({
  raw: list.reduce((n, f) => n + f.raw, 0),
  gzip: list.reduce((n, f) => n + f.gzip, 0),
  requests: list.length,
});
const htmlFile = (path: string) => join(DIST, path, "index.html");

/** What Pagefind fetches for a first search (its script, worker, entry, wasm, metadata and filters). */
function searchFiles(): Fetched[] {
  const dir = join(DIST, "pagefind");
  const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm?: string }>;
  };
  const names = [
    "pagefind.js",
    "pagefind-worker.js",
    "pagefind-entry.json",
    ...Object.values(entry.languages).map((l) => `wasm.${l.wasm ?? "unknown"}.pagefind`),
    ...readdirSync(dir).filter((f) => f.endsWith(".pf_meta")),
  ];
  return names.filter((n) => existsSync(join(dir, n))).map((n) => sized(`/pagefind/${n}`));
}

const pageRows = PAGES.map(({ type, path }) => {
  const html = readFileSync(htmlFile(path), "utf8");
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => sized(m[1] ?? ""));
  const before = scriptsBeforeInteraction(DIST, html);
  const view = firstView(DIST, html);
  const htmlBytes = readFileSync(htmlFile(path));
  return {
    type,
    path,
    html: { raw: htmlBytes.length, gzip: gzipSize(htmlBytes), requests: 1 },
    css: sum(css),
    js: { ...sum(before.files), gzip: sum(before.files).gzip + before.inlineGzip },
    viewerJs: view ? sum(view.js) : null,
    models: view ? sum(view.models) : null,
    data: view ? sum(view.data) : null,
    firstView: view?.total ?? null,
    // The first figure's poster loads with the page (the others when scrolled near).
    poster: sum(
      [...html.matchAll(/<img class="av-poster" src="([^"]+)"[^>]*loading="eager"/g)].map((m) => sized(m[1] ?? "")),
    ),
    modelFiles: view?.models.map((f) => f.url) ?? [],
  };
});
const search = sum(searchFiles());
const allCss = sum(
  readdirSync(join(DIST, "_astro"))
    .filter((f) => f.endsWith(".css"))
    .map((f) => sized(`/_astro/${f}`)),
);

// ---- bundle analysis of the 3D chunk (esbuild re-bundle with the site's R3F patch, by package)
async function bundleAnalysis() {
  const patch = {
    name: "r3f-without-catalogue",
    setup(b: import("esbuild").PluginBuild) {
      b.onLoad({ filter: /react-three-fiber\.esm\.js$/ }, (a) => ({
        contents: readFileSync(a.path, "utf8").replace("React.useMemo(() => extend(THREE), []);", ""),
        loader: "js",
      }));
    },
  };
  const r = await build({
    entryPoints: [join(ROOT, "src/viewer/Stage3D.tsx")],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    metafile: true,
    jsx: "automatic",
    external: ["react", "react-dom", "react/jsx-runtime"],
    plugins: [patch],
    define: { "process.env.NODE_ENV": '"production"' },
    outdir: join(ROOT, ".cache", "bench-bundle"),
    logLevel: "silent",
  });
  const output = r.outputFiles.find((f) => f.path.endsWith(".js"));
  const meta = Object.values(r.metafile.outputs).find((o) => o.entryPoint);
  const by = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(meta?.inputs ?? {})) {
    const path = input.replace(/^.*node_modules\//, "");
    let key = /^(@[^/]+\/[^/]+|[^/]+)/.exec(path)?.[1] ?? path;
    if (key === "three") key = path.includes("examples/jsm/") ? `three/${path.split("examples/jsm/")[1]}` : path;
    if (!input.includes("node_modules")) key = "palpate (src/viewer, src/lib)";
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  const chunk = readdirSync(join(DIST, "_astro")).find((f) => /^Stage3D\..*\.js$/.test(f));
  // The floor the stack sets: what no viewer built on React, R3F and three can do without, before one line of its
  // own (React's client as built, R3F's canvas and hooks, and three's renderer with a mesh, material and camera).
  const alone = async (contents: string, external: string[]) => {
    const out = await build({
      stdin: { contents, resolveDir: ROOT, loader: "ts" },
      bundle: true,
      minify: true,
      format: "esm",
      write: false,
      external: ["react", "react-dom", "react/jsx-runtime", ...external],
      plugins: [patch],
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    return gzipSize(Buffer.from(out.outputFiles[0]?.contents ?? new Uint8Array()));
  };
  const client = readdirSync(join(DIST, "_astro")).find((f) => /^client\..*\.js$/.test(f));
  const floor = {
    react: client ? sized(`/_astro/${client}`).gzip : 0,
    r3f: await alone('export { Canvas, useFrame, useThree } from "@react-three/fiber";', ["three"]),
    three: await alone(
      'export { WebGLRenderer, Scene, PerspectiveCamera, Mesh, MeshStandardMaterial, BufferGeometry } from "three";',
      [],
    ),
  };
  return {
    floor,
    builtChunk: chunk ? sized(`/_astro/${chunk}`) : null,
    rebundle: output ? { raw: output.contents.length, gzip: gzipSize(Buffer.from(output.contents)) } : null,
    byPackage: [...by].sort((a, b) => b[1] - a[1]).map(([name, raw]) => ({ name, raw })),
  };
}
const bundle = await bundleAnalysis();

// ---- dist size
function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}
const dist = dirBytes(DIST);

// ---- Lighthouse, mobile, median of N
interface LighthouseRow {
  type: string;
  path: string;
  runs: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  cls: number;
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
async function lighthouseRows(): Promise<LighthouseRow[]> {
  const { default: lighthouse } = await import("lighthouse");
  const server = await startPreview(new URL("..", import.meta.url), "bench/bytes.ts");
  // Lighthouse drives the browser through the DevTools protocol on this port.
  const port = 9300 + Math.floor(Math.random() * 200);
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: [
      `--remote-debugging-port=${port}`,
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--enable-unsafe-swiftshader",
      "--use-angle=swiftshader",
    ],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const { type, path } of PAGES) {
      const samples: Omit<LighthouseRow, "type" | "path" | "runs">[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.base}${path}`, {
          port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`lighthouse gave no result for ${path}`);
        const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
        const audit = (k: string) => lhr.audits[k]?.numericValue ?? Number.NaN;
        samples.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          seo: score("seo"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
        });
        console.log(`lighthouse ${path} run ${i + 1}/${runs}: performance ${samples.at(-1)?.performance}`);
      }
      const pick = (k: keyof (typeof samples)[number]) => median(samples.map((s) => s[k]));
      rows.push({
        type,
        path,
        runs,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        bestPractices: pick("bestPractices"),
        seo: pick("seo"),
        lcp: pick("lcp"),
        tbt: pick("tbt"),
        cls: pick("cls"),
      });
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return rows;
}
const lighthouseResults = args.includes("--no-lighthouse") ? [] : await lighthouseRows();

// ---- report
const result = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "", node: process.version },
  targets: TARGETS,
  build: steps,
  pages: pageRows,
  search,
  css: allCss,
  bundle,
  dist,
  lighthouse: lighthouseResults,
};
const outDir = join(ROOT, "bench", "results");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);

/** "ok", or how far a value misses its target (over a maximum or under a minimum). */
function verdict(value: number, target: number, kind: "max" | "min", unit: (n: number) => string): string {
  if (kind === "max" ? value <= target : value >= target) return "ok";
  return `missed by ${unit(Math.abs(value - target))}`;
}
const cell = (c: Category | null) => (c ? `${kb(c.raw)} / ${kb(c.gzip)} (${c.requests})` : "–");
const md: string[] = [
  "# Page weight and Lighthouse (issue 14)",
  "",
  `Generated by \`node bench/bytes.ts\` (part of \`npm run bench\`) on ${result.date.slice(0, 10)}, ` +
    `${result.machine.cores} cores (${result.machine.cpu}), Node ${result.machine.node}. Bytes are exact; ` +
    "timings vary with the machine's load.",
  "",
  "## Bytes per page type",
  "",
  "Raw / gzip (requests). JS is what the page loads before any interaction; poster is the first figure's still " +
    "image, loaded with the page (WebP, not compressed further); the 3D columns are what its first " +
    "3D figure adds when it comes near (JS gzip, model files raw since many hosts do not compress `.glb`, data " +
    "gzip). Search is what a first search fetches, on any page.",
  "",
  "| page type | HTML | CSS | JS | poster | 3D JS | models | data | first 3D view | target |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...pageRows.map((p) => {
    const checks = [
      `HTML ${verdict(p.html.gzip, TARGETS.htmlGzip, "max", kb)}`,
      p.viewerJs
        ? `JS ${verdict(p.viewerJs.gzip + p.js.gzip, TARGETS.viewerJsGzip, "max", kb)}`
        : `JS ${verdict(p.js.gzip, TARGETS.textPageJsGzip, "max", kb)}`,
      p.firstView !== null ? `first 3D view ${verdict(p.firstView, TARGETS.firstView, "max", kb)}` : "- ok",
    ];
    const misses = checks.filter((c) => !c.endsWith(" ok"));
    const verdictText = misses.length === 0 ? "ok" : misses.join("; ");
    return `| ${p.type} (\`${p.path}\`) | ${cell(p.html)} | ${cell(p.css)} | ${cell(p.js)} | ${p.poster.requests > 0 ? cell(p.poster) : "–"} | ${cell(p.viewerJs)} | ${cell(p.models)} | ${cell(p.data)} | ${p.firstView !== null ? kb(p.firstView) : "–"} | ${verdictText} |`;
  }),
  "",
  `Search (first query): ${cell(search)}. All CSS of the site: ${kb(allCss.gzip)} gzip in ${allCss.requests} files ` +
    `(target ${kb(TARGETS.cssGzip)}). JS of a page with 3D = page JS + 3D JS (target ${kb(TARGETS.viewerJsGzip)} gzip); ` +
    `first 3D view target ${kb(TARGETS.firstView)}.`,
  "",
  "## The 3D chunk",
  "",
  bundle.builtChunk
    ? `Built: \`${bundle.builtChunk.url}\` ${kb(bundle.builtChunk.raw)} raw, ${kb(bundle.builtChunk.gzip)} gzip. ` +
      `By package (an esbuild re-bundle of \`src/viewer/Stage3D.tsx\`, ${kb(bundle.rebundle?.raw ?? 0)} raw, ` +
      `${kb(bundle.rebundle?.gzip ?? 0)} gzip; React itself is in the shared client chunk):`
    : "No Stage3D chunk in dist/.",
  "",
  "| package | bytes (minified) |",
  "| --- | --- |",
  ...bundle.byPackage.slice(0, 15).map((b) => `| ${b.name} | ${kb(b.raw)} |`),
  "",
  `The stack's floor, gzip: React's client ${kb(bundle.floor.react)} + R3F's canvas and hooks ${kb(bundle.floor.r3f)} + ` +
    `three's renderer with one mesh ${kb(bundle.floor.three)} = ` +
    `${kb(bundle.floor.react + bundle.floor.r3f + bundle.floor.three)} before any viewer code ` +
    `(target for all JS of a page with 3D: ${kb(TARGETS.viewerJsGzip)}).`,
  "",
  "## Build",
  "",
  steps.length
    ? `| step | seconds |\n| --- | --- |\n${steps.map((s) => `| ${s.name}${s.note ? ` (${s.note})` : ""} | ${s.seconds.toFixed(1)} |`).join("\n")}\n| all | ${steps.reduce((n, s) => n + s.seconds, 0).toFixed(1)} |`
    : "Not built in this run (--no-build).",
  "",
  `dist/: ${dist.files} files, ${(dist.bytes / KB / KB).toFixed(1)} MB.`,
  "",
  "## Lighthouse (mobile)",
  "",
  lighthouseResults.length
    ? [
        `Median of ${runs} run(s) per page, the default mobile settings (simulated slow 4G, 4x CPU slowdown) on ` +
          "Debian's Chromium with SwiftShader. Targets: performance >= 95; accessibility, best practices, SEO 100; " +
          "LCP <= 1.5 s; TBT <= 100 ms; CLS < 0.01.",
        "",
        "| page type | performance | accessibility | best practices | SEO | LCP | TBT | CLS | misses |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ...lighthouseResults.map((r) => {
          const score = (n: number) => `${n} points`;
          const misses = [
            ["performance", verdict(r.performance, TARGETS.performance, "min", score)],
            ["accessibility", verdict(r.accessibility, TARGETS.accessibility, "min", score)],
            ["best practices", verdict(r.bestPractices, TARGETS.bestPractices, "min", score)],
            ["SEO", verdict(r.seo, TARGETS.seo, "min", score)],
            ["LCP", verdict(r.lcp, TARGETS.lcp, "max", (n) => `${Math.round(n)} ms`)],
            ["TBT", verdict(r.tbt, TARGETS.tbt, "max", (n) => `${Math.round(n)} ms`)],
            ["CLS", verdict(r.cls, TARGETS.cls, "max", (n) => n.toFixed(3))],
          ]
            .filter(([, v]) => v !== "ok")
            .map(([k, v]) => `${k} ${v}`);
          return `| ${r.type} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${misses.join("; ") || "none"} |`;
        }),
      ].join("\n")
    : "Not run (--no-lighthouse).",
  "",
];
writeFileSync(join(outDir, "latest.md"), md.join("\n"));
// Laid out as the lint expects (Biome formats Markdown tables and JSON), so the committed table stays lint-clean.
spawnSync(join(ROOT, "node_modules", ".bin", "biome"), ["format", "--write", "bench/results"], {
  cwd: ROOT,
  stdio: "ignore",
});
console.log(`bench/bytes.ts: wrote bench/results/latest.json and latest.md`);
