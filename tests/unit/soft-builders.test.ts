// Soft-tissue shape builders on a synthetic skeleton: closed, well-formed meshes of the requested size/shape.
import { describe, expect, it } from "vitest";
import { mirrorMesh, wholeMidline } from "../../models/mesh.ts";
import {
  boundingBox,
  componentCount,
  degenerateTriangles,
  distanceToMesh,
  edgeReport,
  normalDisagreement,
  signedVolume,
} from "../../models/soft/analyse.ts";
import type { SoftContext } from "../../models/soft/context.ts";
import { buildSoftGeometry, buildSoftTissue } from "../../models/soft/index.ts";
import type { MeshData, Vec3 } from "../../models/types.ts";
import type { AnatomyRecord } from "../../src/schemas/anatomy-record.ts";
import { type SoftGeometry, softGeometrySchema } from "../../src/schemas/geometry-soft.ts";

const landmarks: Record<string, Vec3> = {
  "a.top": [-0.2, 1.4, 0],
  "a.mid": [-0.22, 1.25, 0.02],
  "a.bottom": [-0.2, 1.1, 0],
  "b.one": [-0.1, 1.0, 0.05],
  "b.two": [-0.1, 1.0, 0.0],
  "b.three": [-0.14, 1.0, 0.05],
  "b.four": [-0.14, 1.0, 0.0],
  "c.centre": [-0.2, 1.25, -0.05],
  "c.ball": [-0.2, 1.45, 0],
};

const derived: Record<string, { points: Vec3[]; volumeCm3?: number; tendonSlackLength?: number }> = {
  "test:curved": {
    points: [
      [-0.2, 1.4, 0],
      [-0.21, 1.32, 0.02],
      [-0.23, 1.22, 0.03],
      [-0.21, 1.12, 0.01],
      [-0.2, 1.05, 0],
    ],
    volumeCm3: 120,
    tendonSlackLength: 0.08,
  },
};
// Fan-shaped fascicles converging on one insertion, for a sheet.
for (let i = 0; i < 6; i++) {
  derived[`test:fan${i}`] = {
    points: [
      [0, 1.2 + i * 0.04, -0.08],
      [-0.08, 1.25 + i * 0.02, -0.1],
      [-0.17, 1.32, -0.06],
    ],
    volumeCm3: 30,
  };
}

const ctx: SoftContext = {
  landmark(name) {
    const p = landmarks[name];
    if (!p) throw new Error(`unknown landmark "${name}"`);
    return p;
  },
  musclePath(source) {
    const d = derived[source];
    if (!d) throw new Error(`unknown muscle path "${source}"`);
    return d;
  },
  segmentFrame(name) {
    if (name !== "seg") throw new Error(`unknown segment "${name}"`);
    return { origin: [-0.2, 1.2, 0], x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };
  },
};

function build(g: unknown): MeshData {
  return buildSoftGeometry(ctx, softGeometrySchema.parse(g) as SoftGeometry);
}

function expectWellFormed(m: MeshData, pieces = 1): void {
  const edges = edgeReport(m);
  expect(edges.boundary, "open edges").toBe(0);
  expect(edges.nonManifold, "non-manifold edges").toBe(0);
  expect(degenerateTriangles(m)).toBe(0);
  expect(signedVolume(m), "triangles face outward").toBeGreaterThan(0);
  expect(normalDisagreement(m), "smooth normals agree with faces").toBeLessThan(0.02);
  expect(componentCount(m)).toBe(pieces);
  expect(m.normals.length).toBe(m.positions.length);
  for (const v of m.positions) expect(Number.isFinite(v)).toBe(true);
}

/** Half-extent of the mesh measured along a unit direction through `c`. */
function extentAlong(m: MeshData, c: Vec3, dir: Vec3, slab: { axis: Vec3; at: number; tol: number }): number {
  let max = 0;
  for (let i = 0; i < m.positions.length; i += 3) {
    const p: Vec3 = [m.positions[i] ?? 0, m.positions[i + 1] ?? 0, m.positions[i + 2] ?? 0];
    const h = p[0] * slab.axis[0] + p[1] * slab.axis[1] + p[2] * slab.axis[2];
    if (Math.abs(h - slab.at) > slab.tol) continue;
    const d = (p[0] - c[0]) * dir[0] + (p[1] - c[1]) * dir[1] + (p[2] - c[2]) * dir[2];
    max = Math.max(max, Math.abs(d));
  }
  return max;
}

