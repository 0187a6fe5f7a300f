// npm run models:report:bones: how well the generated bones fit the reference anatomy.
//   1. Centre lines: per long bone, the offset of the generated shaft's section centres from the reference centre
//      line (committed in models/data/skeleton.json, so this runs everywhere).
//   2. Surfaces: per bone, mean and 95th-percentile distance from the reference surface after rigid alignment
//      (needs ../shared/anatomy-sources; skipped with a notice when absent).
//   3. Attachment ends: distance of each reference muscle path end (the paths the records use) from the generated
//      bone(s) of its segment.
//   4. Topology of the built files in public/models/ (when built): non-manifold vertices per node and the largest
//      left/right mirror distance.
// Bone meshes are cached in .cache/bone-fit/ by a hash of the bone sources and data (`--force` rebuilds).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  alignedSurfaceDistance,
  centreLineOffsets,
  mirrorDistance,
  nonManifoldVertices,
  type Tri,
  TriangleGrid,
} from "./bone-fit.ts";
import { buildBone } from "./bones/index.ts";
import { ROOT } from "./build.ts";
import { wholeMidline } from "./mesh.ts";
import { readModelNodes } from "./read-glb.ts";
import { loadRecords } from "./records.ts";
import { initMeshing } from "./sdf.ts";
import { centreLine, centreLineNames, musclePath, musclePathNames } from "./skeleton.ts";
import type { MeshData, Vec3 } from "./types.ts";

/** Segment of a reference path point -> the generated bone records that can carry it. */
export function segmentBones(segment: string): string[] {
  const map: Record<string, string[]> = {
    pelvis: ["hip-bone", "sacrum", "coccyx"],
    head: ["skull", "mandible", "atlas", "axis", "vertebra-c3", "vertebra-c4", "vertebra-c5", "vertebra-c6"],
    tibia: ["tibia", "fibula"],
    foot: [
      "calcaneus",
      "talus",
      "navicular",
      "cuboid",
      "medial-cuneiform",
      "intermediate-cuneiform",
      "lateral-cuneiform",
      "metatarsal-1",
      "metatarsal-2",
      "metatarsal-3",
      "metatarsal-4",
      "metatarsal-5",
    ],
    toes: ["foot-phalanges"],
    thorax: ["sternum", ...Array.from({ length: 12 }, (_, i) => `rib-${i + 1}`)],
    abdomen: [],
    hand: [],
  };
  if (map[segment]) return map[segment] as string[];
  if (/phalanx/.test(segment)) return ["hand-phalanges"];
  return [segment];
}

/** Every reference path the records use ("opensim:..." / "myoarm:..."), sorted. */
export function recordPaths(root = ROOT): string[] {
  const known = new Set(musclePathNames());
  const out = new Set<string>();
  for (const { record } of loadRecords(root)) {
    for (const m of JSON.stringify(record.geometry ?? {}).matchAll(/"((?:opensim|myoarm):[A-Za-z0-9_]+)"/g)) {
      if (known.has(m[1] as string)) out.add(m[1] as string);
    }
  }
  return [...out].sort();
}

/** Reference attachment ends: first and last point of each path, with the bones of their segment. */
export function attachmentEnds(paths: string[]): { path: string; end: "first" | "last"; p: Vec3; bones: string[] }[] {
  const out: { path: string; end: "first" | "last"; p: Vec3; bones: string[] }[] = [];
  for (const name of paths) {
    const pts = musclePath(name).points;
    for (const [end, q] of [
      ["first", pts[0]],
      ["last", pts[pts.length - 1]],
    ] as const) {
      if (!q) continue;
      const bones = segmentBones(q.body);
      if (bones.length) out.push({ path: name, end, p: q.p, bones });
    }
  }
  return out;
}

/** Hash of what one bone's mesh depends on: shared sources, the data, its builder's file and its record. */
function boneKey(root: string, shape: string, recordJson: string): string {
  const h = createHash("sha256");
  const bonesDir = join(root, "models", "bones");
  const fn = shape.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const own = readdirSync(bonesDir)
    .sort()
    .filter((f) => readFileSync(join(bonesDir, f), "utf8").includes(`export function ${fn}(`));
  const files = [
    ...own.map((f) => join(bonesDir, f)),
    join(bonesDir, "common.ts"),
    join(bonesDir, "index.ts"),
    ...["sdf.ts", "sweep.ts", "skeleton.ts", "mesh.ts"].map((f) => join(root, "models", f)),
    join(root, "models", "data", "skeleton.json"),
  ];
  for (const f of files) h.update(f).update(readFileSync(f));
  h.update(recordJson);
  return h.digest("hex").slice(0, 20);
}

