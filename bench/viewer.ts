// Viewer benchmark: time from navigation to the first rendered 3D frame, largest contentful paint, layout shift,
// and the bytes a viewer page loads (raw and gzip), measured in headless Chromium against the production build.
// The page is scrolled to its first viewer at once, as a reader heading for the figure would.
//
//   node bench/viewer.ts [--runs=3] [--fixture] [--json=FILE] [/path/ ...]   (default path: /anatomy/explore/)
//
// --fixture serves tests/fixtures/viewer/upper-limb.glb for every model (when the models are not generated yet).
// Chromium renders WebGL with SwiftShader (on the CPU) here, so frame times are far above a GPU's.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { startPreview } from "./preview-server.ts";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const useFixture = args.includes("--fixture");
const jsonOut = args.find((a) => a.startsWith("--json="))?.slice(7);
const paths = args.filter((a) => a.startsWith("/"));
if (paths.length === 0) paths.push("/anatomy/explore/");

const root = new URL("../", import.meta.url);
if (!existsSync(new URL("dist/index.html", root))) {
  console.error(
    "bench/viewer.ts: no build in dist/: run `npm run build` (or `npm run models && npx astro build`) first.",
  );
  process.exit(2);
}
if (!useFixture && !existsSync(new URL("dist/models/upper-limb.glb", root))) {
  console.error("bench/viewer.ts: no models in dist/models: run `npm run models` before the build, or pass --fixture.");
  process.exit(2);
}
const fixture = readFileSync(new URL("tests/fixtures/viewer/upper-limb.glb", root));

const server = await startPreview(root, "bench/viewer.ts");
const base = server.base;

type Kind = "html" | "js" | "css" | "model" | "other";
interface Sample {
  firstFrameMs: number | null;
  status: string;
  lcpMs: number | null;
  lcpElement: string;
  /** Cumulative layout shift up to the first 3D frame and network idle. */
  cls: number;
  bytes: Record<Kind, { raw: number; gzip: number; files: number }>;
}

function kindOf(url: string, type: string): Kind {
  if (url.endsWith(".glb")) return "model";
  if (type.includes("html")) return "html";
  if (type.includes("javascript") || url.endsWith(".js")) return "js";
  if (type.includes("css") || url.endsWith(".css")) return "css";
  return "other";
}

const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
  ],
});

async function measure(path: string): Promise<Sample> {
  // A fresh context per run: nothing cached, as for a first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (useFixture) {
    await context.route("**/models/*.glb", (route) =>
      route.fulfill({ status: 200, contentType: "model/gltf-binary", body: fixture }),
    );
  }
  await context.addInitScript(() => {
    const w = window as unknown as {
      benchFirstFrame: number | null;
      benchLcp: { t: number; el: string } | null;
      benchCls: number;
    };
    w.benchFirstFrame = null;
    w.benchLcp = null;
    w.benchCls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.benchCls += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
        const el = e.element;
        w.benchLcp = { t: e.startTime, el: el ? `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` : "" };
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    // The viewer marks itself ready right after its first frame with the model is drawn.
    new MutationObserver(() => {
      if (w.benchFirstFrame === null && document.querySelector("[data-anatomy-viewer][data-status='ready']")) {
        w.benchFirstFrame = performance.now();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-status"] });
  });
  const page = await context.newPage();
  const bodies: { url: string; type: string; body: Buffer }[] = [];
  page.on("response", async (response) => {
    try {
      const body = await response.body();
      bodies.push({ url: response.url(), type: response.headers()["content-type"] ?? "", body });
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  await page.goto(base + path, { waitUntil: "commit" });
  // A reader scrolls to the figure; a viewer further down the page loads only when it comes near.
  await page.locator("[data-anatomy-viewer]").first().scrollIntoViewIfNeeded({ timeout: 30_000 });
  const status = await page
    .waitForFunction(
      () => {
        const v = document.querySelector("[data-anatomy-viewer]");
        const s = v?.getAttribute("data-status");
        return s && s !== "loading" ? s : null;
      },
      undefined,
      { timeout: 120_000 },
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => "timeout");
  await page.waitForLoadState("networkidle");
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      benchFirstFrame: number | null;
      benchLcp: { t: number; el: string } | null;
      benchCls: number;
    };
    return { first: w.benchFirstFrame, lcp: w.benchLcp, cls: w.benchCls };
  });
  const bytes = Object.fromEntries(
    (["html", "js", "css", "model", "other"] as const).map((k) => [k, { raw: 0, gzip: 0, files: 0 }]),
  ) as Sample["bytes"];
  for (const { url, type, body } of bodies) {
    const b = bytes[kindOf(url, type)];
    b.raw += body.length;
    b.gzip += gzipSync(body, { level: 9 }).length;
    b.files++;
  }
  await context.close();
  return {
    firstFrameMs: result.first === null ? null : Math.round(result.first),
    status,
    lcpMs: result.lcp ? Math.round(result.lcp.t) : null,
    lcpElement: result.lcp?.el ?? "",
    cls: Math.round(result.cls * 1000) / 1000,
    bytes,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : (s[Math.floor((s.length - 1) / 2)] ?? null);
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const report: Record<string, unknown> = {};
try {
  for (const path of paths) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(path));
    const last = samples[samples.length - 1] as Sample;
    const frames = samples.map((s) => s.firstFrameMs).filter((x): x is number => x !== null);
    const lcps = samples.map((s) => s.lcpMs).filter((x): x is number => x !== null);
    const summary = {
      runs,
      statuses: samples.map((s) => s.status),
      firstFrameMs: { median: median(frames), all: samples.map((s) => s.firstFrameMs) },
      lcpMs: { median: median(lcps), element: last.lcpElement },
      cls: samples.map((s) => s.cls),
      bytes: last.bytes,
      totalBytes: Object.values(last.bytes).reduce((t, b) => t + b.raw, 0),
      totalGzip: Object.values(last.bytes).reduce((t, b) => t + b.gzip, 0),
    };
    report[path] = summary;
    console.log(
      `\n${path}${useFixture ? " (fixture model)" : ""}: ${runs} cold loads, statuses ${summary.statuses.join(", ")}`,
    );
    console.log(
      `  navigation -> first 3D frame: median ${summary.firstFrameMs.median ?? "n/a"} ms (${frames.join(", ")})`,
    );
    console.log(
      `  largest contentful paint:     median ${summary.lcpMs.median ?? "n/a"} ms (${summary.lcpMs.element})`,
    );
    console.log(`  cumulative layout shift:      ${summary.cls.join(", ")}`);
    for (const [k, b] of Object.entries(last.bytes)) {
      if (b.files > 0)
        console.log(
          `  ${k.padEnd(6)} ${String(b.files).padStart(3)} files  ${kb(b.raw).padStart(10)} raw  ${kb(b.gzip).padStart(10)} gzip`,
        );
    }
    console.log(
      `  total             ${kb(summary.totalBytes).padStart(10)} raw  ${kb(summary.totalGzip).padStart(10)} gzip`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