describe("spindle muscle", () => {
  it("is a closed, smooth mesh whose volume matches the requested volume", () => {
    for (const volumeCm3 of [20, 120, 400]) {
      const m = build({ builder: "spindle", path: { from: "test:curved" }, volumeCm3 });
      expectWellFormed(m);
      const v = signedVolume(m) * 1e6;
      expect(Math.abs(v - volumeCm3) / volumeCm3).toBeLessThan(0.15);
    }
  });

  it("takes its volume from the derived path and reaches its origin and insertion", () => {
    const m = build({ builder: "spindle", path: { from: "test:curved" } });
    expect(Math.abs(signedVolume(m) * 1e6 - 120) / 120).toBeLessThan(0.15);
    const pts = derived["test:curved"]?.points ?? [];
    expect(distanceToMesh(m, pts[0] as Vec3)).toBeLessThan(0.005);
    expect(distanceToMesh(m, pts[pts.length - 1] as Vec3)).toBeLessThan(0.005);
  });

  it("tapers into tendons and flattens toward the given side", () => {
    const m = build({
      builder: "spindle",
      path: ["a.top", "a.bottom"],
      maxRadiusMm: 20,
      flatten: 0.5,
      thinAxis: [0, 0, 1],
      tendon: { proximalMm: 40, distalMm: 60, widthMm: 6, thicknessMm: 2 },
    });
    expectWellFormed(m);
    const y = (1.4 + 1.1) / 2;
    // Belly: 20 mm wide (x), 10 mm thick (z); near the ends only the tendon remains.
    const wide = extentAlong(m, [-0.2, y, 0], [1, 0, 0], { axis: [0, 1, 0], at: y + 0.02, tol: 0.01 });
    const thin = extentAlong(m, [-0.2, y, 0], [0, 0, 1], { axis: [0, 1, 0], at: y + 0.02, tol: 0.01 });
    expect(wide).toBeGreaterThan(0.017);
    expect(wide).toBeLessThan(0.021);
    expect(thin).toBeGreaterThan(0.007);
    expect(thin).toBeLessThan(0.011);
    const tendon = extentAlong(m, [-0.2, 1.38, 0], [1, 0, 0], { axis: [0, 1, 0], at: 1.385, tol: 0.005 });
    expect(tendon).toBeLessThan(0.005);
  });

  it("adds tendon slips as separate closed tubes", () => {
    const m = build({
      builder: "spindle",
      path: ["a.top", "a.mid", "a.bottom"],
      volumeCm3: 60,
      slips: [{ path: ["a.bottom", "b.one"] }, { path: ["a.bottom", "b.three"], radiusMm: 1.5 }],
    });
    expectWellFormed(m, 3);
    expect(distanceToMesh(m, landmarks["b.three"] as Vec3)).toBeLessThan(0.003);
  });

  it("is pushed out of keep-out shapes", () => {
    const centre: Vec3 = [-0.2, 1.25, -0.012];
    const m = build({
      builder: "spindle",
      path: ["a.top", "a.bottom"],
      maxRadiusMm: 15,
      avoid: [{ sphere: { xyz: centre }, radiusMm: 20 }],
      clearanceMm: 1,
    });
    for (let i = 0; i < m.positions.length; i += 3) {
      const d = Math.hypot(
        (m.positions[i] ?? 0) - centre[0],
        (m.positions[i + 1] ?? 0) - centre[1],
        (m.positions[i + 2] ?? 0) - centre[2],
      );
      expect(d).toBeGreaterThan(0.0205);
    }
  });

  it("fails naming an unknown landmark or path", () => {
    expect(() => build({ builder: "spindle", path: ["a.top", "nope.point"], volumeCm3: 10 })).toThrow(/nope\.point/);
    expect(() => build({ builder: "spindle", path: { from: "test:missing" } })).toThrow(/test:missing/);
  });
});

