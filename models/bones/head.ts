// Skull and mandible: vault, face, orbits, nasal opening, cheek bones and arches, mastoid processes, occipital
// protuberance and teeth rows, shaped to the measured skull landmarks (midline shapes mirrored).
import {
  cylinder,
  ellipsoid,
  frameFromY,
  mirrorUnion,
  roundCone,
  type Sdf,
  smoothSubtract,
  smoothUnion,
  sphere,
  triangle,
  tube,
} from "../sdf.ts";
import type { Vec3 } from "../types.ts";
import { along, at, type BoneShape, boxAround, L } from "./common.ts";

/** Mirror of a right-side point to the left. */
const m = (p: Vec3): Vec3 => [-p[0], p[1], p[2]];
/** Point on the right side (x negative) at |x| = w. */
const r = (p: Vec3): Vec3 => [-Math.abs(p[0]), p[1], p[2]];

export function skull(): BoneShape {
  const V = L("skull.vertex");
  const G = L("skull.glabella");
  const I = L("skull.inion");
  const M = r(L("skull.mastoid-process"));
  const Z = r(L("skull.zygomatic-arch"));
  const PE = r(L("skull.parietal-eminence"));
  const PR = L("skull.prosthion");
  const C1 = L("vertebra-c1.anterior-arch");
  const len = G[2] - I[2];
  const halfW = Math.abs(PE[0]);
  const cz = (G[2] + I[2]) / 2 - 0.004;
  const cy = V[1] - 0.078;
  // Vault: a main ellipsoid with forehead and occiput blended in; the base is flatter.
  const vault = smoothUnion(
    0.02,
    ellipsoid([0, cy, cz], [halfW, 0.08, len / 2 - 0.004]),
    ellipsoid([0, G[1] + 0.022, G[2] - 0.03], [halfW * 0.78, 0.05, 0.035]),
    ellipsoid([0, I[1] + 0.014, I[2] + 0.03], [halfW * 0.72, 0.045, 0.032]),
    ellipsoid([0, M[1] + 0.028, (M[2] + I[2]) / 2 + 0.012], [halfW * 0.86, 0.032, 0.05]),
  );
  // Face (right half, mirrored): brow ridge, cheek bone, zygomatic arch, maxilla, mastoid.
  const brow: Vec3 = [-0.022, G[1] - 0.004, G[2] - 0.006];
  const browOut: Vec3 = [-0.047, G[1] - 0.006, G[2] - 0.02];
  const cheek: Vec3 = [-0.048, G[1] - 0.046, G[2] - 0.026];
  const archBack: Vec3 = [Z[0] + 0.004, Z[1] + 0.002, M[2] + 0.03];
  const maxC: Vec3 = [-0.021, PR[1] + 0.02, PR[2] - 0.022];
  const face = smoothUnion(
    0.006,
    roundCone(brow, browOut, 0.0075, 0.0065),
    roundCone(browOut, cheek, 0.006, 0.0068),
    ellipsoid(cheek, [0.009, 0.011, 0.011]),
    tube([cheek, [Z[0], Z[1], Z[2] - 0.005], archBack], [0.006, 0.0042, 0.0045]),
    ellipsoid(maxC, [0.022, 0.02, 0.024]),
    roundCone([-0.028, cheek[1] - 0.004, cheek[2] - 0.004], [-0.03, PR[1] + 0.006, PR[2] - 0.026], 0.009, 0.0075),
    roundCone([-0.006, G[1] - 0.01, G[2] - 0.006], [-0.004, PR[1] + 0.036, PR[2] + 0.004], 0.006, 0.0035),
    roundCone(along(M, [0, 1, 0], 0.022), M, 0.009, 0.0055),
    ellipsoid([M[0] + 0.012, M[1] + 0.024, M[2] + 0.006], [0.014, 0.014, 0.022]),
    // Upper teeth row.
    tube(
      [
        [-0.004, PR[1] - 0.004, PR[2] - 0.002],
        [-0.018, PR[1] - 0.004, PR[2] - 0.01],
        [-0.027, PR[1] - 0.003, PR[2] - 0.03],
        [-0.028, PR[1] - 0.002, PR[2] - 0.048],
      ],
      [0.0045, 0.0048, 0.0058, 0.0058],
    ),
    // Occipital condyle beside the foramen magnum.
    ellipsoid([-0.013, C1[1] + 0.009, C1[2] - 0.02], [0.006, 0.006, 0.011]),
  );
  let sdf: Sdf = smoothUnion(0.012, vault, mirrorUnion(face, 0.006), sphere(along(I, [0, 0, 1], 0.006), 0.008));
  // Orbits, nasal opening, temporal fossae, ear canal, foramen magnum.
  for (const s of [1, -1]) {
    sdf = smoothSubtract(sdf, ellipsoid([s * 0.031, G[1] - 0.025, G[2] - 0.004], [0.017, 0.016, 0.02]), 0.004);
    sdf = smoothSubtract(
      sdf,
      ellipsoid([s * (halfW + 0.006), (G[1] + M[1]) / 2 + 0.02, (G[2] + M[2]) / 2 - 0.004], [0.014, 0.03, 0.034]),
      0.01,
    );
    sdf = smoothSubtract(
      sdf,
      cylinder(
        [s * (Math.abs(M[0]) + 0.012), M[1] + 0.021, M[2] + 0.017],
        [s * (Math.abs(M[0]) - 0.008), M[1] + 0.021, M[2] + 0.017],
        0.0045,
        0.001,
      ),
      0.002,
    );
  }
  sdf = smoothSubtract(sdf, ellipsoid([0, PR[1] + 0.03, PR[2] + 0.006], [0.0105, 0.017, 0.02]), 0.003);
  sdf = smoothSubtract(
    sdf,
    cylinder([0, C1[1] - 0.01, C1[2] - 0.03], [0, C1[1] + 0.03, C1[2] - 0.026], 0.0145, 0.003),
    0.004,
  );
  const b = boxAround([V, G, I, M, m(M), Z, m(Z), PE, m(PE), PR, C1], 0.025);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0026, triangles: 5200 };
}

