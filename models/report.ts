// The models report: `npm run models:report` (also part of `npm run bench`). Per soft-tissue structure: its volume
// against its target (models/soft/volume.ts), mean thickness, the fraction of its vertices more than 2 mm inside a
// bone farther than 30 mm from its attachments, and topology (boundary edges, edges of more than two triangles,
// pinched vertices). Reads the generated files (public/models, built first when stale); needs no
// ../shared/anatomy-sources. `--fresh` measures the builders' meshes before simplification instead of the files.
// The bone fit has its own report (models/report-bones.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateModels, type Manifest, ROOT } from "./build.ts";
import { BoneSet, insideBone, meanThickness, meshVolume, type Triangles, topology } from "./fit.ts";
import { wholeMidline } from "./mesh.ts";
import { readModelNodes } from "./read-glb.ts";
import { loadRecords } from "./records.ts";
import { buildSoftTissue, recordAttachments, recordTarget } from "./soft/index.ts";
import type { VolumeSource } from "./soft/volume.ts";
import type { Vec3 } from "./types.ts";

export interface StructureFit {
  id: string;
  tissue: string;
  builder: string;
  volumeCm3: number;
  targetCm3: number | undefined;
  /** volume / target. */
  ratio: number | undefined;
  source: VolumeSource | "mixed";
  /** A typed volumeCm3 the rule does not use (a family exists and no volumeReason is given). */
  ignoredCm3: number | undefined;
  thicknessMm: number;
  /** Fraction of vertices > 2 mm inside bone, > 30 mm from attachments; deepest, mm. */
  insideFraction: number;
  insideMaxMm: number;
  boundaryEdges: number;
  nonManifoldEdges: number;
  pinched: number;
}

export interface FitOptions {
  root?: string;
  /** Measure the builders' meshes (before simplification) instead of the generated files. */
  fresh?: boolean;
  /** Only these record ids. */
  only?: string[];
  /** Read the generated files from this folder as they are (default: public/models, generated when stale). */
  dir?: string;
}

/** Measure every soft-tissue structure with geometry (right side or midline). */
export async function measureFit(options: FitOptions = {}): Promise<StructureFit[]> {
  const root = options.root ?? ROOT;
  const dir = options.dir ?? join(root, "public", "models");
  // The builders' meshes need only the skeleton file (bones are not changed by the soft-tissue builders).
  if (!options.dir && !(options.fresh && existsSync(join(dir, "skeleton.glb")))) await generateModels({ root });
  const skeleton = await readModelNodes(join(dir, "skeleton.glb"));
  const bones = new BoneSet(skeleton.filter((n) => n.tissue === "bone"));
  const records = loadRecords(root)
    .map((l) => l.record)
    .filter((r) => r.geometry && r.geometry.builder !== "bone" && r.geometry.builder !== "skin")
    .filter((r) => !options.only || options.only.includes(r.id));
  const meshes = new Map<string, Triangles>();
  if (options.fresh) {
    for (const r of records) {
      const m = buildSoftTissue(r, "r");
      // A midline structure built as its right half is measured whole, as the files hold it.
      if (m) meshes.set(r.id, r.bilateral ? m : wholeMidline(m));
    }
  } else {
    // Each structure from its region's files (the overview is coarser): the first-load file or the part (deep
    // muscles, connective tissue, nerves) that holds its node; right side or midline node.
    const manifest = (await import(pathToFileURL(join(dir, "manifest.json")).href, { with: { type: "json" } }))
      .default as Manifest;
    const home = new Map<string, string>();
    for (const s of manifest.structures) {
      if (s.side !== "l") home.set(s.node, s.models.find((m) => m !== "body") ?? "body");
    }
    const wanted = new Set(records.map((r) => r.id));
    for (const f of manifest.files) {
      const mine = f.nodes.filter((n) => home.get(n) === f.model);
      if (!mine.some((n) => wanted.has(n.replace(/-r$/, "")))) continue;
      for (const n of await readModelNodes(join(dir, f.file))) {
        if (n.side !== "l" && wanted.has(n.id) && mine.includes(n.name)) meshes.set(n.id, n);
      }
    }
  }
  const out: StructureFit[] = [];
  for (const r of records) {
    const m = meshes.get(r.id);
    if (!m || !r.geometry) continue;
    // Midline structures are measured whole (both halves), with their attachments mirrored.
    const att = recordAttachments(r);
    const attachments = r.bilateral ? att : [...att, ...att.map((p): Vec3 => [-p[0], p[1], p[2]])];
    const t = recordTarget(r);
    const volumeCm3 = Math.abs(meshVolume(m)) * 1e6;
    // Structures without attachment lines (capsules, bursae) wrap or lie on bone by design: not measured.
    const inside = att.length ? insideBone(m, bones, attachments) : { fraction: 0, maxDepth: 0 };
    const topo = topology(m);
    out.push({
      id: r.id,
      tissue: r.tissue,
      builder: r.geometry.builder,
      volumeCm3,
      targetCm3: t.cm3,
      ratio: t.cm3 ? volumeCm3 / t.cm3 : undefined,
      source: t.source,
      ignoredCm3: t.ignoredCm3,
      thicknessMm: meanThickness(m) * 1000,
      insideFraction: inside.fraction,
      insideMaxMm: inside.maxDepth * 1000,
      boundaryEdges: topo.boundaryEdges,
      nonManifoldEdges: topo.nonManifoldEdges,
      pinched: topo.pinched,
    });
  }
  return out;
}

