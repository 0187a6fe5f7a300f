// Bone fit and mesh topology on the generator's own output, no reference files needed: the long bones' centre
// lines against the reference centre lines committed in models/data/skeleton.json, and the repair step that keeps
// every written node manifold. Thresholds are explained in models/README.md ("Bone fit and topology").
import { beforeAll, describe, expect, it } from "vitest";
import {
  alignedSurfaceDistance,
  centreLineOffsets,
  mirrorDistance,
  nonManifoldVertices,
  section,
} from "../../models/bone-fit.ts";
import { meshVolume, topology } from "../../models/fit.ts";
import { mergeMeshes, mirrorMesh, repairMesh, wholeMidline } from "../../models/mesh.ts";
import { referenceDir, referenceSurfaces } from "../../models/report-bones.ts";
import { initMeshing } from "../../models/sdf.ts";
import { centreLine, centreLineNames } from "../../models/skeleton.ts";
import type { MeshData } from "../../models/types.ts";
import { mesh, ROOT } from "../support/meshes.ts";

/** Largest centre-line offset (mm) per long bone; see models/README.md. */
const CENTRE_LINE_MAX_MM: Record<string, number> = {
  femur: 10,
  humerus: 10,
  radius: 10,
  fibula: 10,
  tibia: 10,
  ulna: 12,
};

/**
 * Largest surface distance from the reference bone after rigid alignment, mean / 95th percentile (mm); see
 * models/README.md ("Bone fit and topology"). Today's figures plus about a tenth, so a shape that drifts fails; the
 * hip bone, skull and sacrum also stay under the figures issue 20 was filed at (5.3 / 16.1, 5.8 / 15.4, 5.8 / 16.2).
 */
const SURFACE_MAX_MM: Record<string, [number, number]> = {
  "hip-bone": [5.1, 11.5],
  skull: [5.1, 12.5],
  sacrum: [5.7, 14.3],
  scapula: [5.8, 16.5],
  mandible: [3.9, 10.7],
  humerus: [3.9, 9],
  radius: [3.2, 7.5],
  ulna: [3.2, 7.8],
  femur: [3.4, 9.5],
  tibia: [4.2, 10],
  fibula: [2.6, 5.7],
  patella: [2.3, 6.9],
  talus: [3.9, 8.5],
};

/** A closed box as 12 triangles (outward winding), corners lo..hi. */
function box(lo: [number, number, number], hi: [number, number, number]): MeshData {
  const c = (i: number): number[] => [i & 1 ? hi[0] : lo[0], i & 2 ? hi[1] : lo[1], i & 4 ? hi[2] : lo[2]];
  const positions = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7].flatMap(c));
  const quads = [
    [0, 2, 3, 1],
    [4, 5, 7, 6],
    [0, 1, 5, 4],
    [2, 6, 7, 3],
    [0, 4, 6, 2],
    [1, 3, 7, 5],
  ];
  const indices = Uint32Array.from(quads.flatMap(([a, b, c2, d]) => [a, b, c2, a, c2, d] as number[]));
  return { positions, normals: new Float32Array(positions.length), indices };
}

/** Positions rounded to a grid, as quantization in the written file does. */
function quantized(m: MeshData, step: number): MeshData {
  return { ...m, positions: m.positions.map((v) => Math.round(v / step) * step) };
}