export function mandible(): BoneShape {
  const A = r(L("mandible.angle"));
  const C = r(L("mandible.condyle"));
  const K = r(L("mandible.coronoid"));
  const MP = L("mandible.mental-protuberance");
  const chin: Vec3 = [0, MP[1] + 0.01, MP[2] - 0.006];
  const mid: Vec3 = [A[0] * 0.62, (A[1] + chin[1]) / 2 + 0.003, at(A, chin, 0.55)[2] - 0.004];
  const notchLow: Vec3 = at(C, K, 0.5);
  notchLow[1] -= 0.012;
  const half = smoothUnion(
    0.006,
    // Body: a tall, thin band from the angle to the chin.
    tube(
      [along(A, [0, 1, 0], 0.004), mid, [-0.012, chin[1] + 0.002, chin[2] - 0.004], [0, chin[1], chin[2]]],
      [0.0062, 0.0065, 0.0065, 0.0065],
    ),
    tube(
      [
        along(along(A, [0, 1, 0], 0.018), [0, 0, 1], 0.008),
        along(mid, [0, 1, 0], 0.014),
        [-0.013, chin[1] + 0.016, chin[2] - 0.001],
        [0, chin[1] + 0.017, chin[2] + 0.002],
      ],
      [0.0055, 0.0052, 0.0052, 0.005],
    ),
    ellipsoid([0, MP[1] + 0.004, MP[2] - 0.002], [0.011, 0.007, 0.006]),
    // Ramus, condyle and coronoid process.
    triangle(along(A, [0, 1, 0], 0.006), along(C, [0, 1, 0], -0.012), along(K, [0, 1, 0], -0.01), 0.0032),
    triangle(along(A, [0, 1, 0], 0.006), along(K, [0, 1, 0], -0.01), along(mid, [0, 1, 0], 0.01), 0.0032),
    tube(
      [A, along(along(C, [0, 1, 0], -0.014), [0, 0, 1], -0.002), along(C, [0, 1, 0], -0.004)],
      [0.0058, 0.0048, 0.0052],
    ),
    ellipsoid(along(C, [0, 1, 0], -0.004), [0.0095, 0.0055, 0.0055], frameFromY([0, 1, 0], [0.4, 0, 1])),
    roundCone(along(notchLow, [0, 1, 0], -0.004), along(K, [0, 1, 0], -0.002), 0.004, 0.0028),
    // Lower teeth row.
    tube(
      [
        [-0.004, chin[1] + 0.024, chin[2] + 0.003],
        [-0.017, chin[1] + 0.024, chin[2] - 0.006],
        [-0.025, chin[1] + 0.025, chin[2] - 0.026],
        [-0.027, chin[1] + 0.025, chin[2] - 0.045],
      ],
      [0.004, 0.0044, 0.0054, 0.0054],
    ),
  );
  const sdf = mirrorUnion(half, 0.004);
  const b = boxAround([A, m(A), C, m(C), K, m(K), MP, chin], 0.02);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0014, triangles: 1600 };
}