/** Right-side (and midline, whole) generated bone meshes by record id, cached per bone in .cache/bone-fit/. */
export async function generatedBones(root = ROOT, force = false): Promise<Map<string, MeshData>> {
  const dir = join(root, ".cache", "bone-fit");
  mkdirSync(dir, { recursive: true });
  let ready = false;
  const out = new Map<string, MeshData>();
  for (const { record } of loadRecords(root)) {
    const g = record.geometry;
    if (record.tissue !== "bone" || !g || g.builder !== "bone") continue;
    const file = join(dir, `${record.id}-${boneKey(root, g.shape, JSON.stringify([g, record.bilateral]))}.json`);
    if (!force && existsSync(file)) {
      const m = JSON.parse(readFileSync(file, "utf8")) as { p: number[]; n: number[]; i: number[] };
      out.set(record.id, {
        positions: Float32Array.from(m.p),
        normals: Float32Array.from(m.n),
        indices: Uint32Array.from(m.i),
      });
      continue;
    }
    if (!ready) await initMeshing();
    ready = true;
    const right = buildBone(g);
    const mesh = wholeMidline(right);
    out.set(record.id, mesh);
    writeFileSync(file, JSON.stringify({ p: [...mesh.positions], n: [...mesh.normals], i: [...mesh.indices] }));
  }
  return out;
}

const mm = (v: number) => (Number.isFinite(v) ? (v * 1000).toFixed(1) : "  -");

export function centreLineReport(bones: Map<string, MeshData>): { bone: string; max: number; mean: number }[] {
  return centreLineNames().map((bone) => {
    const m = bones.get(bone);
    if (!m) throw new Error(`no generated ${bone}`);
    const off = centreLineOffsets(m, centreLine(bone)).map((v) => (Number.isFinite(v) ? v : 1));
    return { bone, max: Math.max(...off), mean: off.reduce((s, v) => s + v, 0) / off.length };
  });
}

export function attachmentReport(
  bones: Map<string, MeshData>,
  paths: string[],
): { path: string; end: string; d: number }[] {
  const grids = new Map<string, TriangleGrid>();
  const gridOf = (ids: string[]) => {
    const key = ids.join(",");
    let g = grids.get(key);
    if (!g) {
      g = new TriangleGrid(ids.map((id) => bones.get(id)).filter((m): m is MeshData => !!m));
      grids.set(key, g);
    }
    return g;
  };
  return attachmentEnds(paths).map((e) => ({ path: e.path, end: e.end, d: gridOf(e.bones).distance(e.p) }));
}

/** The reference folder (`$ANATOMY_SOURCES`, else ../shared/anatomy-sources), or null when it is not there. */
export function referenceDir(root = ROOT): string | null {
  const dir = process.env["ANATOMY_SOURCES"] ?? join(root, "..", "shared", "anatomy-sources");
  return existsSync(join(dir, "opensim-fullbody", "cyclistFullBodyMuscle.osim")) ? dir : null;
}

/**
 * The reference bone surfaces the generated bones are measured against, in the glTF frame, by record id (placed the
 * way scripts/anatomy-import places them). Read from the reference folder at run time, never stored.
 */
export async function referenceSurfaces(root: string, dir: string): Promise<Map<string, Tri>> {
  // Loaded only here, so the report runs (and the build never depends) without the reference folder.
  const { loadWorld, gltf } = await import(pathToFileURL(join(root, "scripts/anatomy-import/sources.ts")).href);
  const { meshWorld } = await import(pathToFileURL(join(root, "scripts/anatomy-import/parts.ts")).href);
  const { apply } = await import(pathToFileURL(join(root, "scripts/anatomy-import/math.ts")).href);
  type W = {
    forearmFix: unknown;
    X: Map<string, unknown>;
    surface: (f: string, o?: object) => { points: Vec3[]; triangles: number[][] };
  };
  const w = loadWorld(dir) as W;
  const fix = (p: Vec3) => apply(w.forearmFix, p);
  const refs: [string, string, ((p: Vec3) => Vec3)?][] = [
    ["humerus", "humerus_rv.vtp"],
    ["radius", "radius_rv.vtp", fix],
    ["ulna", "ulna_rv.vtp", fix],
    ["femur", "r_femur.vtp"],
    ["tibia", "r_tibia.vtp"],
    ["fibula", "r_fibula.vtp"],
    ["patella", "r_patella.vtp"],
    ["talus", "r_talus.vtp"],
    ["hip-bone", "r_pelvis.vtp"],
    ["sacrum", "sacrum.vtp"],
    ["skull", "skull.vtp"],
    ["mandible", "jaw.vtp"],
  ];
  const out = new Map<string, Tri>();
  for (const [bone, file, map] of refs) {
    const pts = (meshWorld(w, file, map) as Vec3[]).map((p) => gltf(w, p) as Vec3);
    const model = existsSync(join(dir, "opensim-fullbody", "Geometry", file)) ? "opensim" : "neck";
    out.set(bone, { positions: pts.flat(), indices: w.surface(file, { model }).triangles.flat() });
  }
  // The scapula surface (Mortensen 2014) hangs on the full-body model's scapula frame.
  const scap = w.X.get("scapula_R");
  if (scap) {
    const s = w.surface("rscapula.vtp", { model: "neck" });
    const pts = s.points.map((p) => gltf(w, apply(scap, p)) as Vec3);
    out.set("scapula", { positions: pts.flat(), indices: s.triangles.flat() });
  }
  return out;
}

