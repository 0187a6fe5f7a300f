// Reads the MyoSuite MyoArm (MuJoCo XML): body tree at the reference pose (all joints 0), sites, wrap geoms,
// tendon paths and muscle parameters. Its arm bodies use the MoBL frames of the OpenSim full-body model, so
// points are carried over body by body (see `anchors` in run.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { axisAngle, compose, eulerXYZ, IDENTITY, type M3, type V3, type Xform } from "./math.ts";
import { type WrapShape, wrapSegment } from "./wrap.ts";
import { descendants, numbers, parseXml, type XmlElement } from "./xml.ts";

export interface MjBody {
  name: string;
  parent: string | null;
  /** Body -> MuJoCo world at the reference pose. */
  world: Xform;
}

export interface MjTendon {
  name: string;
  /** Sites and wrap geoms in order. */
  items: ({ site: string } | { geom: string; sidesite?: string })[];
}

export interface MjMuscle {
  name: string;
  tendon: string;
  force: number;
  /** Operating range of normalised fibre length (MuJoCo `range`), default 0.75..1.05. */
  range: [number, number];
  /** Actuator (musculotendon) length range, metres. */
  lengthRange: [number, number];
}

export interface MyoArm {
  file: string;
  bodies: Map<string, MjBody>;
  sites: Map<string, { body: string; local: V3 }>;
  geoms: Map<string, { body: string; shape: WrapShape }>;
  tendons: Map<string, MjTendon>;
  muscles: MjMuscle[];
}

function vec(el: XmlElement, attr: string, fallback: V3 = [0, 0, 0]): V3 {
  const n = numbers(el.attrs[attr]);
  return n.length >= 3 ? [n[0] as number, n[1] as number, n[2] as number] : fallback;
}

function quatToM(q: number[]): M3 {
  const [w0 = 1, x0 = 0, y0 = 0, z0 = 0] = q;
  const l = Math.hypot(w0, x0, y0, z0);
  const [w, x, y, z] = [w0 / l, x0 / l, y0 / l, z0 / l];
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    1 - 2 * (x * x + z * z),
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    1 - 2 * (x * x + y * y),
  ];
}

/** Local frame of a body/geom/site element: pos plus quat or euler (radians, intrinsic xyz). */
function localFrame(el: XmlElement): Xform {
  const p = vec(el, "pos");
  if (el.attrs["quat"]) return { R: quatToM(numbers(el.attrs["quat"])), p };
  if (el.attrs["euler"]) return { R: eulerXYZ(vec(el, "euler")), p };
  return { R: IDENTITY.R, p };
}

