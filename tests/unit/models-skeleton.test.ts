// The skeleton API the shape builders use (models/skeleton.ts over models/data/*.json), the bone geometry
// schema, and the mesh helpers of the generator.
import { describe, expect, it } from "vitest";
import { mirrorMesh, simplifyMesh } from "../../models/mesh.ts";
import { initMeshing, meshSdf, sphere } from "../../models/sdf.ts";
import {
  jointCentre,
  landmark,
  landmarkInfo,
  landmarkNames,
  measurement,
  musclePath,
  musclePathNames,
  segmentFrame,
  segmentNames,
} from "../../models/skeleton.ts";
import type { MeshData } from "../../models/types.ts";
import { boneGeometrySchema } from "../../src/schemas/geometry-bone.ts";

describe("landmarks", () => {
  it("include the points the soft-tissue builders rely on, right side (x < 0) for paired bones", () => {
    for (const name of [
      "humerus.head-centre",
      "humerus.lateral-epicondyle",
      "humerus.medial-epicondyle",
      "radius.styloid",
      "ulna.olecranon",
      "scapula.acromion",
      "scapula.coracoid",
      "scapula.inferior-angle",
      "scapula.superior-angle",
      "scapula.spine-root",
      "clavicle.sternal-end",
      "pisiform",
      "hamate.hook",
      "scaphoid.tubercle",
      "trapezium.tubercle",
      "femur.greater-trochanter",
      "tibia.tuberosity",
      "pelvis.asis",
    ]) {
      const p = landmark(name);
      expect(p, name).toHaveLength(3);
      expect(p[0], `${name} x`).toBeLessThan(0);
    }
  });

  it("put the medial epicondyle medial to the lateral one and the olecranon behind the elbow", () => {
    expect(landmark("humerus.medial-epicondyle")[0]).toBeGreaterThan(landmark("humerus.lateral-epicondyle")[0]);
    expect(landmark("ulna.olecranon")[2]).toBeLessThan(landmark("elbow.centre")[2]);
    expect(landmark("radius.styloid")[0]).toBeLessThan(landmark("ulna.styloid")[0]);
    expect(landmark("scapula.inferior-angle")[1]).toBeLessThan(landmark("scapula.spine-root")[1]);
  });

  it("throw an error naming an unknown landmark", () => {
    expect(() => landmark("humerus.no-such-point")).toThrow(/humerus\.no-such-point/);
    expect(() => landmark("nothing")).toThrow(/"nothing"/);
  });

  it("carry attribution", () => {
    for (const name of landmarkNames()) {
      const info = landmarkInfo(name);
      expect(info.source.model.length, name).toBeGreaterThan(5);
      expect(info.source.licence).toMatch(/MIT|Apache-2\.0/);
      expect(info.source.items.length).toBeGreaterThan(0);
    }
  });
});

describe("segment frames and joints", () => {
  it("convert between local and world coordinates both ways", () => {
    for (const name of ["humerus", "radius", "pelvis", "vertebra-l3", "rib-6", "metacarpal-2"]) {
      const f = segmentFrame(name);
      const local: [number, number, number] = [0.01, -0.05, 0.02];
      const back = f.toLocal(f.toWorld(local));
      for (let k = 0; k < 3; k++) expect(back[k]).toBeCloseTo(local[k] as number, 6);
      const [x, y, z] = f.axes;
      expect(x[0] * y[0] + x[1] * y[1] + x[2] * y[2]).toBeCloseTo(0, 5);
      expect(Math.hypot(...z)).toBeCloseTo(1, 5);
    }
    expect(segmentNames()).toContain("scapula");
    expect(() => segmentFrame("wing")).toThrow(/"wing"/);
  });

  it("place the knee below the hip and the hip joint on the femoral head", () => {
    expect(jointCentre("walker_knee_r")[1]).toBeLessThan(jointCentre("hip_r")[1]);
    const d = Math.hypot(...jointCentre("hip_r").map((v, i) => v - (landmark("femur.head-centre")[i] as number)));
    expect(d).toBeLessThan(0.001);
    expect(() => jointCentre("no_joint")).toThrow(/no_joint/);
  });

  it("give measured bones with unit axes", () => {
    const m = measurement("femur");
    expect(m.extents[0]).toBeGreaterThan(0.38);
    expect(m.extents[0]).toBeLessThan(0.5);
    expect(Math.hypot(...m.axes[0])).toBeCloseTo(1, 5);
    expect(() => measurement("unobtainium")).toThrow(/unobtainium/);
  });
});

