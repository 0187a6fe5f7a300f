// The model generator: `node models/build.ts` (npm run models) reads every anatomy record, builds each
// structure's mesh (bones here, soft tissues through models/soft/index.ts), and writes the region files, a
// skeleton and a whole-body overview as compressed glTF to public/models/ with manifest.json. Skipped when the
// inputs (records, models/data, generator sources) are unchanged since the last run (key in .cache/palpate-models/).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PART_ORDER, partFileName, partOf } from "../src/lib/model-parts.ts";
import { layerGroupOf } from "../src/lib/view-state.ts";
import type { AnatomyRecord } from "../src/schemas/anatomy-record.ts";
import { buildBone } from "./bones/index.ts";
import type { Manifest, ManifestFile, ManifestStructure } from "./manifest.ts";
import {
  type Bounds,
  checkMesh,
  meshBounds,
  mirrorMesh,
  repairMesh,
  simplifyMesh,
  triangleCount,
  unionBounds,
  wholeMidline,
} from "./mesh.ts";
import { saveRawMesh, startMeshCache } from "./mesh-cache.ts";
import { inModel, MODELS } from "./model-files.ts";
import { type LoadedRecord, loadRecords } from "./records.ts";
import { initMeshing } from "./sdf.ts";
import type { MeshData } from "./types.ts";
import { buildVisibility } from "./visibility.ts";
import { type NodeSpec, writeGlb } from "./writer.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Budgets (enforced by simplifying when exceeded): per file; per model's first-load file and per part loaded on
 * demand (src/lib/model-parts.ts); for all files together. The first-load and part budgets are what keeps a
 * figure's first view (its first-load file, the one or two parts its highlights need, the model's data and about
 * 295 KB of JS gzip) within 600 KB (tests/built/budgets.test.ts).
 */
export const BUDGET = {
  fileTriangles: 150_000,
  fileBytes: 400 * 1024,
  /** With two 40 KB parts and the 3D code, a figure's first view stays within 600 KB (tests/built/budgets.test.ts). */
  firstLoadBytes: 196 * 1024,
  /**
   * The whole-body overview's first-load file: its 220 structure nodes carry about 124 KB of glTF JSON (names,
   * extras, accessors) however far the meshes are simplified, so its meshes get what is left of the explorer's
   * first view (600 KB) after about 300 KB of JS gzip and 28 KB of structure data gzip.
   */
  overviewFirstLoadBytes: 268 * 1024,
  partBytes: 40 * 1024,
  /**
   * The overview's parts, loaded on demand, for the same reason: with every structure of the body its deep-muscle,
   * connective-tissue and nerve-and-vessel parts hold 90-130 nodes each, 80-130 KB of node list at any detail.
   */
  overviewPartBytes: 200 * 1024,
  /** All of the overview's files together. */
  overviewBytes: 720 * 1024,
  totalBytes: 4 * 1024 * 1024,
};
/**
 * Metres per pixel of the visibility tables' id buffers: the overview is coarser (its meshes are), and a region's
 * 4 mm still gives a thin nerve some pixels. About 1 s per region file on a 2-core machine.
 */
const VISIBILITY_PIXEL = { body: 0.005, region: 0.004 };
/** The overview keeps about this many triangles in all. */
const BODY_TRIANGLES = 90_000;

type Side = "r" | "l" | "m";
type SoftBuilder = (record: AnatomyRecord, side: "r" | "l") => MeshData | null;

export type { Manifest, ManifestFile, ManifestStructure };

export interface GenerateOptions {
  outDir?: string;
  /** Ignore the cache. */
  force?: boolean;
  log?: (line: string) => void;
  /** Project root (content/, models/data/). */
  root?: string;
  /** Write only these model files (and build only the records they need); default all. Skips the cache. */
  models?: string[];
}

/**
 * Where the cache key of an output folder lives: under .cache/ (gitignored), not beside the models, so it is not
 * copied from public/ into the site.
 */
