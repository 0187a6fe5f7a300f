// Arteries, veins and the kidney on the real skeleton: a vessel that changes its name continues where the previous
// one ends (subclavian -> axillary -> brachial...), the vertebral artery passes through the transverse foramina of
// C6-C3 instead of through bone, the femoral artery lies outside the femoral vein at the groin, and the kidney sits
// beside the spine from the lowest ribs to the upper lumbar vertebrae.
import { beforeAll, describe, expect, it } from "vitest";
import { initMeshing } from "../../models/sdf.ts";
import { landmark } from "../../models/skeleton.ts";
import { boundingBox, distanceToMesh, insideMesh } from "../../models/soft/analyse.ts";
import { resolvePath } from "../../models/soft/context.ts";
import { skeletonContext } from "../../models/soft/index.ts";
import type { MeshData, Vec3 } from "../../models/types.ts";
import { mesh, records } from "../support/meshes.ts";

const byId = new Map(records.map((r) => [r.record.id, r.record]));

/** The resolved centre line of a tube record (its main line, not branches). */
function line(id: string): Vec3[] {
  const g = byId.get(id)?.geometry;
  if (g?.builder !== "tube") throw new Error(`${id}: not a tube record`);
  return resolvePath(skeletonContext, g.path).points;
}
const first = (id: string): Vec3 => line(id)[0] as Vec3;
const last = (id: string): Vec3 => line(id).at(-1) as Vec3;
const gap = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

// [upstream, downstream]: where the first ends (arteries) or starts (veins, which drain toward the heart), the second
// begins or ends.
const ARTERY_CHAINS: [string, string][] = [
  ["subclavian-artery", "axillary-artery"],
  ["axillary-artery", "brachial-artery"],
  ["brachial-artery", "radial-artery"],
  ["brachial-artery", "ulnar-artery"],
  ["common-carotid-artery", "internal-carotid-artery"],
  ["common-carotid-artery", "external-carotid-artery"],
  ["external-carotid-artery", "superficial-temporal-artery"],
  ["abdominal-aorta", "common-iliac-artery"],
  ["common-iliac-artery", "external-iliac-artery"],
  ["external-iliac-artery", "femoral-artery"],
  ["femoral-artery", "popliteal-artery"],
  ["popliteal-artery", "anterior-tibial-artery"],
  ["popliteal-artery", "posterior-tibial-artery"],
  ["anterior-tibial-artery", "dorsalis-pedis-artery"],
];
// [tributary, the vein it becomes or drains into]: the first ends where the second starts.
const VEIN_CHAINS: [string, string][] = [
  ["basilic-vein", "axillary-vein"],
  ["axillary-vein", "subclavian-vein"],
];

describe("vessels continue one another", () => {
  for (const [a, b] of [...ARTERY_CHAINS, ...VEIN_CHAINS]) {
    it(`${a} ends where ${b} begins (within 5 mm)`, () => {
      expect(gap(last(a), first(b))).toBeLessThan(0.005);
    });
  }
  it("the right subclavian and common carotid arteries start together behind the sternoclavicular joint", () => {
    expect(gap(first("subclavian-artery"), first("common-carotid-artery"))).toBeLessThan(0.003);
    const joint = landmark("clavicle.sternal-end");
    expect(gap(first("subclavian-artery"), joint)).toBeLessThan(0.03);
  });
  it("the abdominal aorta divides in front of the fourth lumbar vertebra, a little left of the midline", () => {
    const end = last("abdominal-aorta");
    const l4 = landmark("vertebra-l4.spinous-process");
    expect(Math.abs(end[1] - l4[1])).toBeLessThan(0.015);
    expect(end[2]).toBeGreaterThan(l4[2] + 0.05);
    expect(end[0]).toBeGreaterThan(0);
  });
});

describe("vessels lie where they do in the body", () => {
  it("at the groin the femoral artery lies outside (lateral to) the femoral vein", () => {
    const artery = first("femoral-artery");
    const vein = line("femoral-vein").reduce((best, p) =>
      Math.abs(p[1] - artery[1]) < Math.abs(best[1] - artery[1]) ? p : best,
    );
    expect(Math.abs(vein[1] - artery[1])).toBeLessThan(0.015);
    // The body's right is -x: lateral means more negative.
    expect(artery[0]).toBeLessThan(vein[0] - 0.008);
  });

  it("the brachial artery reaches the elbow between the epicondyles, in front of the joint", () => {
    const end = last("brachial-artery");
    const med = landmark("humerus.medial-epicondyle");
    const lat = landmark("humerus.lateral-epicondyle");
    expect(end[0]).toBeLessThan(med[0]);
    expect(end[0]).toBeGreaterThan(lat[0]);
    expect(end[2]).toBeGreaterThan(Math.max(med[2], lat[2]) + 0.01);
  });

  describe("the vertebral artery passes through the transverse foramina of C6 to C3", () => {
    const vertebrae = new Map<string, MeshData>();
    beforeAll(async () => {
      await initMeshing();
      for (const n of [3, 4, 5, 6]) {
        const r = byId.get(`vertebra-c${n}`);
        if (r?.geometry?.builder !== "bone") throw new Error(`vertebra-c${n}: no bone geometry`);
        vertebrae.set(`c${n}`, mesh(`vertebra-c${n}`));
      }
    });
    for (const n of [3, 4, 5, 6]) {
      it(`C${n}: the artery is surrounded by the vertebra but not inside it`, () => {
        const bone = vertebrae.get(`c${n}`) as MeshData;
        const artery = mesh("vertebral-artery");
        const y = landmark(`vertebra-c${n}.body-centre`)[1];
        // The artery's vertices at the level of this vertebra's body.
        const ring: Vec3[] = [];
        for (let i = 0; i < artery.positions.length; i += 3) {
          const p: Vec3 = [artery.positions[i] ?? 0, artery.positions[i + 1] ?? 0, artery.positions[i + 2] ?? 0];
          if (Math.abs(p[1] - y) < 0.002) ring.push(p);
        }
        expect(ring.length).toBeGreaterThan(4);
        const inside = ring.filter((p) => insideMesh(bone, p) && distanceToMesh(bone, p) > 0.0005).length;
        expect(inside / ring.length).toBeLessThan(0.1);
        // Every vertex of the ring is close to bone: the foramen's wall surrounds it.
        for (const p of ring) expect(distanceToMesh(bone, p)).toBeLessThan(0.004);
      });
    }
  });

  it("the kidney lies beside the spine, from the level of the lowest ribs to the upper lumbar vertebrae", () => {
    const kidney = byId.get("kidney");
    expect(kidney?.tissue).toBe("organ");
    const box = boundingBox(mesh("kidney"));
    expect(box.max[1]).toBeGreaterThan(landmark("vertebra-t12.spinous-process")[1]);
    expect(box.max[1]).toBeLessThan(landmark("vertebra-t10.spinous-process")[1]);
    expect(box.min[1]).toBeGreaterThan(landmark("vertebra-l4.spinous-process")[1]);
    expect(box.min[1]).toBeLessThan(landmark("vertebra-l1.spinous-process")[1]);
    // Clear of the vertebral bodies, on the right.
    expect(box.max[0]).toBeLessThan(-0.03);
    const length = box.max[1] - box.min[1];
    expect(length).toBeGreaterThan(0.09);
    expect(length).toBeLessThan(0.13);
  });
});
