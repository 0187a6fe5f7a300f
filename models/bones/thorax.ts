// Ribs (with their costal cartilages) and sternum. Each rib runs from its head at the reference model's
// costovertebral joint, back to its angle, round the side and forward, passing the muscle attachment points the
// reference paths give on that rib, to the sternum (ribs 1-7), the cartilage above (8-10) or a free tip (11-12).

import { disc, ellipsoid, inFrame, mirrorUnion, roundCone, type Sdf, smoothSubtract, smoothUnion } from "../sdf.ts";
import { musclePath, musclePathNames } from "../skeleton.ts";
import { smoothCurve, sweepEllipse } from "../sweep.ts";
import type { Vec3 } from "../types.ts";
import { normalize as vnorm, sub as vsub } from "../vec.ts";
import { at, type BoneShape, boxAround, frame, L } from "./common.ts";

/** Points of the reference muscle paths fixed to a segment (their attachments on it). */
function attachments(segment: string): Vec3[] {
  const out: Vec3[] = [];
  for (const name of musclePathNames()) {
    for (const p of musclePath(name).points) if (p.body === segment && !p.wrap) out.push(p.p);
  }
  return out;
}

/** Sternum centre line: jugular notch, sternal angle, xiphisternal joint, xiphoid tip (front surface - 6 mm). */
export function sternumLine(): { top: Vec3; angle: Vec3; xs: Vec3; tip: Vec3; zAt: (y: number) => number } {
  const sc = L("clavicle.sternal-end");
  const front = attachments("sternum").filter((p) => p[2] > -0.03);
  // Front surface: least-squares line z(y) through the sternal attachments near the midline.
  const mid = front.filter((p) => Math.abs(p[0]) < 0.03);
  const pts = mid.length >= 2 ? mid : front;
  const n = pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  const mz = pts.reduce((s, p) => s + p[2], 0) / n;
  const syy = pts.reduce((s, p) => s + (p[1] - my) ** 2, 0);
  const syz = pts.reduce((s, p) => s + (p[1] - my) * (p[2] - mz), 0);
  const slope = syy > 0 ? syz / syy : -0.35;
  const zAt = (y: number) => mz + slope * (y - my) - 0.006;
  const topY = sc[1] + 0.006;
  const top: Vec3 = [0, topY, zAt(topY)];
  const angleY = topY - 0.048;
  const xsY = topY - 0.155;
  const tipY = xsY - 0.045;
  return { top, angle: [0, angleY, zAt(angleY)], xs: [0, xsY, zAt(xsY)], tip: [0, tipY, zAt(tipY) + 0.004], zAt };
}

export function sternum(): BoneShape {
  const s = sternumLine();
  const down = vnorm(vsub(s.tip, s.top));
  const fwd = vnorm([0, -down[2], down[1]] as Vec3);
  const ax: [Vec3, Vec3, Vec3] = [[1, 0, 0], [-down[0], -down[1], -down[2]], fwd];
  const len = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const lm = len(s.top, s.angle);
  const lb = len(s.angle, s.xs);
  const lx = len(s.xs, s.tip);
  // Local frame at the jugular notch: y up along the sternum, z forward.
  const half = smoothUnion(
    0.005,
    // Manubrium: broad above (clavicular notches), narrower at the sternal angle.
    roundCone([0.016, -0.008, 0], [0.01, -lm + 0.004, 0], 0.0085, 0.0065),
    roundCone([0.0, -0.006, 0], [0.0, -lm + 0.002, 0], 0.0085, 0.0068),
    ellipsoid([0.02, -0.01, -0.002], [0.008, 0.008, 0.007]),
    // Body: widening downwards, with notches for the cartilages.
    roundCone([0.009, -lm - 0.002, 0], [0.013, -lm - lb * 0.75, 0], 0.0055, 0.006),
    roundCone([0.0, -lm, 0], [0.0, -lm - lb, 0], 0.006, 0.0058),
    roundCone([0.012, -lm - lb * 0.75, 0], [0.007, -lm - lb, 0], 0.006, 0.005),
    // Xiphoid process.
    roundCone([0, -lm - lb, 0], [0, -lm - lb - lx, 0.002], 0.005, 0.0025),
  );
  let sdf: Sdf = mirrorUnion(half, 0.004);
  sdf = smoothSubtract(sdf, disc([0, 0.004, -0.002], 0.011, 0.004, 0.02, 0.002), 0.003);
  sdf = inFrame(sdf, s.top, ax);
  const b = boxAround([s.top, s.tip, s.angle, s.xs], 0.035);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0013, triangles: 900 };
}

/**
 * Tip of floating rib n (11, 12): the most anterior reference attachment of the abdominal obliques' slips on it (the
 * external oblique on its outer surface, the internal oblique at its tip), moved 4 mm into the body.
 */
function floatingTip(n: number): Vec3 | null {
  const ends = musclePathNames()
    .filter((name) => /^opensim:(E0|IO)/.test(name))
    .flatMap((name) => musclePath(name).points.filter((p) => p.body === `rib-${n}` && !p.wrap))
    .map((p) => p.p);
  if (ends.length === 0) return null;
  const p = ends.reduce((a, b) => (b[2] > a[2] ? b : a));
  const inward = vnorm([-p[0], 0, -0.09 - p[2]]);
  return [p[0] + inward[0] * 0.004, p[1], p[2] + inward[2] * 0.004];
}

