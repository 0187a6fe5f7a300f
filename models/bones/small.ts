// Hand and foot bones: carpals, tarsals, metacarpals, metatarsals and phalanges, sized and oriented by the
// reference surfaces (principal axes and extents) and placed on the hand and foot joints.

import { box, ellipsoid, frameFromY, roundCone, type Sdf, smoothUnion, sphere } from "../sdf.ts";
import { landmark, measurement } from "../skeleton.ts";
import type { Vec3 } from "../types.ts";
import { cross as vcross, dot as vdot, normalize as vnorm, scale as vscale, sub as vsub } from "../vec.ts";
import { along, at, type BoneShape, boxAround, dir, inward, L } from "./common.ts";

const ANT: Vec3 = [0, 0, 1];
const UP: Vec3 = [0, 1, 0];

/** Rounded pebble filling a measured bone's box (ellipsoid blended with a rounded box). */
function pebble(name: string, scale = 1): Sdf {
  const m = measurement(name);
  const [a, b, c] = m.extents.map((e) => (e / 2) * scale) as Vec3;
  const r = Math.min(a, b, c) * 0.55;
  return smoothUnion(
    0.002,
    ellipsoid(m.centre, [a * 0.98, b * 0.98, c * 0.98], m.axes),
    box(m.centre, [a * 0.82, b * 0.82, c * 0.82], m.axes, r),
  );
}

/** A small long bone from `base` to `head`: flared base, slim shaft, rounded head. */
function longBone(base: Vec3, head: Vec3, rBase: number, rShaft: number, rHead: number, side: Vec3): Sdf {
  const ax = dir(base, head);
  const len = Math.hypot(head[0] - base[0], head[1] - base[1], head[2] - base[2]);
  const f = frameFromY(ax, side);
  return smoothUnion(
    Math.min(rShaft, len * 0.08),
    ellipsoid(along(base, ax, rBase * 0.7), [rBase * 1.05, rBase * 0.85, rBase * 0.95], f),
    roundCone(along(base, ax, rBase * 0.8), along(head, ax, -rHead * 0.9), rShaft * 1.1, rShaft),
    ellipsoid(along(head, ax, -rHead * 0.6), [rHead * 1.1, rHead, rHead * 0.95], f),
  );
}

function shapeFor(sdf: Sdf, pts: Vec3[], pad: number, cell: number, triangles: number): BoneShape {
  const b = boxAround(pts, pad);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell, triangles };
}

// ---------- hand ----------

export function carpal(g: { which?: string | number | undefined }): BoneShape {
  const name = String(g.which);
  const m = measurement(name);
  const parts: Sdf[] = [pebble(name, 1)];
  if (name === "hamate") {
    const hook = L("hamate.hook");
    parts.push(roundCone(m.centre, along(hook, dir(m.centre, hook), 0.003), 0.004, 0.0022));
  }
  if (name === "scaphoid") parts.push(sphere(inward(L("scaphoid.tubercle"), m.centre, 0.0025), 0.0032));
  if (name === "trapezium") parts.push(sphere(inward(L("trapezium.tubercle"), m.centre, 0.002), 0.0028));
  const reach = Math.max(...m.extents) / 2 + 0.008;
  return shapeFor(smoothUnion(0.002, ...parts), [m.centre], reach, 0.0007, 260);
}

export function metacarpal(g: { which?: string | number | undefined }): BoneShape {
  const k = Number(g.which);
  const base = L(`metacarpal-${k}.base`);
  const headJoint = L(`metacarpal-${k}.head`);
  const m = measurement(`metacarpal-${k}`);
  const ax = dir(base, headJoint);
  const head = along(headJoint, ax, 0.004);
  const thumb = k === 1;
  const sdf = longBone(
    along(base, ax, -0.003),
    head,
    thumb ? 0.0078 : 0.0068,
    thumb ? 0.0044 : 0.0036,
    thumb ? 0.0068 : 0.0062,
    ANT,
  );
  void m;
  return shapeFor(sdf, [base, head], 0.012, 0.0008, 420);
}

/** Finger joints of the MyoArm hand: [MCP, PIP, DIP] (thumb: [MCP, IP]). */
function fingerJoints(k: number): Vec3[] {
  if (k === 1) return [landmark("metacarpal-1.head"), landmark("proximal-phalanx-1.head")];
  return [
    landmark(`metacarpal-${k}.head`),
    landmark(`proximal-phalanx-${k}.head`),
    landmark(`middle-phalanx-${k}.head`),
  ];
}

export function handPhalanges(): BoneShape {
  const parts: Sdf[] = [];
  const pts: Vec3[] = [];
  for (let k = 1; k <= 5; k++) {
    const j = fingerJoints(k);
    const bones: [Vec3, Vec3][] = [];
    for (let i = 0; i + 1 < j.length; i++) bones.push([j[i] as Vec3, j[i + 1] as Vec3]);
    const last = j[j.length - 1] as Vec3;
    const prev = j[j.length - 2] as Vec3;
    const lastLen = Math.hypot(last[0] - prev[0], last[1] - prev[1], last[2] - prev[2]);
    const tip = along(last, dir(prev, last), lastLen * (k === 1 ? 0.82 : 0.78));
    bones.push([last, tip]);
    bones.forEach(([a, b], i) => {
      const ax = dir(a, b);
      const start = along(a, ax, i === 0 ? 0.0075 : 0.0055);
      const distal = i === bones.length - 1;
      const thumb = k === 1;
      const s = thumb ? 1.15 : k === 5 ? 0.85 : 1;
      if (distal) {
        parts.push(
          smoothUnion(
            0.002,
            ellipsoid(along(start, ax, 0.003), [0.0052 * s, 0.0038, 0.0045 * s], frameFromY(ax, ANT)),
            roundCone(along(start, ax, 0.003), along(b, ax, -0.004), 0.0034 * s, 0.0026 * s),
            ellipsoid(along(b, ax, -0.0035), [0.0042 * s, 0.0035, 0.0028 * s], frameFromY(ax, ANT)),
          ),
        );
      } else {
        parts.push(longBone(start, along(b, ax, 0.001), 0.0062 * s, 0.0039 * s, 0.0049 * s, ANT));
      }
      pts.push(a, b);
    });
  }
  return shapeFor(smoothUnion(0.0005, ...parts), pts, 0.012, 0.0008, 1800);
}