describe("sheet muscle", () => {
  const fascicles = Array.from({ length: 6 }, (_, i) => ({ from: `test:fan${i}` }));

  it("blends its fascicles into one thin closed sheet of the requested volume", () => {
    const m = build({ builder: "sheet", fascicles, volumeCm3: 150 });
    expectWellFormed(m, 1);
    expect(Math.abs(signedVolume(m) * 1e6 - 150) / 150).toBeLessThan(0.15);
    // Thin: much thinner than wide (a sheet, not a bundle).
    const box = boundingBox(m);
    expect(box.max[0] - box.min[0]).toBeGreaterThan(0.15);
  });

  it("sums derived volumes and grows away from the deep side", () => {
    const m = build({ builder: "sheet", fascicles, deepToward: { xyz: [-0.05, 1.3, -0.3] } });
    expectWellFormed(m, 1);
    expect(Math.abs(signedVolume(m) * 1e6 - 180) / 180).toBeLessThan(0.15);
    // The fascicle lines lie on the deep face: nothing of the sheet lies much deeper (more negative z) than them.
    const box = boundingBox(m);
    expect(box.min[2]).toBeGreaterThan(-0.1 - 0.003);
  });

  it("needs a size", () => {
    expect(() =>
      build({
        builder: "sheet",
        fascicles: [
          ["a.top", "a.bottom"],
          ["b.one", "b.two"],
        ],
      }),
    ).toThrow(/volume/);
  });
});

describe("band", () => {
  it("spans its rails and arches toward the given side (a retinaculum over a tunnel)", () => {
    const flat = build({
      builder: "band",
      rails: [
        ["b.one", "b.two"],
        ["b.three", "b.four"],
      ],
      thicknessMm: 2,
    });
    const arched = build({
      builder: "band",
      rails: [
        ["b.one", "b.two"],
        ["b.three", "b.four"],
      ],
      thicknessMm: 2,
      archMm: 6,
      archToward: { xyz: [-0.12, 1.1, 0.025] },
    });
    expectWellFormed(flat);
    expectWellFormed(arched);
    for (const p of ["b.one", "b.two", "b.three", "b.four"]) {
      expect(distanceToMesh(flat, landmarks[p] as Vec3)).toBeLessThan(0.0015);
    }
    expect(boundingBox(flat).max[1]).toBeLessThan(1.0015);
    expect(boundingBox(arched).max[1]).toBeGreaterThan(1.005);
    // Thickness 2 mm.
    expect(signedVolume(flat)).toBeGreaterThan(0.04 * 0.05 * 0.002 * 0.8);
    expect(signedVolume(flat)).toBeLessThan(0.04 * 0.05 * 0.002 * 1.05);
  });

  it("lies on the structures beneath it (onto): drawn down onto them and out of them, thickness outward", () => {
    // A muscle stand-in: a sphere of 4 cm radius under the middle of a flat 8 cm sheet that starts 8 mm above its top
    // at the middle (a fascia floating over its muscle) and dips 10 mm into it toward one side.
    const c: Vec3 = [-0.2, 1.2, -0.04];
    const sphere = (p: Vec3) => Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) - 0.04;
    const onto: SoftContext = { ...ctx, structureDistance: (ids) => (ids[0] === "ball" ? sphere : () => Infinity) };
    const g = softGeometrySchema.parse({
      builder: "band",
      rails: [
        [{ xyz: [-0.24, 1.24, 0.008] }, { xyz: [-0.24, 1.16, 0.008] }],
        [{ xyz: [-0.16, 1.24, -0.002] }, { xyz: [-0.16, 1.16, -0.002] }],
      ],
      thicknessMm: 1.5,
      deepToward: { xyz: [-0.2, 1.2, -0.04] },
      onto: ["ball"],
      ontoMm: 12,
      resolution: { around: 9, along: 9 },
    }) as SoftGeometry;
    const m = buildSoftGeometry(onto, g);
    expectWellFormed(m);
    // Near the middle (away from the pinned ends) every vertex is out of the sphere, the deep ones within the gap.
    const near: number[] = [];
    for (let i = 0; i < m.positions.length; i += 3) {
      const p: Vec3 = [m.positions[i] ?? 0, m.positions[i + 1] ?? 0, m.positions[i + 2] ?? 0];
      if (Math.abs(p[1] - 1.2) < 0.015 && Math.abs(p[0] + 0.2) < 0.015) near.push(sphere(p));
    }
    expect(near.length).toBeGreaterThan(4);
    expect(Math.min(...near)).toBeGreaterThan(0.0015);
    expect(Math.min(...near)).toBeLessThan(0.0025);
    expect(Math.max(...near)).toBeLessThan(0.0045);
    // Without a context that knows structures: an error naming onto.
    expect(() => buildSoftGeometry(ctx, g)).toThrow(/onto/);
    expect(softGeometrySchema.safeParse({ ...g, deepToward: undefined }).success).toBe(false);
  });

  it("follows a path with a width that may change", () => {
    const m = build({
      builder: "band",
      path: ["a.top", "a.bottom"],
      widthMm: 30,
      endWidthMm: 10,
      faceAxis: [0, 0, 1],
      thicknessMm: 1.5,
    });
    expectWellFormed(m);
    const top = extentAlong(m, [-0.2, 1.39, 0], [1, 0, 0], { axis: [0, 1, 0], at: 1.39, tol: 0.012 });
    const bottom = extentAlong(m, [-0.2, 1.11, 0], [1, 0, 0], { axis: [0, 1, 0], at: 1.11, tol: 0.012 });
    expect(top).toBeGreaterThan(0.013);
    expect(bottom).toBeLessThan(0.008);
    // Flat in z.
    const box = boundingBox(m);
    expect(box.max[2] - box.min[2]).toBeLessThan(0.002);
  });

  it("requires rails or a path", () => {
    expect(softGeometrySchema.safeParse({ builder: "band", thicknessMm: 1 }).success).toBe(false);
    expect(softGeometrySchema.safeParse({ builder: "band", path: ["a.top", "a.bottom"], thicknessMm: 1 }).success).toBe(
      false,
    );
  });
});

