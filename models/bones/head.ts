// Skull and mandible: vault, forehead, occiput, orbital rims, nasal bones and opening, cheek bones and
// zygomatic arches, maxilla with the upper teeth, mastoid processes and occipital protuberance; the mandible with
// its body, chin, angle, ramus, condyle, coronoid process and lower teeth. Shaped to the measured skull
// landmarks; the right half is built and mirrored.
import {
  band,
  cylinder,
  ellipsoid,
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
import { along, type BoneShape, boxAround, L } from "./common.ts";

const UP: Vec3 = [0, 1, 0];
const ANT: Vec3 = [0, 0, 1];
/** Mirror of a right-side point to the left. */
const m = (p: Vec3): Vec3 => [-p[0], p[1], p[2]];
/** The same point on the right side (x negative). */
const r = (p: Vec3): Vec3 => [-Math.abs(p[0]), p[1], p[2]];

/** Level of the upper teeth: just above the lower incisors, about 3 cm above the chin. */
function teethY(): number {
  return L("mandible.mental-protuberance")[1] + 0.031;
}

export function skull(): BoneShape {
  const V = L("skull.vertex");
  const G = L("skull.glabella");
  const I = L("skull.inion");
  const M = r(L("skull.mastoid-process"));
  const Z = r(L("skull.zygomatic-arch"));
  const PE = r(L("skull.parietal-eminence"));
  const C1 = L("vertebra-c1.anterior-arch");
  const len = G[2] - I[2];
  const halfW = Math.abs(PE[0]);
  const cz = (G[2] + I[2]) / 2 - 0.006;
  const porion: Vec3 = [M[0] + 0.004, M[1] + 0.024, M[2] + 0.018];
  const ty = teethY();
  // Upper teeth: their edges about 1 cm above the lower ones (the reference skull's teeth end 14 mm above where
  // they were drawn, on the lower teeth: the jaw is drawn at rest, lips together, teeth apart).
  const uy = ty + 0.012;
  const g = (dx: number, dy: number, dz: number): Vec3 => [G[0] - dx, G[1] + dy, G[2] + dz];
  // Vault: long oval from above, steep forehead, rounded occiput, wide at the ears.
  const vault = smoothUnion(
    0.028,
    ellipsoid([0, V[1] - 0.074, cz], [halfW, 0.072, len / 2 - 0.01]),
    ellipsoid([0, G[1] + 0.032, G[2] - 0.045], [0.056, 0.052, 0.043]),
    ellipsoid([0, I[1] + 0.022, I[2] + 0.046], [0.058, 0.05, 0.044]),
    ellipsoid([0, porion[1] + 0.006, porion[2] - 0.01], [halfW * 0.88, 0.022, 0.058]),
  );
  // Face, right half.
  const face = smoothUnion(
    0.005,
    // Orbital rims and nasal bones.
    tube([g(0.008, -0.004, -0.004), g(0.03, -0.001, -0.008), g(0.05, -0.012, -0.022)], [0.006, 0.0058, 0.0055]),
    tube([g(0.05, -0.012, -0.022), g(0.052, -0.03, -0.025), g(0.049, -0.042, -0.024)], [0.0052, 0.0048, 0.0055]),
    tube([g(0.049, -0.042, -0.024), g(0.03, -0.046, -0.012), g(0.012, -0.038, -0.004)], [0.0055, 0.005, 0.005]),
    tube([g(0.006, -0.006, -0.005), g(0.007, -0.024, -0.004), g(0.012, -0.038, -0.004)], [0.0048, 0.0045, 0.005]),
    roundCone(g(0, -0.01, -0.005), g(0, -0.026, -0.003), 0.0052, 0.004),
    // Cheek bone and zygomatic arch back to its root in front of the ear.
    ellipsoid(g(0.05, -0.04, -0.03), [0.0105, 0.011, 0.012]),
    tube(
      [g(0.058, -0.041, -0.042), [Z[0], Z[1], Z[2]], [Z[0] + 0.005, porion[1] + 0.004, porion[2] + 0.013]],
      [0.0048, 0.0042, 0.0052],
    ),
    // Maxilla down to the teeth, closed behind towards the skull base.
    ellipsoid(g(0.02, -0.05, -0.022), [0.016, 0.016, 0.022]),
    ellipsoid(g(0.012, -0.06, -0.01), [0.016, 0.012, 0.014]),
    ellipsoid(g(0.021, -0.052, -0.05), [0.017, 0.016, 0.016]),
    ellipsoid(g(0.03, -0.024, -0.026), [0.02, 0.019, 0.016]),
    // Upper teeth row.
    tube(
      [
        [-0.004, uy, G[2] - 0.004],
        [-0.017, uy + 0.001, G[2] - 0.012],
        [-0.026, uy + 0.002, G[2] - 0.03],
        [-0.028, uy + 0.003, G[2] - 0.05],
      ],
      [0.0055, 0.006, 0.0066, 0.0066],
    ),
    // Mastoid process and the temporal bone around the ear.
    roundCone([M[0] + 0.004, M[1] + 0.022, M[2] + 0.004], M, 0.0088, 0.0052),
    ellipsoid([porion[0] + 0.008, porion[1], porion[2] - 0.006], [0.013, 0.013, 0.02]),
    // Occipital condyle beside the foramen magnum.
    ellipsoid([-0.013, C1[1] + 0.01, C1[2] - 0.02], [0.006, 0.006, 0.011]),
  );
  let sdf: Sdf = smoothUnion(0.012, vault, mirrorUnion(face, 0.006), sphere(along(I, ANT, 0.006), 0.0085));
  for (const s of [1, -1]) {
    // Orbits, the hollow of the temporal fossa above the arch, the ear canal.
    sdf = smoothSubtract(sdf, ellipsoid([s * 0.031, G[1] - 0.023, G[2] + 0.006], [0.0165, 0.016, 0.017]), 0.004);
    sdf = smoothSubtract(
      sdf,
      ellipsoid([s * (halfW + 0.004), Z[1] + 0.028, Z[2] - 0.006], [0.012, 0.028, 0.03]),
      0.012,
    );
    sdf = smoothSubtract(
      sdf,
      cylinder(
        [s * (Math.abs(porion[0]) + 0.01), porion[1], porion[2]],
        [s * (Math.abs(porion[0]) - 0.012), porion[1], porion[2]],
        0.0042,
        0.001,
      ),
      0.002,
    );
  }
  // Mandibular (glenoid) fossa: a hollow in the skull base over each condyle of the mandible, roofed about 3 mm
  // above it (room for the articular disc), opened below and to the side so the condyle and its neck sit free in
  // front of the ear; the bone left in front of the hollow is the articular eminence.
  const CD = r(L("mandible.condyle"));
  for (const s of [1, -1]) {
    const c: Vec3 = [s * Math.abs(CD[0]), CD[1], CD[2]];
    const out = s;
    sdf = smoothSubtract(sdf, ellipsoid([c[0], c[1] - 0.002, c[2]], [0.0125, 0.0076, 0.0088]), 0.002);
    sdf = smoothSubtract(
      sdf,
      roundCone([c[0], c[1] - 0.004, c[2]], [c[0], c[1] - 0.03, c[2] + 0.002], 0.0085, 0.011),
      0.002,
    );
    sdf = smoothSubtract(
      sdf,
      roundCone([c[0], c[1] - 0.003, c[2]], [c[0] + out * 0.03, c[1] - 0.005, c[2]], 0.0072, 0.0072),
      0.002,
    );
  }
  // Under the skull base between the palate and the foramen magnum: the roof of the pharynx lies about 25 mm above
  // the skull's lowest level (the skull was solid down to the mastoid tips there); beside it, under each zygomatic
  // arch, the infratemporal fossa, where the coronoid process and the pterygoid muscles lie.
  sdf = smoothSubtract(sdf, ellipsoid([0, C1[1] + 0.011, C1[2] + 0.008], [0.036, 0.026, 0.022]), 0.008);
  for (const s of [1, -1]) {
    sdf = smoothSubtract(sdf, ellipsoid([s * 0.05, C1[1] + 0.022, C1[2] + 0.03], [0.011, 0.03, 0.018]), 0.006);
  }
  // Nasal opening and foramen magnum.
  sdf = smoothSubtract(sdf, ellipsoid([0, G[1] - 0.054, G[2] + 0.006], [0.0115, 0.016, 0.02]), 0.003);
  sdf = smoothSubtract(
    sdf,
    cylinder([0, C1[1] - 0.01, C1[2] - 0.03], [0, C1[1] + 0.03, C1[2] - 0.026], 0.0145, 0.003),
    0.004,
  );
  const b = boxAround([V, G, I, M, m(M), Z, m(Z), PE, m(PE), C1, [0, ty - 0.01, G[2]]], 0.025);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0027, triangles: 5400 };
}