const f1 = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(1));
const f2 = (v: number | undefined) => (v === undefined ? "-" : v.toFixed(2));

/** The report as text lines. */
export function formatFit(rows: readonly StructureFit[]): string[] {
  const lines = [
    "structure                               builder  tissue     volume  target  ratio  source  thick  inside%  depth  holes nm pinch",
  ];
  for (const r of rows) {
    lines.push(
      [
        r.id.padEnd(39),
        r.builder.padEnd(7),
        r.tissue.padEnd(9),
        f1(r.volumeCm3).padStart(7),
        f1(r.targetCm3).padStart(7),
        f2(r.ratio).padStart(6),
        r.source.padEnd(6),
        f1(r.thicknessMm).padStart(6),
        (r.insideFraction * 100).toFixed(1).padStart(7),
        f1(r.insideMaxMm).padStart(6),
        String(r.boundaryEdges).padStart(5),
        String(r.nonManifoldEdges).padStart(2),
        String(r.pinched).padStart(5),
      ].join(" "),
    );
  }
  const muscles = rows.filter((r) => r.tissue === "muscle" && r.ratio !== undefined);
  const within = muscles.filter((r) => (r.ratio ?? 0) >= 0.8 && (r.ratio ?? 0) <= 1.25);
  const inside = rows.filter((r) => r.insideFraction > 0.01);
  const worst = [...rows].sort((a, b) => b.insideFraction - a.insideFraction).slice(0, 5);
  const ignored = rows.filter((r) => r.ignoredCm3 !== undefined);
  lines.push(
    "",
    `muscles within 0.8-1.25 of target: ${within.length} of ${muscles.length}`,
    `structures with > 1 % of vertices > 2 mm inside bone away from attachments: ${inside.length} of ${rows.length}` +
      ` (worst: ${worst.map((r) => `${r.id} ${(r.insideFraction * 100).toFixed(1)} %`).join(", ")})`,
    `structures with holes or non-manifold edges: ${rows.filter((r) => r.boundaryEdges || r.nonManifoldEdges).length}; with pinched vertices: ${rows.filter((r) => r.pinched).length}`,
    `typed volumes not used (a reference family and no volumeReason): ${ignored.map((r) => `${r.id} ${f1(r.ignoredCm3)}`).join(", ") || "none"}`,
  );
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const fresh = process.argv.includes("--fresh");
  const only = process.argv
    .find((a) => a.startsWith("--only="))
    ?.slice(7)
    .split(",");
  const dir = process.argv.find((a) => a.startsWith("--dir="))?.slice(6);
  measureFit({ fresh, ...(only ? { only } : {}), ...(dir ? { dir } : {}) })
    .then((rows) => console.log(formatFit(rows).join("\n")))
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
}
