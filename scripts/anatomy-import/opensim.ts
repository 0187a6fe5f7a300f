// Reads an OpenSim model (.osim): bodies, joints, markers, wrap objects and muscles; poses it (every coordinate
// at its default value unless overridden) and returns body world transforms and muscle path points in the
// glTF frame (metres, +Y up, body faces +Z, body's right is -X; gltf = (-z, y, x) from OpenSim).
import { readFileSync } from "node:fs";
import { type Fn, readFunction } from "./functions.ts";
import {
  apply,
  axisAngle,
  compose,
  eulerXYZ,
  I3,
  IDENTITY,
  invert,
  type M3,
  mulM,
  toGltfV,
  toGltfX,
  type V3,
  type Xform,
} from "./math.ts";
import { type WrapShape, wrapSegment } from "./wrap.ts";
import { childText, descendants, kid, kids, numbers, parseXml, type XmlElement } from "./xml.ts";

export interface MeshRef {
  file: string;
  scale: V3;
  /** Mesh vertices -> body frame (OpenSim convention). */
  frame: Xform;
  /** Name of the body-component frame holding the mesh, if any (e.g. head_neck_geom_frame_2). */
  holder?: string;
}

export interface OsimBody {
  name: string;
  meshes: MeshRef[];
  /** Named offset frames fixed to the body (geometry holders), body frame. */
  frames: Map<string, Xform>;
}

interface Coordinate {
  name: string;
  defaultValue: number;
  range: [number, number];
}

type JointKind = "CustomJoint" | "PinJoint" | "WeldJoint" | "UniversalJoint" | "BallJoint" | "SliderJoint";

export interface OsimJoint {
  name: string;
  kind: JointKind;
  parentBody: string;
  childBody: string;
  /** Joint frame on the parent, in the parent body's frame. */
  parentFrame: Xform;
  /** Joint frame on the child, in the child body's frame. */
  childFrame: Xform;
  coordinates: Coordinate[];
  /** CustomJoint transform axes (3 rotations then 3 translations). */
  axes: { axis: V3; coords: string[]; fn: Fn }[];
}

export interface OsimWrap {
  name: string;
  body: string;
  shape: WrapShape;
}

export interface RawPathPoint {
  body: string;
  /** Location in the body frame (OpenSim convention) at the pose. */
  local: V3;
  kind: "fixed" | "conditional" | "moving";
  /** Conditional points: whether the point is active at the pose. */
  active: boolean;
  name: string;
}

export interface OsimMuscle {
  name: string;
  type: string;
  points: RawPathPoint[];
  wraps: { object: string; range: [number, number] }[];
  maxIsometricForce: number;
  optimalFiberLength: number;
  tendonSlackLength: number;
  pennationAngle: number;
}

export interface OsimModel {
  file: string;
  bodies: Map<string, OsimBody>;
  joints: OsimJoint[];
  coordinates: Map<string, Coordinate>;
  markers: { name: string; body: string; local: V3 }[];
  wraps: Map<string, OsimWrap>;
  muscles: OsimMuscle[];
  /** Coordinate values of the pose. */
  pose: Map<string, number>;
}

function v3(text: string | undefined, fallback: V3 = [0, 0, 0]): V3 {
  const n = numbers(text);
  return n.length >= 3 ? [n[0] as number, n[1] as number, n[2] as number] : fallback;
}

function offsetXform(el: XmlElement): Xform {
  return { R: eulerXYZ(v3(childText(el, "orientation"))), p: v3(childText(el, "translation")) };
}

function lastSegment(path: string): string {
  const parts = path.split("/").filter((s) => s.length > 0);
  return parts[parts.length - 1] ?? path;
}

function readMeshes(holder: XmlElement, frame: Xform, holderName?: string): MeshRef[] {
  const out: MeshRef[] = [];
  const geometry = kid(holder, "attached_geometry");
  for (const mesh of geometry ? kids(geometry, "Mesh") : []) {
    const file = childText(mesh, "mesh_file");
    if (!file) continue;
    const ref: MeshRef = { file, scale: v3(childText(mesh, "scale_factors"), [1, 1, 1]), frame };
    if (holderName) ref.holder = holderName;
    out.push(ref);
  }
  return out;
}

