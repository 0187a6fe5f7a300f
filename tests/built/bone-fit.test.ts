// Topology, symmetry and bone fit of the written model files (public/models; generated here if missing or stale):
// every node closed and manifold, every left node the mirror image of its right twin, and the reference muscle attachment
// ends on the bones of skeleton.glb. Thresholds are explained in models/README.md ("Bone fit and topology").
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mirrorDistance, nonManifoldVertices, TriangleGrid } from "../../models/bone-fit.ts";
import { generateModels, ROOT } from "../../models/build.ts";
import { topology } from "../../models/fit.ts";
import { type ModelNode, readModelNodes } from "../../models/read-glb.ts";
import { attachmentEnds, recordPaths } from "../../models/report-bones.ts";

/** Largest distance between a left node and the mirror image of its right twin (quantization is ~0.2 mm). */
const MIRROR_MM = 2;
/** Largest distance of a reference attachment end from its segment's generated bone. */
const ATTACHMENT_MM = 15;
/**
 * Reference ends still more than 15 mm from their bone (models/README.md, "Bone fit and topology"), each with why;
 * any other end that drifts off fails.
 */
const KNOWN_OFF: Record<string, string> = {
  "opensim:trap_cl first": "behind the clavicle between its measured joint centres (and the reference surface)",
  "opensim:IL_R5_r last": "iliocostalis on rib 5, behind the angle where the rib builder leaves points to the muscles",
  "opensim:psoas_r first": "psoas origin at the lumbar spine, carried by the leg model's pelvis body",
  "opensim:piri_r first": "front of the sacrum, 16 mm off the reference sacrum and hip bone surfaces themselves",
  // Used (rib ends only, with offsets) by serratus posterior inferior: the lower iliocostalis slips of the reference
  // sit 22-32 mm off the generated lower ribs (rib shapes not reworked yet) and, at the pelvis, 33-37 mm off the
  // reference hip bone and sacrum surfaces themselves (on the erector spinae aponeurosis), 31-38 mm off the
  // generated ones.
  "opensim:IL_R9_r first": "lower iliocostalis slip, pelvis end",
  "opensim:IL_R9_r last": "lower iliocostalis slip on rib 9",
  "opensim:IL_R10_r first": "lower iliocostalis slip, pelvis end",
  "opensim:IL_R10_r last": "lower iliocostalis slip on rib 10",
  "opensim:IL_R11_r first": "lower iliocostalis slip, pelvis end",
  "opensim:IL_R11_r last": "lower iliocostalis slip on rib 11",
  "opensim:IL_R12_r first": "lower iliocostalis slip, pelvis end",
  "opensim:IL_R12_r last": "lower iliocostalis slip on rib 12",
};

const dir = join(ROOT, "public", "models");
const files = new Map<string, ModelNode[]>();

beforeAll(async () => {
  await generateModels({ outDir: dir });
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".glb"))) files.set(f, await readModelNodes(join(dir, f)));
}, 300_000);

describe("written model files", () => {
  it("have every node a closed surface with no non-manifold vertex (body.glb included)", () => {
    const bad: string[] = [];
    for (const [f, nodes] of files) {
      for (const n of nodes) {
        const k = nonManifoldVertices(n, 1e-5);
        if (k > 0) bad.push(`${f} ${n.name}: ${k} non-manifold vertices`);
        const open = topology(n).boundaryEdges;
        if (open > 0) bad.push(`${f} ${n.name}: ${open} boundary edges`);
      }
    }
    expect(files.size).toBeGreaterThanOrEqual(8);
    expect(bad).toEqual([]);
  });

  it(`mirror every left node from its right twin within ${MIRROR_MM} mm (body.glb included)`, () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const [f, nodes] of files) {
      const byName = new Map(nodes.map((n) => [n.name, n]));
      for (const r of nodes.filter((n) => n.side === "r")) {
        const l = byName.get(r.name.replace(/-r$/, "-l"));
        if (!l) {
          bad.push(`${f} ${r.name}: no left twin`);
          continue;
        }
        pairs++;
        const d = mirrorDistance(r, l) * 1000;
        if (!(d <= MIRROR_MM)) bad.push(`${f} ${r.id}: ${d.toFixed(1)} mm`);
      }
    }
    expect(pairs).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });
});

describe("reference attachment ends on the skeleton", () => {
  it(`lie within ${ATTACHMENT_MM} mm of their segment's bone`, () => {
    const bones = new Map(
      (files.get("skeleton.glb") ?? []).filter((n) => n.side !== "l").map((n) => [n.id, n] as const),
    );
    const ends = attachmentEnds(recordPaths());
    expect(ends.length).toBeGreaterThan(200);
    const grids = new Map<string, TriangleGrid>();
    const far: string[] = [];
    for (const e of ends) {
      const key = e.bones.join(",");
      let g = grids.get(key);
      if (!g) {
        g = new TriangleGrid(e.bones.map((id) => bones.get(id)).filter((n): n is ModelNode => !!n));
        grids.set(key, g);
      }
      const d = g.distance(e.p) * 1000;
      if (d > ATTACHMENT_MM && !KNOWN_OFF[`${e.path} ${e.end}`]) far.push(`${e.path} (${e.end}) ${d.toFixed(1)} mm`);
    }
    expect(far).toEqual([]);
    // The list names only ends that are still off (an entry that starts to fit is taken out).
    const stillOff = new Set(
      ends
        .filter((e) => (grids.get(e.bones.join(",")) as TriangleGrid).distance(e.p) * 1000 > ATTACHMENT_MM)
        .map((e) => `${e.path} ${e.end}`),
    );
    expect(Object.keys(KNOWN_OFF).filter((k) => !stillOff.has(k))).toEqual([]);
  });
});