describe("capsule, bursa, tube", () => {
  it("capsule: a closed thick sleeve from rim to neck", () => {
    const m = build({
      builder: "capsule",
      rim: { centre: "a.top", radiusMm: [20, 14] },
      neck: { centre: "a.mid", radiusMm: 25 },
      bulgeMm: 8,
      thicknessMm: 2,
    });
    expectWellFormed(m);
    // Wall only: its volume is far below a solid barrel's.
    const v = signedVolume(m);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(Math.PI * 0.03 * 0.03 * 0.15 * 0.3);
  });

  it("bursa: a thin sac, draped over a sphere", () => {
    const m = build({
      builder: "bursa",
      centre: { landmark: "c.ball", offset: [0, 0.03, 0] },
      radiiMm: [25, 15],
      thicknessMm: 3,
      faceToward: "a.top",
      drape: { centre: "c.ball", radiusMm: 28 },
    });
    expectWellFormed(m);
    const c = landmarks["c.ball"] as Vec3;
    for (let i = 0; i < m.positions.length; i += 3) {
      const d = Math.hypot(
        (m.positions[i] ?? 0) - c[0],
        (m.positions[i + 1] ?? 0) - c[1],
        (m.positions[i + 2] ?? 0) - c[2],
      );
      expect(d).toBeGreaterThan(0.03 - 0.0016);
      expect(d).toBeLessThan(0.03 + 0.0016);
    }
  });

  it("tube: a nerve with branches, flattened where a point says so", () => {
    const m = build({
      builder: "tube",
      path: ["a.top", { landmark: "a.mid", radiusMm: 3, flatten: 0.4 }, "a.bottom"],
      radiusMm: 3,
      thinToward: { xyz: [-0.22, 1.25, 1] },
      branches: [{ path: ["a.bottom", "b.one"], radiusMm: 1 }],
    });
    expectWellFormed(m, 2);
    const mid = landmarks["a.mid"] as Vec3;
    const thin = extentAlong(m, mid, [0, 0, 1], { axis: [0, 1, 0], at: mid[1], tol: 0.002 });
    const wide = extentAlong(m, mid, [1, 0, 0], { axis: [0, 1, 0], at: mid[1], tol: 0.002 });
    expect(thin).toBeLessThan(0.0016);
    expect(wide).toBeGreaterThan(0.0027);
  });

  it("group: several parts in one mesh", () => {
    const m = build({
      builder: "group",
      parts: [
        { builder: "spindle", path: ["a.top", "a.bottom"], volumeCm3: 30 },
        { builder: "spindle", path: ["a.top", "a.mid", "b.one"], volumeCm3: 30 },
      ],
    });
    expect(componentCount(m)).toBe(2);
    expect(edgeReport(m).boundary).toBe(0);
  });
});