describe("mesh repair", () => {
  it("splits a vertex where two closed surfaces touch at a corner, keeping both closed", () => {
    const a = box([0, 0, 0], [0.01, 0.01, 0.01]);
    const b = box([0.01, 0.01, 0.01], [0.02, 0.02, 0.02]);
    const both = mergeMeshes([a, b]);
    expect(nonManifoldVertices(both)).toBe(1);
    const fixed = repairMesh(both);
    expect(nonManifoldVertices(quantized(fixed, 0.0001))).toBe(0);
    expect(fixed.indices.length).toBe(both.indices.length);
    // The copy moved by at most the nudge.
    for (let i = 0; i < fixed.positions.length; i += 3) {
      const x = fixed.positions[i] as number;
      const near = [0, 0.01, 0.02].some((g) => Math.abs(x - g) < 0.0007);
      expect(near).toBe(true);
    }
  });

  it("keeps two boxes touching along an edge (four triangles on it) closed and manifold", () => {
    const both = mergeMeshes([box([0, 0, 0], [0.01, 0.01, 0.01]), box([0.01, 0.01, 0], [0.02, 0.02, 0.01])]);
    expect(topology(both).nonManifoldEdges).toBe(1);
    const fixed = quantized(repairMesh(both), 0.0001);
    expect(topology(fixed)).toEqual({ boundaryEdges: 0, nonManifoldEdges: 0, pinched: 0 });
    expect(nonManifoldVertices(fixed)).toBe(0);
    // The split edge's copies moved 0.5 mm into their own box: the volume changes by under 2 %.
    expect(Math.abs(meshVolume(fixed) - 2e-6)).toBeLessThan(4e-8);
  });

  it("joins two boxes pressed face to face into one closed solid", () => {
    const both = mergeMeshes([box([0, 0, 0], [0.01, 0.01, 0.01]), box([0.01, 0, 0], [0.02, 0.01, 0.01])]);
    const fixed = repairMesh(both);
    // The two coincident faces facing each other cancel: 24 - 4 triangles, one surface around both.
    expect(fixed.indices.length / 3).toBe(20);
    expect(topology(quantized(fixed, 0.0001))).toEqual({ boundaryEdges: 0, nonManifoldEdges: 0, pinched: 0 });
    expect(meshVolume(fixed)).toBeCloseTo(2e-6, 8);
  });

  it("drops a repeated and a degenerate triangle, closes a small hole and drops a loose flap", () => {
    const a = box([0, 0, 0], [0.01, 0.02, 0.03]);
    const holed = a.indices.slice(3);
    const flap = Float32Array.from([...a.positions, 0.05, 0, 0, 0.06, 0, 0, 0.05, 0.01, 0]);
    const indices = Uint32Array.from([...holed, ...a.indices.slice(3, 6), 0, 1, 1, 8, 9, 10]);
    const m: MeshData = { positions: flap, normals: new Float32Array(flap.length), indices };
    expect(topology(m).boundaryEdges).toBeGreaterThan(0);
    const fixed = repairMesh(m);
    expect(fixed.indices.length / 3).toBe(12);
    expect(topology(quantized(fixed, 0.0001))).toEqual({ boundaryEdges: 0, nonManifoldEdges: 0, pinched: 0 });
    expect(meshVolume(fixed)).toBeCloseTo(6e-6, 8);
  });

  it("leaves a clean closed surface as it is (same triangles, same places)", () => {
    const a = box([0, 0, 0], [0.01, 0.02, 0.03]);
    const fixed = repairMesh(a);
    expect(nonManifoldVertices(fixed)).toBe(0);
    expect(fixed.indices.length).toBe(a.indices.length);
    expect(mirrorDistance(fixed, mirrorMesh(a))).toBeLessThan(1e-9);
  });

  it("measures a mirror image as 0 and a moved one by how far it moved", () => {
    const a = box([-0.05, 0, 0], [-0.04, 0.01, 0.01]);
    expect(mirrorDistance(a, mirrorMesh(a))).toBeLessThan(1e-9);
    const moved = mirrorMesh(a);
    for (let i = 1; i < moved.positions.length; i += 3) moved.positions[i] = (moved.positions[i] as number) + 0.003;
    expect(mirrorDistance(a, moved)).toBeCloseTo(0.003, 4);
  });
});

describe("long bones follow the reference centre lines", () => {
  const built = new Map<string, MeshData>();
  beforeAll(async () => {
    await initMeshing();
    for (const bone of centreLineNames()) {
      built.set(bone, mesh(bone));
    }
  });

  it("cover the six long bones with attributed centre lines", () => {
    expect(centreLineNames()).toEqual(["femur", "fibula", "humerus", "radius", "tibia", "ulna"]);
    for (const bone of centreLineNames()) {
      const c = centreLine(bone);
      expect(c.points.length, bone).toBeGreaterThanOrEqual(15);
      expect(c.radii.every((r) => r > 0.003 && r < 0.03)).toBe(true);
      expect(c.source.licence).toBe("MIT");
    }
  });

  it("measure a section's centre and radius (a box's outline centre is its middle)", () => {
    const a = box([0, 0, 0], [0.02, 0.1, 0.02]);
    const s = section(a, [0.005, 0.05, 0.005], [0, 1, 0]);
    expect(s?.centre[0]).toBeCloseTo(0.01, 6);
    expect(s?.centre[2]).toBeCloseTo(0.01, 6);
    expect(section(a, [0, 0.2, 0], [0, 1, 0])).toBeNull();
  });

  it("keep every section centre of the generated shafts within the bone's threshold", () => {
    const report: string[] = [];
    for (const bone of centreLineNames()) {
      const off = centreLineOffsets(built.get(bone) as MeshData, centreLine(bone));
      const max = Math.max(...off.map((v) => (Number.isFinite(v) ? v : 1))) * 1000;
      if (!(max <= (CENTRE_LINE_MAX_MM[bone] as number))) report.push(`${bone} ${max.toFixed(1)} mm`);
    }
    expect(report).toEqual([]);
  });
});

const sources = referenceDir(ROOT);
if (!sources) console.info("Bone surfaces against the reference: skipped (../shared/anatomy-sources not present).");

describe("bones follow the reference surfaces after rigid alignment", () => {
  it.skipIf(!sources)(
    "keep mean and 95th-percentile surface distance within each bone's threshold (needs ../shared/anatomy-sources)",
    async () => {
      await initMeshing();
      const refs = await referenceSurfaces(ROOT, sources as string);
      expect([...refs.keys()].sort()).toEqual(Object.keys(SURFACE_MAX_MM).sort());
      const over: string[] = [];
      for (const [bone, [maxMean, maxP95]] of Object.entries(SURFACE_MAX_MM)) {
        const d = alignedSurfaceDistance(wholeMidline(mesh(bone)), refs.get(bone) as MeshData);
        const mean = d.mean * 1000;
        const p95 = d.p95 * 1000;
        if (!(mean <= maxMean && p95 <= maxP95)) {
          over.push(`${bone} ${mean.toFixed(1)} / ${p95.toFixed(1)} mm (at most ${maxMean} / ${maxP95})`);
        }
      }
      expect(over).toEqual([]);
    },
  );
});