function readWrapShape(el: XmlElement): WrapShape | null {
  const frame: Xform = { R: eulerXYZ(v3(childText(el, "xyz_body_rotation"))), p: v3(childText(el, "translation")) };
  const quadrant = childText(el, "quadrant") ?? "all";
  switch (el.name) {
    case "WrapCylinder":
      return {
        kind: "cylinder",
        frame,
        radius: Number(childText(el, "radius")),
        length: Number(childText(el, "length")),
        quadrant,
      };
    case "WrapSphere":
      return { kind: "ellipsoid", frame, radii: [1, 1, 1].map(() => Number(childText(el, "radius"))) as V3, quadrant };
    case "WrapEllipsoid":
      return { kind: "ellipsoid", frame, radii: v3(childText(el, "dimensions")), quadrant };
    default:
      return null;
  }
}

/** Parses the model file. `pose` overrides coordinate default values (radians / metres). */
export function readOsim(file: string, pose: Record<string, number> = {}): OsimModel {
  const doc = parseXml(readFileSync(file, "utf8"), file);
  const model = descendants(doc, (e) => e.name === "Model")[0];
  if (!model) throw new Error(`${file}: no <Model>`);
  const bodies = new Map<string, OsimBody>();
  const wraps = new Map<string, OsimWrap>();
  const bodySet = kid(model, "BodySet");
  const bodyEls = bodySet ? kids(kid(bodySet, "objects") ?? bodySet, "Body") : [];
  for (const b of bodyEls) {
    const name = b.attrs["name"] ?? "";
    const body: OsimBody = { name, meshes: readMeshes(b, IDENTITY), frames: new Map() };
    const components = kid(b, "components");
    for (const f of components ? kids(components, "PhysicalOffsetFrame") : []) {
      const fname = f.attrs["name"] ?? "";
      const x = offsetXform(f);
      body.frames.set(fname, x);
      body.meshes.push(...readMeshes(f, x, fname));
    }
    const wset = kid(b, "WrapObjectSet");
    const wobjs = wset ? kid(wset, "objects") : undefined;
    for (const w of wobjs ? wobjs.children : []) {
      if ((childText(w, "active") ?? "true") === "false") continue;
      const shape = readWrapShape(w);
      if (shape) wraps.set(w.attrs["name"] ?? "", { name: w.attrs["name"] ?? "", body: name, shape });
    }
    bodies.set(name, body);
  }
  bodies.set("ground", { name: "ground", meshes: [], frames: new Map() });

  const joints: OsimJoint[] = [];
  const coordinates = new Map<string, Coordinate>();
  const jointSet = kid(model, "JointSet");
  for (const j of jointSet ? (kid(jointSet, "objects") ?? jointSet).children : []) {
    const kind = j.name as JointKind;
    const name = j.attrs["name"] ?? "";
    const frames = new Map<string, { body: string; x: Xform }>();
    const framesEl = kid(j, "frames");
    for (const f of framesEl ? kids(framesEl, "PhysicalOffsetFrame") : []) {
      frames.set(f.attrs["name"] ?? "", { body: lastSegment(childText(f, "socket_parent") ?? ""), x: offsetXform(f) });
    }
    const resolve = (socket: string): { body: string; x: Xform } => {
      const local = frames.get(socket) ?? frames.get(lastSegment(socket));
      if (local) return local;
      return { body: lastSegment(socket), x: IDENTITY };
    };
    const parent = resolve(childText(j, "socket_parent_frame") ?? "");
    const child = resolve(childText(j, "socket_child_frame") ?? "");
    const coords: Coordinate[] = [];
    const coordsEl = kid(j, "coordinates");
    for (const c of coordsEl ? kids(coordsEl, "Coordinate") : []) {
      const r = numbers(childText(c, "range"));
      const coord: Coordinate = {
        name: c.attrs["name"] ?? "",
        defaultValue: Number(childText(c, "default_value") ?? "0"),
        range: [r[0] ?? 0, r[1] ?? 0],
      };
      coords.push(coord);
      coordinates.set(coord.name, coord);
    }
    const axes: OsimJoint["axes"] = [];
    const st = kid(j, "SpatialTransform");
    if (st) {
      for (const ta of kids(st, "TransformAxis")) {
        const where = `${file}: joint ${name} ${ta.attrs["name"]}`;
        axes.push({
          axis: v3(childText(ta, "axis")),
          coords: (childText(ta, "coordinates") ?? "").split(/\s+/).filter((s) => s.length > 0),
          fn: readFunction(ta, where),
        });
      }
    }
    joints.push({
      name,
      kind,
      parentBody: parent.body,
      childBody: child.body,
      parentFrame: parent.x,
      childFrame: child.x,
      coordinates: coords,
      axes,
    });
  }

  const poseValues = new Map<string, number>();
  for (const [n, c] of coordinates) poseValues.set(n, c.defaultValue);
  for (const [n, v] of Object.entries(pose)) {
    if (!coordinates.has(n)) throw new Error(`${file}: pose names unknown coordinate ${n}`);
    poseValues.set(n, v);
  }
  // Coupled coordinates follow their independent coordinate.
  const constraintSet = kid(model, "ConstraintSet");
  for (const c of constraintSet ? (kid(constraintSet, "objects") ?? constraintSet).children : []) {
    if (c.name !== "CoordinateCouplerConstraint") continue;
    const fnHolder = kid(c, "coupled_coordinates_function");
    const indep = (childText(c, "independent_coordinate_names") ?? "").trim();
    const dep = (childText(c, "dependent_coordinate_name") ?? "").trim();
    if (!fnHolder || !indep || !dep) continue;
    const fn = readFunction(fnHolder, `${file}: constraint ${c.attrs["name"]}`);
    poseValues.set(dep, fn(poseValues.get(indep) ?? 0) * Number(childText(c, "scale_factor") ?? "1"));
  }

  const markers: OsimModel["markers"] = [];
  const markerSet = kid(model, "MarkerSet");
  for (const m of markerSet ? kids(kid(markerSet, "objects") ?? markerSet, "Marker") : []) {
    markers.push({
      name: m.attrs["name"] ?? "",
      body: lastSegment(childText(m, "socket_parent_frame") ?? ""),
      local: v3(childText(m, "location")),
    });
  }

  const muscles: OsimMuscle[] = [];
  const forceSet = kid(model, "ForceSet");
  for (const m of forceSet ? (kid(forceSet, "objects") ?? forceSet).children : []) {
    const gp = kid(m, "GeometryPath");
    if (!gp || !childText(m, "max_isometric_force")) continue;
    const pps = kid(gp, "PathPointSet");
    const points: RawPathPoint[] = [];
    for (const p of pps ? (kid(pps, "objects") ?? pps).children : []) {
      const body = lastSegment(childText(p, "socket_parent_frame") ?? "");
      const pname = p.attrs["name"] ?? "";
      if (p.name === "MovingPathPoint") {
        const value = (axis: "x" | "y" | "z"): number => {
          const holder = kid(p, `${axis}_location`);
          const coordPath = childText(p, `socket_${axis}_coordinate`) ?? "";
          if (!holder) return 0;
          const fn = readFunction(holder, `${file}: ${m.attrs["name"]} moving point`);
          return fn(poseValues.get(lastSegment(coordPath)) ?? 0);
        };
        points.push({ body, local: [value("x"), value("y"), value("z")], kind: "moving", active: true, name: pname });
      } else if (p.name === "ConditionalPathPoint") {
        const coord = lastSegment(childText(p, "socket_coordinate") ?? "");
        const [lo = 0, hi = 0] = numbers(childText(p, "range"));
        const q = poseValues.get(coord) ?? 0;
        points.push({
          body,
          local: v3(childText(p, "location")),
          kind: "conditional",
          active: q >= lo && q <= hi,
          name: pname,
        });
      } else if (p.name === "PathPoint") {
        points.push({ body, local: v3(childText(p, "location")), kind: "fixed", active: true, name: pname });
      }
    }
    const wrapsOut: OsimMuscle["wraps"] = [];
    const pws = kid(gp, "PathWrapSet");
    for (const w of pws ? kids(kid(pws, "objects") ?? pws, "PathWrap") : []) {
      const r = numbers(childText(w, "range"));
      wrapsOut.push({ object: childText(w, "wrap_object") ?? "", range: [r[0] ?? -1, r[1] ?? -1] });
    }
    muscles.push({
      name: m.attrs["name"] ?? "",
      type: m.name,
      points,
      wraps: wrapsOut,
      maxIsometricForce: Number(childText(m, "max_isometric_force")),
      optimalFiberLength: Number(childText(m, "optimal_fiber_length")),
      tendonSlackLength: Number(childText(m, "tendon_slack_length")),
      pennationAngle: Number(childText(m, "pennation_angle_at_optimal") ?? "0"),
    });
  }
  return { file, bodies, joints, coordinates, markers, wraps, muscles, pose: poseValues };
}

