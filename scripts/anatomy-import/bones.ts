// Per-bone measurements (centre, principal axes, extents) on the reference surfaces, in the world (OpenSim
// convention). Used to size the generated bones and, in the tests, to check their lengths.
import { apply, type V3, type Xform } from "./math.ts";
import { type Measure, measurePoints, meshWorld, pieces } from "./parts.ts";
import type { World } from "./sources.ts";

export function measureBones(w: World): Record<string, Measure & { from: string }> {
  const out: Record<string, Measure & { from: string }> = {};
  const put = (name: string, points: V3[], from: string): void => {
    out[name] = { ...measurePoints(points), from };
  };
  const fix = (p: V3) => apply(w.forearmFix, p);
  put("humerus", meshWorld(w, "humerus_rv.vtp"), "humerus_rv.vtp");
  put("ulna", meshWorld(w, "ulna_rv.vtp", fix), "ulna_rv.vtp");
  put("radius", meshWorld(w, "radius_rv.vtp", fix), "radius_rv.vtp");
  put("femur", meshWorld(w, "r_femur.vtp"), "r_femur.vtp");
  put("tibia", meshWorld(w, "r_tibia.vtp"), "r_tibia.vtp");
  put("fibula", meshWorld(w, "r_fibula.vtp"), "r_fibula.vtp");
  put("patella", meshWorld(w, "r_patella.vtp"), "r_patella.vtp");
  put("talus", meshWorld(w, "r_talus.vtp"), "r_talus.vtp");
  put("hip-bone", meshWorld(w, "r_pelvis.vtp"), "r_pelvis.vtp");
  put("sacrum", meshWorld(w, "sacrum.vtp"), "sacrum.vtp");
  put("skull", meshWorld(w, "skull.vtp"), "skull.vtp (Mortensen 2014)");
  put("mandible", meshWorld(w, "jaw.vtp"), "jaw.vtp (Mortensen 2014)");
  const scap = w.X.get("scapula_R") as Xform;
  put(
    "scapula",
    w.surface("rscapula.vtp", { model: "neck" }).points.map((p) => apply(scap, p)),
    "rscapula.vtp (Mortensen 2014)",
  );
  const cerv = ["cerv1.vtp", "cerv2.vtp", "cerv3.vtp", "cerv4.vtp", "cerv5.vtp", "cerv6.vtp", "rotatedcerv7.vtp"];
  cerv.forEach((f, i) => void put(`vertebra-c${i + 1}`, meshWorld(w, f), `${f} (Mortensen 2014)`));

  // Foot: the calcaneus-frame surface holds eleven separate bones; the toes surface fourteen phalanges.
  const foot = w.surface("r_foot.vtp");
  const calcn = w.X.get("calcn_r") as Xform;
  const footParts = pieces(foot).map((ix) => ix.map((i) => foot.points[i] as V3));
  if (footParts.length !== 11) throw new Error(`r_foot.vtp: expected 11 bones, found ${footParts.length}`);
  const local = footParts.map((pts) => ({ pts, m: measurePoints(pts) }));
  const [calc, ...rest] = local;
  if (!calc) throw new Error("r_foot.vtp: no calcaneus");
  put(
    "calcaneus",
    calc.pts.map((p) => apply(calcn, p)),
    "r_foot.vtp (largest piece)",
  );
  // Metatarsals: the five longest remaining pieces, lateral (+z) to medial.
  const byLength = [...rest].sort((a, b) => b.m.extents[0] - a.m.extents[0]);
  const metatarsals = byLength.slice(0, 5).sort((a, b) => b.m.centre[2] - a.m.centre[2]);
  metatarsals.forEach(
    (mt, i) =>
      void put(
        `metatarsal-${5 - i}`,
        mt.pts.map((p) => apply(calcn, p)),
        "r_foot.vtp",
      ),
  );
  const tarsals = byLength.slice(5);
  const cuboid = [...tarsals].sort((a, b) => b.m.centre[2] - a.m.centre[2])[0];
  const others = tarsals.filter((t) => t !== cuboid);
  const navicular = [...others].sort((a, b) => a.m.centre[0] - b.m.centre[0])[0];
  const cuneiforms = others.filter((t) => t !== navicular).sort((a, b) => a.m.centre[2] - b.m.centre[2]);
  if (!cuboid || !navicular || cuneiforms.length !== 3) throw new Error("r_foot.vtp: cannot identify the tarsals");
  put(
    "cuboid",
    cuboid.pts.map((p) => apply(calcn, p)),
    "r_foot.vtp",
  );
  put(
    "navicular",
    navicular.pts.map((p) => apply(calcn, p)),
    "r_foot.vtp",
  );
  ["medial-cuneiform", "intermediate-cuneiform", "lateral-cuneiform"].forEach(
    (n, i) =>
      void put(
        n,
        (cuneiforms[i] as { pts: V3[] }).pts.map((p) => apply(calcn, p)),
        "r_foot.vtp",
      ),
  );
  const toes = w.surface("r_bofoot.vtp");
  const toesX = w.X.get("toes_r") as Xform;
  const toeParts = pieces(toes)
    .map((ix) => ix.map((i) => toes.points[i] as V3))
    .map((pts) => ({ pts, c: measurePoints(pts).centre }))
    .sort((a, b) => a.c[2] - b.c[2] || a.c[0] - b.c[0]);
  toeParts.forEach(
    (t, i) =>
      void put(
        `foot-phalanx-${i + 1}`,
        t.pts.map((p) => apply(toesX, p)),
        "r_bofoot.vtp",
      ),
  );

  // Hand: carpals and metacarpals (hand frame, 0.85 scale) through the similarity fitted onto the MyoArm hand.
  const h = w.handMap;
  const toHandWorld = (p: V3): V3 => apply(h.x, [p[0] * h.scale, p[1] * h.scale, p[2] * h.scale]);
  const hand = (file: string) => w.surface(file, { scale: [0.85, 0.85, 0.85] }).points.map(toHandWorld);
  for (const c of ["scaphoid", "lunate", "triquetrum", "pisiform", "trapezium", "trapezoid", "capitate", "hamate"]) {
    put(c, hand(`${c}_rvs.vtp`), `${c}_rvs.vtp`);
  }
  for (let k = 1; k <= 5; k++) put(`metacarpal-${k}`, hand(`metacarpal${k}_rvs.vtp`), `metacarpal${k}_rvs.vtp`);
  return out;
}