export function cacheKeyFile(outDir: string, root = ROOT): string {
  const id = createHash("sha256").update(outDir).digest("hex").slice(0, 16);
  return join(root, ".cache", "palpate-models", `${id}.key`);
}

export interface GenerateResult {
  skipped: boolean;
  manifest: Manifest;
  /** Records without a geometry block (not built). */
  notBuilt: string[];
  /** Milliseconds per phase and per record. */
  timings: {
    total: number;
    meshing: number;
    writing: number;
    visibility: number;
    perRecord: Record<string, number>;
    perFile: Record<string, number>;
  };
}

function listFiles(dir: string, test: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(test)
    .map((f) => join(dir, f))
    .sort();
}

/** Hash of everything the output depends on. */
export function inputsKey(root: string): string {
  const h = createHash("sha256");
  const files = [
    ...listFiles(join(root, "content", "anatomy"), (f) => f.endsWith(".yaml")),
    ...listFiles(join(root, "models"), (f) => f.endsWith(".ts") && !f.startsWith(`shots${sep}`)),
    ...listFiles(join(root, "models", "data"), (f) => f.endsWith(".json")),
    // The schemas the records are read with (src/schemas/), so a schema change regenerates the models.
    ...listFiles(join(root, "src", "schemas"), (f) => f.endsWith(".ts")),
    // The visibility tables' format and sampled directions; which file of a model each layer group goes to.
    join(root, "src", "lib", "visibility.ts"),
    join(root, "src", "lib", "model-parts.ts"),
    join(root, "src", "lib", "view-state.ts"),
    // The tissues' colours in the files' materials.
    join(root, "src", "lib", "tissue-colours.ts"),
    // The regions and their names (the models' titles in the manifest).
    join(root, "src", "lib", "regions.ts"),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    // Endangerment sites are drawn on the skin by the viewer, not built: editing one regenerates nothing.
    if (f.endsWith(".yaml") && /^tissue:\s*zone\s*$/m.test(bytes.toString("utf8"))) continue;
    h.update(relative(root, f).split(sep).join("/"));
    h.update("\0");
    h.update(bytes);
    h.update("\0");
  }
  for (const pkg of ["@gltf-transform/core", "meshoptimizer"]) {
    const p = join(root, "node_modules", ...pkg.split("/"), "package.json");
    if (existsSync(p)) h.update(`${pkg}@${(JSON.parse(readFileSync(p, "utf8")) as { version: string }).version}`);
  }
  return h.digest("hex");
}