/** The joint's child-in-parent transform X_FM at the pose. */
function jointMotion(j: OsimJoint, q: Map<string, number>): Xform {
  const value = (name: string | undefined) => (name ? (q.get(name) ?? 0) : 0);
  switch (j.kind) {
    case "WeldJoint":
      return IDENTITY;
    case "PinJoint":
      return { R: axisAngle([0, 0, 1], value(j.coordinates[0]?.name)), p: [0, 0, 0] };
    case "UniversalJoint":
      return {
        R: mulM(
          axisAngle([1, 0, 0], value(j.coordinates[0]?.name)),
          axisAngle([0, 1, 0], value(j.coordinates[1]?.name)),
        ),
        p: [0, 0, 0],
      };
    case "CustomJoint": {
      let R: M3 = I3;
      const p: V3 = [0, 0, 0];
      j.axes.forEach((a, i) => {
        const x = a.fn(value(a.coords[0]));
        if (i < 3) {
          // Body-fixed sequence (Simbody FunctionBased mobilizer): each rotation about the already rotated axes.
          if (x !== 0) R = mulM(R, axisAngle(a.axis, x));
        } else {
          p[0] += a.axis[0] * x;
          p[1] += a.axis[1] * x;
          p[2] += a.axis[2] * x;
        }
      });
      return { R, p };
    }
    default:
      throw new Error(`joint ${j.name}: unsupported kind ${j.kind}`);
  }
}