describe("points and sides", () => {
  it("resolves between, segment and offset points", () => {
    const m = build({
      builder: "tube",
      path: [
        { between: ["a.top", "a.bottom"], t: 0 },
        { segment: "seg", at: [0, -0.1, 0], offset: [0, 0, 0.01] },
      ],
      radiusMm: 1,
    });
    expect(distanceToMesh(m, [-0.2, 1.4, 0])).toBeLessThan(0.0015);
    expect(distanceToMesh(m, [-0.2, 1.1, 0.01])).toBeLessThan(0.0015);
  });

  it("schema rejects a point with two positions and names the problem", () => {
    const r = softGeometrySchema.safeParse({
      builder: "tube",
      path: [{ landmark: "a.top", xyz: [0, 0, 0] }, "a.bottom"],
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/exactly one of/);
  });

  it("mirrors bilateral records to the left and keeps them outward-facing", () => {
    const record = {
      id: "test-muscle",
      bilateral: true,
      geometry: { builder: "spindle", path: ["a.top", "a.bottom"], volumeCm3: 40 },
    } as unknown as AnatomyRecord;
    const r = buildSoftTissue(record, "r", ctx);
    const l = buildSoftTissue(record, "l", ctx);
    if (!r || !l) throw new Error("expected meshes");
    expect(boundingBox(r).max[0]).toBeLessThan(0);
    expect(boundingBox(l).min[0]).toBeGreaterThan(0);
    expect(signedVolume(l)).toBeCloseTo(signedVolume(r), 9);
    expect(signedVolume(mirrorMesh(r))).toBeGreaterThan(0);
    expect(buildSoftTissue({ ...record, geometry: undefined } as AnatomyRecord, "r", ctx)).toBeNull();
  });

  it("says when a midline record is authored as its right half, and only then", () => {
    // A thin midline sheet (1.6 mm, like an interspinous ligament) is whole; a sheet that ends on the midline and is
    // marked rightHalf is a half the generator mirrors (models/mesh.ts wholeMidline).
    const sheet = (x: number) => ({
      builder: "band",
      rails: [
        [{ xyz: [x, 1.3, 0] }, { xyz: [x, 1.2, 0] }],
        [{ xyz: [x, 1.3, -0.03] }, { xyz: [x, 1.2, -0.03] }],
      ],
      thicknessMm: 1.6,
    });
    const record = (geometry: unknown, bilateral = false) =>
      ({ id: "test-sheet", bilateral, geometry }) as unknown as AnatomyRecord;
    const thin = buildSoftTissue(record(sheet(0)), "r", ctx);
    if (!thin) throw new Error("expected a mesh");
    expect(thin.rightHalf).toBeUndefined();
    expect(wholeMidline(thin)).toBe(thin);
    expect(boundingBox(thin).max[0] - boundingBox(thin).min[0]).toBeLessThan(0.002);
    // The right half of a wider sheet: rails from the midline to 5 cm right.
    const half = {
      builder: "band",
      rails: [
        [{ xyz: [0, 1.3, -0.03] }, { xyz: [0, 1.2, -0.03] }],
        [{ xyz: [-0.05, 1.3, -0.03] }, { xyz: [-0.05, 1.2, -0.03] }],
      ],
      thicknessMm: 1.6,
      rightHalf: true,
    };
    const right = buildSoftTissue(record(half), "r", ctx);
    if (!right) throw new Error("expected a mesh");
    expect(right.rightHalf).toBe(true);
    const whole = wholeMidline(right);
    expect(boundingBox(whole).min[0]).toBeCloseTo(-boundingBox(whole).max[0], 6);
    expect(boundingBox(whole).max[0]).toBeGreaterThan(0.04);
    expect(whole.indices.length).toBe(2 * right.indices.length);
    // Marked on a bilateral record, or on a shape that crosses the midline: an error naming the record and field.
    expect(() => buildSoftTissue(record(half, true), "r", ctx)).toThrow(/test-sheet.*rightHalf/);
    const crossing = {
      ...half,
      rails: [half.rails[0], [{ xyz: [0.02, 1.3, -0.03] }, { xyz: [0.02, 1.2, -0.03] }]],
    };
    expect(() => buildSoftTissue(record(crossing), "r", ctx)).toThrow(/test-sheet.*rightHalf.*past the midline/);
  });

  it("names the record when a build fails", () => {
    const record = {
      id: "broken-muscle",
      bilateral: true,
      geometry: { builder: "spindle", path: ["a.top", "x.y"], volumeCm3: 40 },
    } as unknown as AnatomyRecord;
    expect(() => buildSoftTissue(record, "r", ctx)).toThrow(/broken-muscle.*x\.y/);
  });
});