export function mandible(): BoneShape {
  const A = r(L("mandible.angle"));
  const C = r(L("mandible.condyle"));
  const K = r(L("mandible.coronoid"));
  const MP = L("mandible.mental-protuberance");
  const ty = teethY();
  const chin: Vec3 = [0, MP[1] + 0.014, MP[2] - 0.004];
  // Body: a tall band from the chin to the angle (height along UP), thicker at the chin.
  const bodyPts: Vec3[] = [
    chin,
    [-0.017, chin[1] + 0.001, chin[2] - 0.008],
    [-0.033, chin[1] + 0.003, chin[2] - 0.03],
    [A[0] + 0.005, A[1] + 0.013, A[2] + 0.012],
  ];
  const body = band(bodyPts, [0.0155, 0.0145, 0.0135, 0.012], [0.0065, 0.006, 0.0058, 0.0048], UP, 0.006);
  // Ramus: a plate rising from the angle to the condyle, with the coronoid process in front.
  const neck = along(C, UP, -0.012);
  const ramus = smoothUnion(
    0.005,
    band(
      [[A[0] + 0.002, A[1] + 0.006, A[2] + 0.004], along(neck, ANT, 0.006)],
      [0.0145, 0.011],
      [0.0042, 0.0038],
      ANT,
      0.004,
    ),
    triangle(along(neck, ANT, 0.004), along(K, UP, -0.004), [A[0] + 0.004, A[1] + 0.026, A[2] + 0.024], 0.0034),
    roundCone([K[0] + 0.001, K[1] - 0.022, K[2] - 0.008], K, 0.0058, 0.0026),
    roundCone([A[0] + 0.001, A[1] + 0.006, A[2] + 0.003], [A[0] + 0.002, A[1] + 0.004, A[2] - 0.004], 0.006, 0.0055),
    ellipsoid(along(C, UP, -0.003), [0.0098, 0.0055, 0.0058]),
    roundCone(neck, along(C, UP, -0.004), 0.0045, 0.005),
  );
  const half = smoothUnion(
    0.006,
    body,
    ramus,
    ellipsoid([0, MP[1] + 0.006, MP[2] + 0.001], [0.012, 0.008, 0.006]),
    tube(
      [
        [-0.004, ty - 0.006, chin[2] + 0.002],
        [-0.016, ty - 0.006, chin[2] - 0.007],
        [-0.025, ty - 0.005, chin[2] - 0.026],
        [-0.027, ty - 0.005, chin[2] - 0.046],
      ],
      [0.0045, 0.005, 0.006, 0.006],
    ),
  );
  const sdf = mirrorUnion(half, 0.004);
  const b = boxAround([A, m(A), C, m(C), K, m(K), MP, chin, [0, ty, chin[2]]], 0.02);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0015, triangles: 1700 };
}