/** Body -> ground transforms (OpenSim convention) at the model's pose. */
export function bodyTransforms(model: OsimModel): Map<string, Xform> {
  const out = new Map<string, Xform>([["ground", IDENTITY]]);
  const byChild = new Map(model.joints.map((j) => [j.childBody, j]));
  const visit = (name: string): Xform => {
    const done = out.get(name);
    if (done) return done;
    const j = byChild.get(name);
    if (!j) throw new Error(`${model.file}: body ${name} has no joint`);
    const parent = visit(j.parentBody);
    const x = compose(compose(compose(parent, j.parentFrame), jointMotion(j, model.pose)), invert(j.childFrame));
    out.set(name, x);
    return x;
  };
  for (const name of model.bodies.keys()) visit(name);
  return out;
}

export interface WorldPoint {
  /** glTF frame, metres. */
  p: V3;
  body: string;
  /** True when inserted by wrapping around a wrap object. */
  wrap?: string;
}

/** Muscle path in the glTF frame at the pose: active points in file order, with wrap arcs inserted. */
export function musclePathWorld(model: OsimModel, m: OsimMuscle, X: Map<string, Xform>): WorldPoint[] {
  const pts = m.points.filter((p) => p.active);
  const world = pts.map((p) => {
    const x = X.get(p.body);
    if (!x) throw new Error(`${model.file}: muscle ${m.name} point on unknown body ${p.body}`);
    return { osim: apply(x, p.local), body: p.body };
  });
  // Indices into the original (all points) list for wrap ranges, 1-based in OpenSim.
  const originalIndex = m.points.map((p, i) => (p.active ? i : -1)).filter((i) => i >= 0);
  const out: WorldPoint[] = [];
  for (let k = 0; k < world.length; k++) {
    const a = world[k] as { osim: V3; body: string };
    out.push({ p: toGltfV(a.osim), body: a.body });
    if (k === world.length - 1) break;
    const b = world[k + 1] as { osim: V3; body: string };
    const ia = (originalIndex[k] as number) + 1;
    const ib = (originalIndex[k + 1] as number) + 1;
    for (const w of m.wraps) {
      const [lo, hi] = w.range;
      if (lo > 0 && hi > 0 && !(ia >= lo && ib <= hi)) continue;
      const wrap = model.wraps.get(w.object);
      if (!wrap) continue;
      const bx = X.get(wrap.body);
      if (!bx) continue;
      const frame = compose(bx, wrap.shape.frame);
      const arc = wrapSegment(wrap.shape, frame, a.osim, b.osim);
      if (arc.length > 0) {
        for (const q of arc) out.push({ p: toGltfV(q), body: wrap.body, wrap: wrap.name });
        break;
      }
    }
  }
  return out;
}

/** Body frame in the glTF convention: origin and rotation (local glTF-convention coordinates -> world). */
export function gltfFrame(x: Xform): Xform {
  return toGltfX(x);
}
