// Where a decal lands: the nearest surface vertex within reach and its normal, surfaces skipped by their bound, and
// the decal's axes, checked against three's own Matrix4.lookAt (what the viewer used before the shared module).
import { Matrix4, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/lib/seeded-random.ts";
import type { Vec3 } from "../../src/lib/view-state.ts";
import { decalAxes, nearestSurfacePoint, type SurfacePoints } from "../../src/viewer/decal-placement.ts";

/** A square patch of a plane z = `z`, facing +z, vertices 1 cm apart. */
function plane(z: number, normals = true): SurfacePoints & { name: string } {
  const positions: number[] = [];
  const n: number[] = [];
  for (let i = 0; i <= 10; i++) {
    for (let j = 0; j <= 10; j++) {
      positions.push(i * 0.01, j * 0.01, z);
      n.push(0, 0, 2);
    }
  }
  return { name: `z=${z}`, positions, ...(normals ? { normals: n } : {}) };
}

describe("nearestSurfacePoint", () => {
  it("finds the nearest vertex of the nearest surface, with its normal made unit length", () => {
    const near = plane(0.02);
    const far = plane(0.2);
    const hit = nearestSurfacePoint([0.031, 0.052, 0.05], [far, near]);
    expect(hit?.surface).toBe(near);
    expect(hit?.at[0]).toBeCloseTo(0.03, 9);
    expect(hit?.at[1]).toBeCloseTo(0.05, 9);
    expect(hit?.at[2]).toBeCloseTo(0.02, 9);
    expect(hit?.normal).toEqual([0, 0, 1]);
    expect(hit?.distance).toBeCloseTo(Math.hypot(0.001, 0.002, 0.03), 9);
  });

  it("gives nothing when no vertex lies within reach, and no normal for a surface without normals", () => {
    expect(nearestSurfacePoint([0, 0, 0.5], [plane(0)], 0.05)).toBeNull();
    expect(nearestSurfacePoint([0, 0, 0.04], [plane(0, false)], 0.05)?.normal).toBeNull();
  });

  it("skips a surface whose bound says it cannot be nearer, without reading its vertices", () => {
    const read: string[] = [];
    const watched = (s: SurfacePoints & { name: string }) => ({
      name: s.name,
      get positions() {
        read.push(s.name);
        return s.positions;
      },
    });
    const surfaces = [watched(plane(0)), watched(plane(1))];
    const hit = nearestSurfacePoint([0.05, 0.05, 0.01], surfaces, Number.POSITIVE_INFINITY, (s) =>
      s.name === "z=1" ? 0.99 : 0,
    );
    expect(hit?.surface.name).toBe("z=0");
    expect(read).toContain("z=0");
    expect(read).not.toContain("z=1");
  });
});

describe("decalAxes", () => {
  it("matches three's lookAt from the normal with +Y up, for random normals", () => {
    const random = seededRandom(7);
    for (let k = 0; k < 50; k++) {
      const normal: Vec3 = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
      const { across, up, out } = decalAxes(normal);
      const hit = new Vector3(random(), random(), random());
      const m = new Matrix4().lookAt(hit.clone().add(new Vector3(...normal)), hit, new Vector3(0, 1, 0));
      const expected = [0, 1, 2].map((c) => new Vector3().setFromMatrixColumn(m, c).toArray());
      for (const [axis, want] of [across, up, out].map((a, c) => [a, expected[c] as number[]] as const)) {
        for (let i = 0; i < 3; i++) expect(axis[i]).toBeCloseTo(want[i] as number, 9);
      }
    }
  });

  it("gives three orthogonal unit axes, across level (no vertical part), even for a normal straight up", () => {
    for (const normal of [
      [0.3, 0.2, 0.9],
      [0, 1, 0],
      [0, -3, 0],
    ] as Vec3[]) {
      const { across, up, out } = decalAxes(normal);
      const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
      for (const a of [across, up, out]) expect(Math.hypot(...a)).toBeCloseTo(1, 12);
      expect(dot(across, up)).toBeCloseTo(0, 12);
      expect(dot(across, out)).toBeCloseTo(0, 12);
      expect(dot(up, out)).toBeCloseTo(0, 12);
      expect(across[1]).toBe(0);
    }
  });
});
