// Vertebrae, sacrum and coccyx. Each vertebra is built in its own frame (x to the body's left, y up, z anterior,
// origin at the body centre), sized by level, and placed on the reference model's vertebra frame; the spinous
// process ends at the measured tip, where the trapezius and latissimus attach.
import {
  disc,
  ellipsoid,
  frameFromY,
  inFrame,
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
import { sub as vsub } from "../vec.ts";
import { along, at, type BoneShape, boxAround, dir, frame, inward, L } from "./common.ts";
import { attachments } from "./thorax.ts";

interface Level {
  region: "c" | "t" | "l";
  n: number;
}

function parse(which: string): Level {
  return { region: which[0] as "c" | "t" | "l", n: Number(which.slice(1)) };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Body size by level: width, depth, height (metres). */
function bodySize(v: Level): [number, number, number] {
  if (v.region === "c") {
    const t = (v.n - 3) / 4;
    return [lerp(0.016, 0.022, t), lerp(0.015, 0.017, t), lerp(0.012, 0.014, t)];
  }
  if (v.region === "t") {
    const t = (v.n - 1) / 11;
    return [lerp(0.025, 0.039, t), lerp(0.016, 0.029, t), lerp(0.015, 0.023, t)];
  }
  const t = (v.n - 1) / 4;
  return [lerp(0.042, 0.05, t), lerp(0.029, 0.034, t), lerp(0.025, 0.026, t)];
}

/** A typical vertebra (C3-L5) in local coordinates; `tipLocal` is the spinous process tip. */
function typical(v: Level, tipLocal: Vec3, tpLocal?: Vec3): Sdf {
  const [w, d, h] = bodySize(v);
  const body = disc([0, 0, 0], w / 2, h / 2, d / 2, Math.min(0.003, h * 0.2));
  const canalW = v.region === "l" ? 0.023 : v.region === "t" ? 0.017 : 0.024;
  const canalD = v.region === "l" ? 0.017 : v.region === "t" ? 0.016 : 0.015;
  const back = -d / 2;
  const pillarX = canalW / 2 + (v.region === "c" ? 0.004 : 0.004);
  const pillarZ = back - canalD * 0.55;
  const pillar: Vec3 = [pillarX, 0, pillarZ];
  const lamJoin: Vec3 = [0, -h * 0.1, back - canalD - 0.002];
  const pedR = v.region === "l" ? 0.0048 : v.region === "t" ? 0.0038 : 0.003;
  const parts: Sdf[] = [
    body,
    roundCone([pillarX * 0.9, 0.001, back + 0.003], pillar, pedR, pedR),
    roundCone(pillar, lamJoin, v.region === "l" ? 0.0045 : 0.0035, v.region === "l" ? 0.0045 : 0.0035),
  ];
  // Articular processes: up and down at each pillar.
  const ap = v.region === "l" ? 0.011 : v.region === "t" ? 0.009 : 0.006;
  parts.push(roundCone(pillar, [pillarX * 1.05, h * 0.5 + ap * 0.5, pillarZ - 0.002], 0.0042, 0.0035));
  parts.push(roundCone(pillar, [pillarX * 0.8, -h * 0.5 - ap * 0.4, pillarZ - 0.004], 0.0042, 0.0033));
  // Spinous process.
  if (v.region === "l") {
    parts.push(triangle([0, h * 0.25, back - canalD], [0, -h * 0.35, back - canalD], tipLocal, 0.0035));
    parts.push(roundCone(lamJoin, tipLocal, 0.005, 0.0055));
    parts.push(
      roundCone(
        [0, tipLocal[1] + 0.008, tipLocal[2] + 0.004],
        [0, tipLocal[1] - 0.008, tipLocal[2] + 0.004],
        0.0045,
        0.0045,
      ),
    );
  } else if (v.region === "t") {
    parts.push(roundCone(lamJoin, tipLocal, 0.0045, 0.0038));
    parts.push(sphere(tipLocal, 0.0045));
  } else if (v.n === 7) {
    parts.push(roundCone(lamJoin, tipLocal, 0.0048, 0.0042));
    parts.push(sphere(tipLocal, 0.005));
  } else {
    // Short, forked tip.
    parts.push(roundCone(lamJoin, tipLocal, 0.0046, 0.0036));
    parts.push(roundCone(tipLocal, [0.0045, tipLocal[1] - 0.002, tipLocal[2] + 0.001], 0.0034, 0.003));
  }
  // Transverse process.
  if (v.region === "l") {
    const len = v.n === 3 ? 0.037 : v.n === 1 ? 0.028 : v.n === 5 ? 0.028 : 0.034;
    const tp: Vec3 = tpLocal ?? [pillarX + len, 0.002, pillarZ + 0.002];
    parts.push(
      roundCone([pillarX, 0.001, pillarZ + 0.003], tp, v.n === 5 ? 0.006 : 0.0042, v.n === 5 ? 0.0048 : 0.0032),
    );
  } else if (v.region === "t") {
    const len = lerp(0.027, 0.016, (v.n - 1) / 11);
    const tp: Vec3 = [pillarX + len * 0.85, h * 0.25, pillarZ - len * 0.5];
    parts.push(roundCone([pillarX, h * 0.2, pillarZ], tp, 0.0042, 0.0048));
    // Costal facet on the side of the body.
    parts.push(sphere([w * 0.42, h * 0.35, back + 0.004], 0.0035));
  } else {
    const tp: Vec3 = tpLocal ?? [pillarX + 0.012, 0, pillarZ + 0.008];
    parts.push(roundCone([w / 2 - 0.001, 0, 0], tp, 0.0032, 0.003));
    parts.push(roundCone([pillarX, 0, pillarZ], tp, 0.0032, 0.003));
    // Uncinate process (lip on the body's upper edge).
    parts.push(roundCone([w * 0.4, h / 2, -d * 0.2], [w * 0.45, h / 2 + 0.002, d * 0.2], 0.0018, 0.0018));
  }
  const half = smoothUnion(v.region === "c" ? 0.0025 : 0.004, ...parts);
  let sdf: Sdf = mirrorUnion(half, 0.003);
  // Vertebral foramen.
  sdf = smoothSubtract(
    sdf,
    disc([0, 0, back - canalD / 2 - 0.0005], canalW / 2 - 0.0015, 0.03, canalD / 2, 0.002),
    0.0015,
  );
  if (v.region === "c") {
    // Foramina transversaria.
    sdf = smoothSubtract(sdf, disc([w / 2 + 0.005, 0, -0.002], 0.0025, 0.02, 0.0025, 0.0005), 0.001);
    sdf = smoothSubtract(sdf, disc([-(w / 2 + 0.005), 0, -0.002], 0.0025, 0.02, 0.0025, 0.0005), 0.001);
  }
  return sdf;
}

function atlas(tipLocal: Vec3, tpLocal: Vec3): Sdf {
  const ant: Vec3 = [0, 0, 0.012];
  const lm: Vec3 = [0.017, 0, -0.004];
  const half = smoothUnion(
    0.003,
    roundCone(ant, [0.012, 0, 0.008], 0.004, 0.0045),
    ellipsoid(lm, [0.0065, 0.007, 0.009]),
    roundCone(lm, tpLocal, 0.0045, 0.0042),
    tube([[0.016, 0.001, -0.012], [0.012, 0.001, -0.026], tipLocal], [0.0038, 0.0032, 0.0035]),
  );
  let sdf = mirrorUnion(half, 0.003);
  sdf = smoothSubtract(sdf, disc([tpLocal[0] - 0.007, 0, tpLocal[2]], 0.0025, 0.02, 0.0025, 0.0005), 0.001);
  sdf = smoothSubtract(sdf, disc([-(tpLocal[0] - 0.007), 0, tpLocal[2]], 0.0025, 0.02, 0.0025, 0.0005), 0.001);
  return sdf;
}

function axis(tipLocal: Vec3, tpLocal: Vec3): Sdf {
  const body = disc([0, -0.002, 0], 0.009, 0.008, 0.008, 0.003);
  const half = smoothUnion(
    0.003,
    body,
    roundCone([0, 0.004, 0.001], [0, 0.019, 0.002], 0.0055, 0.0045),
    ellipsoid([0.013, 0.004, -0.006], [0.006, 0.005, 0.008]),
    roundCone([0.012, 0.002, -0.006], tpLocal, 0.0035, 0.003),
    roundCone([0.013, 0, -0.011], [0, -0.002, -0.026], 0.0045, 0.0045),
    roundCone([0, -0.002, -0.026], tipLocal, 0.005, 0.004),
    roundCone(tipLocal, [0.005, tipLocal[1] - 0.003, tipLocal[2] + 0.001], 0.0038, 0.0034),
  );
  let sdf = mirrorUnion(half, 0.003);
  sdf = smoothSubtract(sdf, disc([0, 0, -0.017], 0.01, 0.03, 0.007, 0.002), 0.0015);
  return sdf;
}

export function vertebra(g: { which?: string | number | undefined }): BoneShape {
  const which = String(g.which);
  const v = parse(which);
  const f = frame(`vertebra-${which}`);
  const [ax, ay, az] = f.axes;
  let centre: Vec3;
  if (v.region === "c") centre = L(`vertebra-${which}.${v.n === 1 ? "anterior-arch" : "body-centre"}`);
  else centre = f.toWorld([0, v.region === "l" ? 0.015 : 0.011, 0]);
  if (v.n === 1 && v.region === "c") centre = along(centre, az, -0.012);
  // Local frame: the reference frame's axes, origin at the body centre.
  const toLocal = (p: Vec3): Vec3 => {
    const d = vsub(p, centre);
    return [
      d[0] * ax[0] + d[1] * ax[1] + d[2] * ax[2],
      d[0] * ay[0] + d[1] * ay[1] + d[2] * ay[2],
      d[0] * az[0] + d[1] * az[1] + d[2] * az[2],
    ];
  };
  const tip = toLocal(L(`vertebra-${which}.spinous-process`));
  tip[0] = 0;
  const tpName = `vertebra-${which}.transverse-process`;
  const tp = v.region === "c" ? toLocal(L(tpName)) : undefined;
  if (tp) tp[0] = Math.abs(tp[0]);
  let local: Sdf;
  if (v.region === "c" && v.n === 1) local = atlas(tip, tp as Vec3);
  else if (v.region === "c" && v.n === 2) local = axis(tip, tp as Vec3);
  else local = typical(v, tip, tp);
  // A midline muscle attachment well below the tip (lower trapezius at T8) continues the process down to it.
  const low = attachments(`vertebra-${which}`)
    .filter((p) => Math.abs(p[0]) < 0.006)
    .map(toLocal)
    .filter((p) => p[1] < tip[1] - 0.01 && p[2] < -0.03)
    .sort((a, b) => a[1] - b[1])[0];
  if (low) {
    low[0] = 0;
    local = smoothUnion(0.004, local, roundCone(tip, inward(low, tip, 0.003), 0.004, 0.0035));
  }
  const sdf = inFrame(local, centre, [ax, ay, az]);
  const reach = Math.max(Math.hypot(...tip), low ? Math.hypot(...low) : 0, 0.045) + 0.012;
  const b = boxAround([centre], reach);
  return {
    kind: "sdf",
    sdf,
    min: b.min,
    max: b.max,
    cell: v.region === "c" ? 0.0011 : 0.0014,
    triangles: v.region === "c" ? 500 : 650,
  };
}

export function sacrum(): BoneShape {
  const base = L("sacrum.base-centre");
  const prom = L("sacrum.promontory");
  const apex = L("sacrum.apex");
  // The wing and auricular landmarks lie on the lateral surface: the shapes through them are centred that far inside
  // (centred on them, the sacrum stood 8 mm wider than the reference each side).
  const ala = along(L("sacrum.ala"), [1, 0, 0], 0.007);
  const aur = along(L("sacrum.auricular"), [1, 0, 0], 0.008);
  const crest = L("sacrum.median-crest");
  const down = dir(base, apex);
  const mid = along(at(base, apex, 0.5), [0, 0, 1], -0.006);
  const half = smoothUnion(
    0.008,
    tube([along(base, [0, 1, 0], -0.006), mid, along(apex, [0, 1, 0], 0.006)], [0.019, 0.014, 0.006]),
    disc(along(base, [0, 1, 0], -0.007), 0.024, 0.006, 0.017, 0.004),
    triangle(along(ala, [0, 1, 0], -0.008), [0.012, base[1] - 0.012, base[2] - 0.01], at(apex, aur, 0.15), 0.008),
    triangle(along(ala, [0, 1, 0], -0.008), along(aur, [-1, 0, 0], -0.002), at(apex, aur, 0.25), 0.009),
    ellipsoid(aur, [0.008, 0.022, 0.016], frameFromY(down, [0, 0, 1])),
    tube(
      [along(along(crest, [0, 1, 0], 0.024), [0, 0, 1], 0.012), crest, along(apex, [0, 0, 1], -0.008)],
      [0.004, 0.0045, 0.003],
    ),
    ellipsoid(along(along(prom, [0, 0, 1], -0.008), [0, 1, 0], -0.002), [0.02, 0.006, 0.01]),
    // The dorsal surface beside the median crest (the intermediate crests over the dorsal foramina), which stood
    // 10 mm in front of the reference there.
    ellipsoid([crest[0] - 0.014, crest[1] + 0.008, crest[2] + 0.017], [0.014, 0.028, 0.008]),
  );
  let sdf: Sdf = mirrorUnion(half, 0.006);
  // Sacral foramina (four pairs) through the bone from front to back.
  for (let i = 0; i < 4; i++) {
    const c = at(base, apex, 0.18 + i * 0.2);
    const x = 0.014 - i * 0.0015;
    for (const s of [1, -1]) {
      sdf = smoothSubtract(
        sdf,
        roundCone([s * x, c[1], c[2] + 0.04], [s * x, c[1], c[2] - 0.04], 0.0032 - i * 0.0004, 0.0032 - i * 0.0004),
        0.0015,
      );
    }
  }
  void prom;
  const b = boxAround([base, apex, ala, [-ala[0], ala[1], ala[2]], aur, [-aur[0], aur[1], aur[2]], crest, prom], 0.02);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0018, triangles: 1400 };
}

export function coccyx(): BoneShape {
  const apex = L("sacrum.apex");
  const d1 = along(along(apex, [0, 1, 0], -0.012), [0, 0, 1], 0.004);
  const d2 = along(along(d1, [0, 1, 0], -0.009), [0, 0, 1], 0.006);
  const d3 = along(along(d2, [0, 1, 0], -0.007), [0, 0, 1], 0.006);
  const s0 = along(apex, [0, 1, 0], -0.003);
  const sdf = smoothUnion(
    0.003,
    ellipsoid(at(s0, d1, 0.5), [0.0095, 0.006, 0.005]),
    ellipsoid(at(d1, d2, 0.5), [0.007, 0.0048, 0.004]),
    ellipsoid(at(d2, d3, 0.5), [0.005, 0.004, 0.0035]),
    sphere(d3, 0.0028),
  );
  const b = boxAround([s0, d3], 0.015);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0009, triangles: 240 };
}
