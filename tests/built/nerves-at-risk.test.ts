// Nerves at risk pass where the atlas says they are at risk: the places a massage student must treat with care
// (the cubital tunnel, the spiral groove, the fibular neck, the interscalene gap and posterior triangle, beside the
// ASIS, over the first dorsal compartment, beside the malleoli). Centre lines come from the records' geometry on the
// real skeleton; muscles are the meshes the models build made (tests/support/meshes.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { initMeshing } from "../../models/sdf.ts";
import { distanceToMesh, insideMesh } from "../../models/soft/analyse.ts";
import { resolvePath } from "../../models/soft/context.ts";
import { smoothCurve } from "../../models/soft/curve.ts";
import { skeletonContext } from "../../models/soft/index.ts";
import type { Vec3 } from "../../models/types.ts";
import type { SoftGeometry } from "../../src/schemas/geometry-soft.ts";
import { mesh, records } from "../support/meshes.ts";

const byId = new Map(records.map((r) => [r.record.id, r.record]));
const lm = (name: string): Vec3 => skeletonContext.landmark(name);
const dist = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Smoothed centre lines of a nerve: its main path and every branch (right side). */
function nerveLines(id: string): Vec3[][] {
  const g = byId.get(id)?.geometry as SoftGeometry | undefined;
  if (g?.builder !== "tube") throw new Error(`${id}: not a tube`);
  return [g.path, ...(g.branches ?? []).map((b) => b.path)].map((p) =>
    smoothCurve(resolvePath(skeletonContext, p).points, 200),
  );
}
const allPoints = (id: string): Vec3[] => nerveLines(id).flat();

beforeAll(async () => {
  await initMeshing();
});

describe("nerves at risk pass their endangerment sites", () => {
  it("the ulnar nerve runs behind the medial epicondyle (cubital tunnel)", () => {
    const me = lm("humerus.medial-epicondyle");
    const behind = allPoints("ulnar-nerve").filter(
      (p) => Math.abs(p[1] - me[1]) < 0.01 && p[2] < me[2] - 0.006 && dist(p, me) < 0.018,
    );
    expect(behind.length).toBeGreaterThan(0);
  });

  it("the radial nerve spirals behind the humerus, from its inner to its outer side", () => {
    const mid = lm("humerus.shaft-mid");
    const line = nerveLines("radial-nerve")[0] ?? [];
    const atMid = line.filter((p) => Math.abs(p[1] - mid[1]) < 0.006);
    expect(atMid.length).toBeGreaterThan(0);
    for (const p of atMid) {
      expect(p[2], "behind the shaft").toBeLessThan(mid[2] - 0.01);
      expect(dist(p, mid), "close to the bone").toBeLessThan(0.03);
    }
    const neck = lm("humerus.surgical-neck");
    const ridge = lm("humerus.lateral-supracondylar-ridge");
    const high = line.filter((p) => Math.abs(p[1] - neck[1]) < 0.01);
    const low = line.filter((p) => Math.abs(p[1] - ridge[1]) < 0.01);
    expect(high.length * low.length).toBeGreaterThan(0);
    // Right side: medial is +x, lateral is -x.
    for (const p of high) expect(p[0], "medial to the shaft at the surgical neck").toBeGreaterThan(neck[0]);
    for (const p of low) expect(p[0], "lateral to the shaft above the elbow").toBeLessThan(mid[0]);
  });

  it("the common fibular nerve winds around the outer side of the fibular neck and ends in front of it", () => {
    const neck = lm("fibula.neck");
    const line = nerveLines("common-fibular-nerve")[0] ?? [];
    const lateral = line.filter((p) => dist(p, neck) < 0.02 && p[0] < neck[0] - 0.01);
    expect(lateral.length).toBeGreaterThan(0);
    const end = line.at(-1) ?? [0, 0, 0];
    expect(end[2]).toBeGreaterThan(neck[2]);
    // Its two end branches start where it ends.
    for (const branch of ["superficial-fibular-nerve", "deep-fibular-nerve"]) {
      const start = nerveLines(branch)[0]?.[0] ?? [0, 0, 0];
      expect(dist(start, end), branch).toBeLessThan(0.003);
    }
  });

  it("the brachial plexus passes between the anterior and middle scalenes, then behind the clavicle", () => {
    const anterior = mesh("anterior-scalene");
    const middle = mesh("middle-scalene");
    const clavicle = lm("clavicle.mid");
    const points = allPoints("brachial-plexus");
    const between = points.filter(
      (p) =>
        p[1] > clavicle[1] + 0.03 &&
        !insideMesh(anterior, p) &&
        !insideMesh(middle, p) &&
        distanceToMesh(anterior, p) < 0.012 &&
        distanceToMesh(middle, p) < 0.012,
    );
    expect(between.length).toBeGreaterThan(0);
    const underClavicle = points.filter(
      (p) => Math.abs(p[0] - clavicle[0]) < 0.01 && Math.abs(p[1] - clavicle[1]) < 0.02,
    );
    expect(underClavicle.length).toBeGreaterThan(0);
    for (const p of underClavicle) expect(p[2], "behind the clavicle").toBeLessThan(clavicle[2]);
  });

  it("the spinal accessory nerve crosses the posterior triangle between sternocleidomastoid and trapezius", () => {
    const scm = mesh("sternocleidomastoid");
    const trapezius = mesh("trapezius");
    const crossing = allPoints("spinal-accessory-nerve").filter(
      (p) =>
        !insideMesh(scm, p) &&
        !insideMesh(trapezius, p) &&
        distanceToMesh(scm, p) < 0.025 &&
        distanceToMesh(trapezius, p) < 0.025,
    );
    expect(crossing.length).toBeGreaterThan(0);
  });

  it("the lateral femoral cutaneous nerve leaves the pelvis just inside the ASIS", () => {
    const asis = lm("pelvis.asis");
    const near = allPoints("lateral-femoral-cutaneous-nerve").filter(
      (p) =>
        Math.abs(p[1] - asis[1]) < 0.012 &&
        p[0] > asis[0] + 0.004 &&
        p[0] < asis[0] + 0.03 &&
        Math.abs(p[2] - asis[2]) < 0.02,
    );
    expect(near.length).toBeGreaterThan(0);
  });

  it("the superficial radial nerve crosses the tendons of the first dorsal compartment", () => {
    const styloid = lm("radius.styloid");
    const tendons = [mesh("abductor-pollicis-longus"), mesh("extensor-pollicis-brevis")];
    const over = allPoints("superficial-radial-nerve").filter(
      (p) =>
        Math.abs(p[1] - styloid[1]) < 0.04 && tendons.some((t) => !insideMesh(t, p) && distanceToMesh(t, p) < 0.008),
    );
    expect(over.length).toBeGreaterThan(0);
  });

  it("the saphenous nerve passes in front of the medial malleolus and the sural nerve behind the lateral one", () => {
    const medial = lm("tibia.medial-malleolus");
    const inFront = allPoints("saphenous-nerve").filter(
      (p) => Math.abs(p[1] - medial[1]) < 0.02 && p[2] > medial[2] + 0.008 && dist(p, medial) < 0.03,
    );
    expect(inFront.length).toBeGreaterThan(0);
    const lateral = lm("fibula.lateral-malleolus");
    const behind = allPoints("sural-nerve").filter(
      (p) => Math.abs(p[1] - lateral[1]) < 0.015 && p[2] < lateral[2] - 0.008 && dist(p, lateral) < 0.03,
    );
    expect(behind.length).toBeGreaterThan(0);
  });
});