// ---------- foot ----------

export function tarsal(g: { which?: string | number | undefined }): BoneShape {
  const name = String(g.which);
  if (name === "talus") return talus();
  if (name === "calcaneus") return calcaneus();
  const m = measurement(name);
  const reach = Math.max(...m.extents) / 2 + 0.01;
  return shapeFor(pebble(name, 0.94), [m.centre], reach, 0.0011, 360);
}

function talus(): BoneShape {
  const m = measurement("talus");
  const A = L("tibia.ankle-centre");
  const head = L("talus.head");
  const nav = measurement("navicular").centre;
  const toHead = dir(m.centre, nav);
  const body = along(A, UP, -0.013);
  const sdf = smoothUnion(
    0.005,
    ellipsoid(body, [0.014, 0.013, 0.018], frameFromY(UP, ANT)),
    roundCone(along(body, UP, 0.004), along(inward(head, m.centre, 0.011), toHead, -0.002), 0.012, 0.01),
    sphere(inward(along(head, toHead, 0.004), m.centre, 0.011), 0.0115),
    ellipsoid(along(body, ANT, -0.018), [0.008, 0.007, 0.007]),
  );
  return shapeFor(sdf, [m.centre, head, A], 0.03, 0.0012, 700);
}

function calcaneus(): BoneShape {
  const m = measurement("calcaneus");
  const tub = L("calcaneus.tuberosity");
  const sus = L("calcaneus.sustentaculum");
  const per = L("calcaneus.peroneal-trochlea");
  const cub = measurement("cuboid").centre;
  const ax = m.axes[0];
  const fwd = vdot(ax, vsub(cub, tub)) > 0 ? ax : vscale(ax, -1);
  const tubC = inward(tub, m.centre, 0.016);
  const front = along(inward(cub, m.centre, 0.018), fwd, -0.004);
  const sdf = smoothUnion(
    0.008,
    ellipsoid(tubC, [0.016, 0.02, 0.018], frameFromY(UP, fwd)),
    roundCone(tubC, along(m.centre, UP, 0.002), 0.016, 0.017),
    roundCone(along(m.centre, UP, 0.002), front, 0.016, 0.0125),
    roundCone(m.centre, inward(sus, m.centre, 0.006), 0.009, 0.0065),
    sphere(inward(per, m.centre, 0.004), 0.005),
  );
  return shapeFor(sdf, [tub, cub, sus, per, m.centre], 0.025, 0.0016, 1000);
}

export function metatarsal(g: { which?: string | number | undefined }): BoneShape {
  const k = Number(g.which);
  const m = measurement(`metatarsal-${k}`);
  const heel = L("calcaneus.tuberosity");
  let ax = m.axes[0];
  if (vdot(ax, vsub(m.centre, heel)) < 0) ax = vscale(ax, -1);
  const half = m.extents[0] / 2;
  const base = along(m.centre, ax, -half * 0.98);
  const head = along(m.centre, ax, half * 0.98);
  const big = k === 1;
  const side = vnorm(vcross(ax, UP));
  let sdf = longBone(base, head, big ? 0.011 : 0.0078, big ? 0.0068 : 0.0042, big ? 0.0095 : 0.0058, UP);
  if (k === 5) sdf = smoothUnion(0.003, sdf, sphere(inward(L("metatarsal-5.base"), m.centre, 0.005), 0.0065));
  void side;
  return shapeFor(sdf, [base, head], 0.016, 0.0011, 480);
}

export function footPhalanges(): BoneShape {
  const parts: Sdf[] = [];
  const pts: Vec3[] = [];
  const heel = L("calcaneus.tuberosity");
  for (let i = 1; i <= 14; i++) {
    const m = measurement(`foot-phalanx-${i}`);
    let ax = m.axes[0];
    if (vdot(ax, vsub(m.centre, heel)) < 0) ax = vscale(ax, -1);
    const half = Math.max(m.extents[0] / 2, 0.004);
    const w = Math.max(m.extents[1], m.extents[2]) / 2;
    const base = along(m.centre, ax, -half * 0.95);
    const head = along(m.centre, ax, half * 0.95);
    if (half < 0.007) {
      parts.push(ellipsoid(m.centre, [w * 0.95, half, Math.min(m.extents[1], m.extents[2]) * 0.5], frameFromY(ax, UP)));
    } else {
      parts.push(longBone(base, head, w * 0.95, w * 0.58, w * 0.75, UP));
    }
    pts.push(base, head);
  }
  void at;
  return shapeFor(smoothUnion(0.0005, ...parts), pts, 0.012, 0.0009, 1500);
}