async function referenceSection(root: string, bones: Map<string, MeshData>, log: (s: string) => void) {
  const dir = referenceDir(root);
  if (!dir) {
    log("\nReference surfaces: SKIPPED (../shared/anatomy-sources not present; the build never needs it).");
    return;
  }
  log("\nReference surfaces after rigid alignment (mm): mean / 95th percentile");
  for (const [bone, ref] of await referenceSurfaces(root, dir)) {
    const gen = bones.get(bone);
    if (!gen) continue;
    const d = alignedSurfaceDistance(gen, ref);
    log(`  ${bone.padEnd(10)} ${mm(d.mean)} / ${mm(d.p95)}`);
  }
}

async function topologySection(root: string, log: (s: string) => void) {
  const dir = process.env["MODELS_DIR"] ?? join(root, "public", "models");
  if (!existsSync(join(dir, "manifest.json"))) {
    log("\nTopology: SKIPPED (public/models not built; run npm run models).");
    return;
  }
  log("\nTopology of the built files: nodes with non-manifold vertices; largest left/right mirror distance (mm)");
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".glb"))
    .sort()) {
    const nodes = await readModelNodes(join(dir, f));
    const bad = nodes.map((n) => ({ n: n.name, k: nonManifoldVertices(n, 1e-5) })).filter((x) => x.k > 0);
    const byName = new Map(nodes.map((n) => [n.name, n]));
    let worst = 0;
    let worstName = "";
    for (const n of nodes) {
      if (n.side !== "r") continue;
      const l = byName.get(n.name.replace(/-r$/, "-l"));
      if (!l) continue;
      const d = mirrorDistance(n, l);
      if (d > worst) {
        worst = d;
        worstName = n.id;
      }
    }
    log(
      `  ${f.padEnd(15)} ${String(bad.length).padStart(3)} of ${String(nodes.length).padStart(3)} nodes non-manifold` +
        ` (${bad.reduce((s, x) => s + x.k, 0)} vertices)${
          bad.length
            ? `: ${bad
                .slice(0, 6)
                .map((x) => `${x.n} ${x.k}`)
                .join(", ")}${bad.length > 6 ? ", ..." : ""}`
            : ""
        }` +
        `; mirror ${mm(worst)}${worstName ? ` (${worstName})` : ""}`,
    );
  }
}

export async function reportBones(options: { root?: string; force?: boolean; log?: (s: string) => void } = {}) {
  const root = options.root ?? ROOT;
  const log = options.log ?? ((s: string) => console.log(s));
  const t0 = performance.now();
  const bones = await generatedBones(root, options.force);
  log(`Bones: ${bones.size} generated (${Math.round(performance.now() - t0)} ms, cached in .cache/bone-fit/)`);
  log("\nLong-bone centre lines against the reference (mm): largest / mean offset of the section centres");
  for (const r of centreLineReport(bones)) log(`  ${r.bone.padEnd(10)} ${mm(r.max)} / ${mm(r.mean)}`);
  const ends = attachmentReport(bones, recordPaths(root));
  const far = ends.filter((e) => e.d > 0.015).sort((a, b) => b.d - a.d);
  log(`\nReference attachment ends: ${far.length} of ${ends.length} more than 15 mm from their segment's bone`);
  for (const e of far) log(`  ${e.path} (${e.end}) ${mm(e.d)}`);
  await referenceSection(root, bones, log);
  await topologySection(root, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportBones({ force: process.argv.includes("--force") }).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