describe("muscle paths", () => {
  it("cover the reference muscles of the trunk, limbs, forearm and hand", () => {
    const names = musclePathNames();
    for (const n of [
      "opensim:DELT1",
      "opensim:glmax1_r",
      "opensim:trap_cl",
      "opensim:recfem_r",
      "myoarm:FCR",
      "myoarm:FDS3",
      "myoarm:coracohum_ligament",
    ]) {
      expect(names).toContain(n);
    }
    expect(names.some((n) => n.endsWith("_l") || n.endsWith("_L"))).toBe(false);
  });

  it("have right-side points in order on named segments, a volume and attribution", () => {
    const fcr = musclePath("myoarm:FCR");
    expect(fcr.points.length).toBeGreaterThanOrEqual(2);
    expect(fcr.points[0]?.body).toBe("humerus");
    expect(fcr.points.at(-1)?.body).toBe("metacarpal-2");
    for (const p of fcr.points) expect(p.p[0]).toBeLessThan(0);
    const glmax = musclePath("opensim:glmax1_r");
    expect(glmax.volumeCm3).toBeGreaterThan(50);
    expect(glmax.source.licence).toBe("MIT");
    expect(() => musclePath("opensim:NOPE")).toThrow(/opensim:NOPE/);
  });
});

describe("bone geometry schema", () => {
  it("accepts a series member and rejects a wrong one with a message naming the field", () => {
    expect(boneGeometrySchema.safeParse({ builder: "bone", shape: "vertebra", which: "l4" }).success).toBe(true);
    const bad = boneGeometrySchema.safeParse({ builder: "bone", shape: "vertebra", which: "l6" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["which"]);
    expect(boneGeometrySchema.safeParse({ builder: "bone", shape: "femur", which: 2 }).success).toBe(false);
  });
});

describe("mesh helpers", () => {
  it("mesh a sphere closed and round, with outward normals", async () => {
    await initMeshing();
    const m = meshSdf(sphere([0.1, 0.2, 0.3], 0.02), {
      min: [0.08, 0.18, 0.28],
      max: [0.12, 0.22, 0.32],
      cell: 0.002,
      triangles: 800,
    });
    expect(m.indices.length / 3).toBeLessThanOrEqual(800);
    expect(m.indices.length / 3).toBeGreaterThan(200);
    let worst = 0;
    for (let i = 0; i < m.positions.length; i += 3) {
      const [dx, dy, dz] = [0.1, 0.2, 0.3].map((c, k) => (m.positions[i + k] as number) - c) as [
        number,
        number,
        number,
      ];
      worst = Math.max(worst, Math.abs(Math.hypot(dx, dy, dz) - 0.02));
      const [nx, ny, nz] = [0, 1, 2].map((k) => m.normals[i + k] as number) as [number, number, number];
      expect(nx * dx + ny * dy + nz * dz).toBeGreaterThan(0);
    }
    expect(worst).toBeLessThan(0.0005);
    // Closed: every edge is shared by exactly two triangles.
    const edges = new Map<string, number>();
    for (let i = 0; i < m.indices.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        const a = m.indices[i + k] as number;
        const b = m.indices[i + ((k + 1) % 3)] as number;
        const key = a < b ? `${a},${b}` : `${b},${a}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
    expect([...edges.values()].every((c) => c === 2)).toBe(true);
    expect(simplifyMesh(m, 0.5).indices.length).toBeLessThan(m.indices.length);
  });

  it("mirror across the midline with the winding flipped", () => {
    const m: MeshData = {
      positions: new Float32Array([-0.1, 0, 0, -0.2, 0, 0, -0.1, 0.1, 0]),
      normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]),
      indices: new Uint32Array([0, 1, 2]),
    };
    const l = mirrorMesh(m);
    expect(Array.from(l.positions)).toEqual([0.1, 0, 0, 0.2, 0, 0, 0.1, 0.1, 0].map((v) => Math.fround(v)));
    expect(Array.from(l.indices)).toEqual([0, 2, 1]);
  });
});
