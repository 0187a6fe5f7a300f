// npm run bench: generation time of the models (per phase, per model file, slowest records) and the size of
// each file. A fresh generation into a temporary folder, ignoring the cache. Other benchmarks can be added as
// modules next to this one (see `sections` below); timings are printed, never asserted in tests.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { writerSection } from "./bench-writer.ts";
import { BUDGET, generateModels } from "./build.ts";

type Section = () => Promise<void>;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function modelsSection(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "palpate-bench-"));
  try {
    const r = await generateModels({ outDir: out, force: true });
    const t = r.timings;
    console.log(`\nModel generation (${cpus().length} cores): ${(t.total / 1000).toFixed(1)} s in all`);
    console.log(
      `  meshing ${(t.meshing / 1000).toFixed(1)} s, writing ${(t.writing / 1000).toFixed(1)} s, visibility ${(t.visibility / 1000).toFixed(1)} s`,
    );
    console.log("\n  file                 nodes  triangles      bytes   write  budget");
    let total = 0;
    for (const f of r.manifest.files) {
      total += f.bytes;
      const ok = f.bytes <= BUDGET.fileBytes && f.triangles <= BUDGET.fileTriangles ? "ok" : "OVER";
      console.log(
        `  ${f.file.padEnd(20)} ${String(f.nodes.length).padStart(5)} ${String(f.triangles).padStart(10)} ${kb(f.bytes).padStart(10)} ${`${((t.perFile[f.model] ?? 0) / 1000).toFixed(2)} s`.padStart(7)}  ${ok}`,
      );
    }
    console.log(
      `  ${"all files".padEnd(20)} ${"".padStart(5)} ${"".padStart(10)} ${kb(total).padStart(10)}          ${total <= BUDGET.totalBytes ? "ok" : "OVER"}`,
    );
    const slow = Object.entries(t.perRecord)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    console.log("\n  slowest records");
    for (const [id, ms] of slow) console.log(`  ${id.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
    if (r.notBuilt.length) console.log(`\n  ${r.notBuilt.length} records without geometry (not built)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const sections: Section[] = [modelsSection, () => writerSection()];
for (const s of sections) await s();