async function loadSoftBuilder(root: string): Promise<SoftBuilder | null> {
  const file = join(root, "models", "soft", "index.ts");
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { buildSoftTissue?: SoftBuilder };
  if (typeof mod.buildSoftTissue !== "function") throw new Error("models/soft/index.ts: no buildSoftTissue export");
  return mod.buildSoftTissue;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const bboxJson = (b: Bounds) => ({ min: b.min.map(round6), max: b.max.map(round6) });

interface BuiltNode {
  loaded: LoadedRecord;
  side: Side;
  name: string;
  mesh: MeshData;
  /** A left-side node's right twin: the left is always the mirror image of the right as written. */
  twin?: BuiltNode;
}

export async function generateModels(options: GenerateOptions = {}): Promise<GenerateResult> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, "public", "models");
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const records = loadRecords(root);
  const key = inputsKey(root);
  const keyFile = cacheKeyFile(outDir, root);
  // Older builds kept the key beside the models, where the site would ship it: remove it there.
  rmSync(join(outDir, ".cache-key"), { force: true });
  const manifestFile = join(outDir, "manifest.json");
  const selected = options.models ? MODELS.filter((m) => options.models?.includes(m.model)) : MODELS;
  if (options.models && selected.length !== options.models.length) {
    throw new Error(`unknown model in ${options.models.join(", ")} (known: ${MODELS.map((m) => m.model).join(", ")})`);
  }
  const wanted = (r: AnatomyRecord) => !options.models || selected.some((m) => inModel(r, m.model));
  if (
    !options.force &&
    !options.models &&
    existsSync(keyFile) &&
    existsSync(manifestFile) &&
    readFileSync(keyFile, "utf8").trim() === key
  ) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (manifest.files.every((f) => existsSync(join(outDir, f.file)))) {
      log("models: inputs unchanged, nothing to do");
      return {
        skipped: true,
        manifest,
        notBuilt: records.filter((r) => !r.record.geometry).map((r) => r.record.id),
        timings: { total: performance.now() - t0, meshing: 0, writing: 0, visibility: 0, perRecord: {}, perFile: {} },
      };
    }
  }

  await initMeshing();
  const soft = await loadSoftBuilder(root);
  // Every built mesh is kept for the builder tests when the whole set is built (not a --model subset).
  const keepMeshes = !options.models;
  if (keepMeshes) startMeshCache(root, key);
  const nodes: BuiltNode[] = [];
  const notBuilt: string[] = [];
  const perRecord: Record<string, number> = {};
  const tm = performance.now();
  for (const loaded of records) {
    const r = loaded.record;
    if (!wanted(r)) continue;
    const g = r.geometry;
    if (!g) {
      notBuilt.push(r.id);
      continue;
    }
    const t = performance.now();
    let right: MeshData | null;
    try {
      if (g.builder === "bone") {
        if (r.tissue !== "bone") throw new Error(`geometry.builder: "bone" needs tissue: bone (found ${r.tissue})`);
        right = buildBone(g);
      } else {
        if (!soft) throw new Error("geometry: soft-tissue builders (models/soft/index.ts) are not available yet");
        right = soft(r, "r");
      }
    } catch (error) {
      throw new Error(`${loaded.file}: geometry: ${(error as Error).message}`);
    }
    perRecord[r.id] = performance.now() - t;
    if (!right) {
      notBuilt.push(r.id);
      continue;
    }
    checkMesh(right, `${loaded.file} (${r.id})`);
    if (keepMeshes) saveRawMesh(root, r.id, right);
    if (r.bilateral) {
      const rightNode: BuiltNode = { loaded, side: "r", name: `${r.id}-r`, mesh: right };
      nodes.push(rightNode);
      nodes.push({ loaded, side: "l", name: `${r.id}-l`, mesh: mirrorMesh(right), twin: rightNode });
    } else {
      // Midline structures are one node. A builder that returned only the right half (it says so: `rightHalf`)
      // gets its mirror image added, so the node spans both sides.
      nodes.push({ loaded, side: "m", name: r.id, mesh: wholeMidline(right) });
    }
  }
  const meshing = performance.now() - tm;

  mkdirSync(outDir, { recursive: true });
  const files: ManifestFile[] = [];
  const perFile: Record<string, number> = {};
  const tw = performance.now();
  let visibility = 0;
  const fileTriangles = new Map<string, Map<string, number>>();
  // Each model (all its parts) gets at most its share of the total budget (so all files together stay under it).
  const regionBytes = Math.min(
    BUDGET.fileBytes,
    Math.floor((BUDGET.totalBytes * 0.97 - BUDGET.overviewBytes) / (MODELS.length - 1)),
  );
  // Bytes shrink roughly with the triangle count; aim a little below the budget.
  const shrink = (bytes: number, budget: number) => Math.max(0.3, (budget / bytes) ** 1.5 * 0.93);
  for (const { model, title } of selected) {
    const members = nodes.filter((n) => inModel(n.loaded.record, model));
    if (members.length === 0) continue;
    const modelBytes = model === "body" ? BUDGET.overviewBytes : regionBytes;
    const tf = performance.now();
    // The model's files: the first-load one and a part per other layer group (src/lib/model-parts.ts).
    const byPart = new Map<string, BuiltNode[]>();
    for (const n of members) {
      const part = partOf(n.loaded.record.tissue, n.loaded.record.layer, model);
      byPart.set(part, [...(byPart.get(part) ?? []), n]);
    }
    const parts = PART_ORDER.filter((p) => byPart.has(p));
    const total = members.reduce((s, n) => s + triangleCount(n.mesh), 0);
    let ratio = model === "body" ? Math.min(0.5, BODY_TRIANGLES / total) : Math.min(1, BUDGET.fileTriangles / total);
    /**
     * Extra simplification of a file alone (by part) when it is over its own budget, searched by bisection
     * between the largest scale found within the budget (lo) and the smallest found over it (hi): bytes do not
     * fall in proportion to triangles (small meshes keep theirs), so a guess from the ratio alone overshoots.
     */
    const search = new Map(parts.map((p) => [p, { scale: 1, lo: 0, hi: Number.POSITIVE_INFINITY }]));
    const written = new Map<string, { specs: NodeSpec[]; glb: Uint8Array }>();
    // Simplify and repair the right side (and midline) once per detail; the left is the mirror image of the right as
    // written, so both sides match exactly whatever the detail.
    const detailed = new Map<number, Map<BuiltNode, MeshData>>();
    const detail = (n: BuiltNode, r: number): MeshData => {
      let byNode = detailed.get(r);
      if (!byNode) {
        byNode = new Map();
        detailed.set(r, byNode);
      }
      let m = byNode.get(n);
      if (!m) {
        if (n.twin) m = mirrorMesh(detail(n.twin, r));
        else {
          const simple = r < 1 ? simplifyMesh(n.mesh, r) : n.mesh;
          m = model === "body" ? repairMesh(simple, 0.00045, 0.0009) : repairMesh(simple);
        }
        byNode.set(n, m);
      }
      return m;
    };
    const writePart = async (part: string, r: number) => {
      const key = `${part}:${r}`;
      const done = written.get(key);
      if (done) return done;
      const specs: NodeSpec[] = (byPart.get(part) ?? []).map((n) => ({
        name: n.name,
        mesh: detail(n, r),
        extras: {
          id: n.loaded.record.id,
          side: n.side,
          tissue: n.loaded.record.tissue,
          layer: n.loaded.record.layer,
          region: n.loaded.record.regions[0] as string,
        },
      }));
      const glb = await writeGlb(
        part ? `${title} (${part})` : title,
        specs,
        model === "body" ? { noFibre: true, positionBits: 13 } : {},
      );
      const result = { specs, glb };
      written.set(key, result);
      return result;
    };
    let modelFiles: { part: string; specs: NodeSpec[]; glb: Uint8Array }[] = [];
    const firstLoad = model === "body" ? BUDGET.overviewFirstLoadBytes : BUDGET.firstLoadBytes;
    const partBytes = model === "body" ? BUDGET.overviewPartBytes : BUDGET.partBytes;
    const budgetOf = (part: string) => (part === "" ? firstLoad : partBytes);
    for (let attempt = 0; ; attempt++) {
      modelFiles = [];
      for (const part of parts) {
        modelFiles.push({ part, ...(await writePart(part, Math.min(1, ratio * (search.get(part)?.scale ?? 1)))) });
      }
      const sum = modelFiles.reduce((n, f) => n + f.glb.byteLength, 0);
      const over = modelFiles.filter((f) => f.glb.byteLength > budgetOf(f.part));
      if (attempt >= 16 && (over.length > 0 || sum > modelBytes)) {
        const sizes = modelFiles.map((f) => `${f.part || "first-load"} ${f.glb.byteLength}`).join(", ");
        throw new Error(
          `${model}: ${sum} bytes (${sizes}) even at ${(ratio * 100).toFixed(0)}% detail (budgets: ${modelBytes} ` +
            `per model, ${firstLoad} first-load, ${partBytes} per part)`,
        );
      }
      if (sum > modelBytes) {
        // The whole model shrinks; each file's search starts again from there.
        ratio *= shrink(sum, modelBytes);
        for (const st of search.values()) Object.assign(st, { scale: st.scale, lo: 0, hi: Number.POSITIVE_INFINITY });
        continue;
      }
      let settled = true;
      for (const f of modelFiles) {
        const st = search.get(f.part);
        if (!st) continue;
        if (f.glb.byteLength > budgetOf(f.part)) {
          st.hi = st.scale;
          st.scale = st.lo > 0 ? (st.lo + st.hi) / 2 : st.scale * shrink(f.glb.byteLength, budgetOf(f.part));
          settled = false;
        } else if (Number.isFinite(st.hi) && (st.hi - st.scale) / st.hi > 0.04 && attempt < 16) {
          // Within budget, but perhaps with more detail to spare: try halfway to the smallest scale over it.
          st.lo = st.scale;
          st.scale = (st.lo + st.hi) / 2;
          settled = false;
        }
      }
      if (settled) break;
    }
    const allSpecs = modelFiles.flatMap((f) => f.specs);
    // Which structures hide which from each direction, for the viewer's camera and see-through cover: one table
    // over all the model's parts (a viewer uses it with whichever parts it has loaded).
    const tv = performance.now();
    const table = buildVisibility(
      allSpecs.map((s) => ({
        name: s.name,
        tissue: s.extras.tissue,
        positions: s.mesh.positions,
        indices: s.mesh.indices,
      })),
      { pixelSize: model === "body" ? VISIBILITY_PIXEL.body : VISIBILITY_PIXEL.region },
    );
    writeFileSync(join(outDir, `${model}.visibility.json`), JSON.stringify(table));
    visibility += performance.now() - tv;
    const tris = new Map<string, number>();
    for (const { part, specs, glb } of modelFiles) {
      const file = partFileName(model, part);
      writeFileSync(join(outDir, file), glb);
      let bounds: Bounds | undefined;
      for (const s of specs) {
        const b = meshBounds(s.mesh);
        bounds = bounds ? unionBounds(bounds, b) : b;
        tris.set(s.name, triangleCount(s.mesh));
      }
      const groups = [...new Set(specs.map((s) => layerGroupOf(s.extras.tissue, s.extras.layer)))].sort();
      files.push({
        model,
        part,
        file,
        title,
        groups,
        bytes: glb.byteLength,
        triangles: specs.reduce((s, n) => s + triangleCount(n.mesh), 0),
        bbox: bboxJson(bounds as Bounds),
        nodes: specs.map((s) => s.name),
      });
      log(
        `models: ${file} ${specs.length} nodes, ${files[files.length - 1]?.triangles} triangles, ${glb.byteLength} bytes`,
      );
    }
    fileTriangles.set(model, tris);
    perFile[model] = performance.now() - tf;
  }
  const writing = performance.now() - tw;

  const structures: ManifestStructure[] = nodes.map((n) => {
    const r = n.loaded.record;
    const models = [...new Set(files.filter((f) => f.nodes.includes(n.name)).map((f) => f.model))];
    const home = models.find((m) => m !== "body") ?? "body";
    return {
      id: r.id,
      side: n.side,
      node: n.name,
      name: r.name,
      tissue: r.tissue,
      layer: r.layer,
      region: r.regions[0] as string,
      models,
      bbox: bboxJson(meshBounds(n.mesh)),
      triangles: fileTriangles.get(home)?.get(n.name) ?? triangleCount(n.mesh),
    };
  });
  const manifest: Manifest = { version: 1, files, structures };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  if (!options.models) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${key}\n`);
  }
  const total = performance.now() - t0;
  log(
    `models: ${nodes.length} nodes from ${records.length - notBuilt.length} records in ${Math.round(total)} ms` +
      (notBuilt.length ? `; ${notBuilt.length} records have no geometry yet` : ""),
  );
  return {
    skipped: false,
    manifest,
    notBuilt,
    timings: { total, meshing, writing: writing - visibility, visibility, perRecord, perFile },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  generateModels({ force: process.argv.includes("--force"), log: (l) => console.log(l) }).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