/** Reads the arm; `pose` sets hinge joint angles (radians) by joint name, others stay at 0. */
export function readMyoArm(dir: string, pose: Record<string, number> = {}): MyoArm {
  const bodyFile = join(dir, "assets", "myoarm_body.xml");
  const assetFile = join(dir, "assets", "myoarm_assets.xml");
  const bodyDoc = parseXml(readFileSync(bodyFile, "utf8").replace(/^\uFEFF/, ""), bodyFile);
  const assetDoc = parseXml(readFileSync(assetFile, "utf8").replace(/^\uFEFF/, ""), assetFile);
  const bodies = new Map<string, MjBody>();
  const sites = new Map<string, { body: string; local: V3 }>();
  const geoms = new Map<string, { body: string; shape: WrapShape }>();
  const walk = (el: XmlElement, parent: string | null, parentWorld: Xform) => {
    for (const c of el.children) {
      if (c.name === "body") {
        const name = c.attrs["name"] ?? `(anonymous ${bodies.size})`;
        let world = compose(parentWorld, localFrame(c));
        for (const j of c.children) {
          const q = pose[j.attrs["name"] ?? ""];
          if (j.name !== "joint" || q === undefined || q === 0) continue;
          const pos = vec(j, "pos");
          const rot: Xform = { R: axisAngle(vec(j, "axis", [0, 0, 1]), q), p: [0, 0, 0] };
          world = compose(compose(compose(world, { R: IDENTITY.R, p: pos }), rot), {
            R: IDENTITY.R,
            p: [-pos[0], -pos[1], -pos[2]],
          });
        }
        bodies.set(name, { name, parent, world });
        walk(c, name, world);
      } else if (c.name === "site" && parent) {
        sites.set(c.attrs["name"] ?? "", { body: parent, local: vec(c, "pos") });
      } else if (c.name === "geom" && parent && c.attrs["class"] === "wrap") {
        const size = numbers(c.attrs["size"]);
        const type = c.attrs["type"] ?? "sphere";
        const frame = localFrame(c);
        const r = size[0] ?? 0.01;
        const shape: WrapShape =
          type === "cylinder"
            ? { kind: "cylinder", frame, radius: r, length: 2 * (size[1] ?? r), quadrant: "all" }
            : { kind: "ellipsoid", frame, radii: [r, r, r], quadrant: "all" };
        geoms.set(c.attrs["name"] ?? "", { body: parent, shape });
      }
    }
  };
  const root = descendants(bodyDoc, (e) => e.name === "mujocoinclude")[0] ?? bodyDoc;
  walk(root, null, IDENTITY);

  const tendons = new Map<string, MjTendon>();
  for (const s of descendants(assetDoc, (e) => e.name === "spatial")) {
    const items: MjTendon["items"] = [];
    for (const c of s.children) {
      if (c.name === "site") items.push({ site: c.attrs["site"] ?? "" });
      else if (c.name === "geom") {
        const g: { geom: string; sidesite?: string } = { geom: c.attrs["geom"] ?? "" };
        if (c.attrs["sidesite"]) g.sidesite = c.attrs["sidesite"];
        items.push(g);
      }
    }
    tendons.set(s.attrs["name"] ?? "", { name: s.attrs["name"] ?? "", items });
  }
  const muscles: MjMuscle[] = [];
  const actuator = descendants(assetDoc, (e) => e.name === "actuator")[0];
  for (const a of actuator ? actuator.children : []) {
    if (a.name !== "muscle" && a.name !== "general") continue;
    const lr = numbers(a.attrs["lengthrange"]);
    let force = Number(a.attrs["force"] ?? "NaN");
    let range: [number, number] = [0.75, 1.05];
    if (a.name === "general") {
      const g = numbers(a.attrs["gainprm"]);
      range = [g[0] ?? 0.75, g[1] ?? 1.05];
      force = g[2] ?? Number.NaN;
    } else if (a.attrs["range"]) {
      const r = numbers(a.attrs["range"]);
      range = [r[0] ?? 0.75, r[1] ?? 1.05];
    }
    muscles.push({
      name: a.attrs["name"] ?? "",
      tendon: a.attrs["tendon"] ?? "",
      force,
      range,
      lengthRange: [lr[0] ?? 0, lr[1] ?? 0],
    });
  }
  return { file: assetFile, bodies, sites, geoms, tendons, muscles };
}

/**
 * Tendon path as points in a caller-chosen world: `toWorld(body, local)` maps a body-local point (MuJoCo
 * body frame, which is the OpenSim convention for the arm) into the caller's OpenSim-convention world.
 */
export function tendonPath(
  arm: MyoArm,
  tendon: MjTendon,
  toWorld: (body: string, local: V3) => V3,
  frameOf: (body: string) => Xform,
): { p: V3; body: string; wrap?: string }[] {
  const out: { p: V3; body: string; wrap?: string }[] = [];
  const items = tendon.items;
  let prev: { p: V3; body: string } | null = null;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it) continue;
    if ("site" in it) {
      const s = arm.sites.get(it.site);
      if (!s) throw new Error(`${arm.file}: tendon ${tendon.name} names unknown site ${it.site}`);
      const p = toWorld(s.body, s.local);
      out.push({ p, body: s.body });
      prev = { p, body: s.body };
    } else {
      const g = arm.geoms.get(it.geom);
      const nextItem = items[i + 1];
      if (!g || !prev || !nextItem || !("site" in nextItem)) continue;
      const ns = arm.sites.get(nextItem.site);
      if (!ns) continue;
      const next = toWorld(ns.body, ns.local);
      const frame = compose(frameOf(g.body), g.shape.frame);
      const shape: WrapShape = { ...g.shape, frame };
      const side = it.sidesite ? arm.sites.get(it.sidesite) : undefined;
      // The side site, in the geom's own frame, picks the side the path goes round.
      if (side) shape.side = applyInverse(frame, toWorld(side.body, side.local));
      const arc = wrapSegment(shape, frame, prev.p, next);
      for (const q of arc) out.push({ p: q, body: g.body, wrap: it.geom });
    }
  }
  return out;
}

function applyInverse(x: Xform, p: V3): V3 {
  const d: V3 = [p[0] - x.p[0], p[1] - x.p[1], p[2] - x.p[2]];
  const R = x.R;
  return [
    R[0] * d[0] + R[3] * d[1] + R[6] * d[2],
    R[1] * d[0] + R[4] * d[1] + R[7] * d[2],
    R[2] * d[0] + R[5] * d[1] + R[8] * d[2],
  ];
}