/** Height where each rib's cartilage meets the sternum (true ribs) as a fraction along the sternum body. */
const STERNAL_T = [0, 0.0, 0.3, 0.44, 0.57, 0.7, 0.84, 0.96];

export function rib(g: { which?: string | number | undefined }): BoneShape {
  const n = Number(g.which);
  const f = frame(`rib-${n}`);
  const head = f.origin;
  const att = attachments(`rib-${n}`);
  const s = sternumLine();
  const W = Math.max(...att.map((p) => -p[0]), n === 1 ? 0.06 : 0.08) - 0.004;
  // The rib's angle lies in front of the spinous process tips (the erector spinae fill the groove between);
  // attachment points further back belong to muscles lying on the rib, not to the rib itself.
  const spine = L(`vertebra-t${n}.spinous-process`);
  const zBack = Math.max(Math.min(...att.map((p) => p[2]), head[2] - 0.03) + 0.005, spine[2] + 0.016);
  const yLow = Math.min(...att.map((p) => p[1]), head[1] - 0.02);
  // Anterior end: on the sternum's side (1-7), on the cartilage above (8-10), or free (11-12).
  let end: Vec3;
  if (n <= 7) {
    const y = n === 1 ? s.top[1] - 0.012 : at(s.angle, s.xs, STERNAL_T[n] as number)[1];
    end = [n === 1 ? -0.016 : -0.012, y, s.zAt(y) - 0.002];
  } else if (n <= 10) {
    const x = [0, 0, 0, 0, 0, 0, 0, 0, 0.045, 0.07, 0.095][n] as number;
    const y = s.xs[1] - 0.025 - (n - 8) * 0.03;
    end = [-x, y, s.zAt(s.xs[1]) - 0.012 - (n - 8) * 0.018];
  } else {
    // A floating rib ends at its tip, where the oblique muscles' slips take hold (the reference paths' ends); the
    // tips used to be drawn well past them, round the side of the trunk.
    const tip = floatingTip(n);
    end = tip ?? [-(W - 0.03 - (n - 11) * 0.02), yLow + 0.004, zBack + (n === 11 ? 0.13 : 0.07)];
  }
  const zFront = Math.max(end[2] + (n <= 10 ? 0.01 : 0.02), ...att.map((p) => p[2]));
  const zc = (zBack + zFront) / 2 - 0.005;
  const D = (zFront - zBack) / 2 + 0.005;
  const xA = 0.055;
  const phiA = Math.asin(Math.min(0.95, xA / W));
  const endX = Math.min(Math.abs(end[0]), W * 0.98);
  const phiE = end[2] > zc ? Math.PI - Math.asin(endX / W) : Math.asin(endX / W);
  // The lower ribs' section is squarer than an ellipse (a superellipse): the costal margin stays wide in front,
  // where the obliques' slips take hold on ribs 9 and 10 (an ellipse drew it 15-20 mm too far in).
  const e = n >= 7 && n <= 10 ? 2 / 3 : 1;
  const pw = (v: number) => Math.sign(v) * Math.abs(v) ** e;
  const ellipse = (phi: number): [number, number] => [-W * pw(Math.sin(phi)), zc - D * pw(Math.cos(phi))];
  // Control points: head, tubercle, then round the ellipse to the end.
  const pts: Vec3[] = [head, [head[0] - 0.02, head[1] - 0.002, head[2] - 0.016]];
  const steps = 9;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const phi = phiA + (phiE - phiA) * t;
    const [x, z] = ellipse(phi);
    // The rib descends to its lowest point two thirds of the way round; the cartilage may rise to the sternum.
    const yMid = head[1] - 0.01;
    const lowT = n <= 10 ? 0.72 : 1;
    const y =
      t <= lowT
        ? yMid + (yLow - yMid) * Math.sin(((t / lowT) * Math.PI) / 2)
        : yLow + (end[1] - yLow) * ((t - lowT) / (1 - lowT)) ** 1.5;
    pts.push([x, y, z]);
  }
  pts[pts.length - 1] = end;
  // Cross-section: flat band (tall, thin); rib 1 lies flat and is broad; cartilage is rounder and thinner.
  const widths = pts.map((_, i) => (i < 2 ? 0.005 : n === 1 ? 0.0085 : n >= 11 ? 0.0055 : 0.0068));
  const thick = pts.map((_, i) => (i < 2 ? 0.0045 : n === 1 ? 0.0032 : 0.0028));
  const curve = smoothCurve(pts, [widths, thick], n >= 11 ? 22 : 30);
  const cc = Math.round(curve.p.length * (n <= 7 ? 0.72 : n <= 10 ? 0.7 : 2));
  const w = curve.v.map(
    (v, i) => (i >= cc ? 0.0048 : (v[0] as number)) * (i === curve.p.length - 1 && n >= 11 ? 0.7 : 1),
  );
  const t = curve.v.map((v, i) => (i >= cc ? 0.0036 : (v[1] as number)));
  // The band's width runs up and down (rib 1: across, it lies nearly flat).
  const mesh = sweepEllipse(
    curve.p,
    w,
    t,
    (i) => {
      const p = curve.p[i] as Vec3;
      if (n === 1) return vnorm([p[0], 0, p[2] - zc]);
      return [0, 1, 0];
    },
    n === 1 ? 10 : 9,
  );
  return { kind: "mesh", mesh };
}

export { attachments };
