// A small CPU triangle rasterizer shared by the figure posters (src/components/viewer/poster.ts, which also draw the
// soft-tissue preview, models/soft/preview.ts) and the visibility tables and their test (id and depth buffers):
// cameras that project vertices to pixels, and a scan over the pixel centres each triangle covers. Depth
// convention: larger is nearer.
import type { Vec3 } from "./types.ts";

/** Vertices projected to the screen: pixel x (right), pixel y (down), depth (larger is nearer). */
export interface Projected {
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}

/** Maps world points to pixels. */
export interface RasterCamera {
  width: number;
  height: number;
  project(positions: Float32Array, into?: Projected): Projected;
  /** Turns an interpolated depth back into distance along the view (larger is nearer), for depth tolerances. */
  linearDepth(z: number): number;
}

function normalise(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Screen right and up for a view direction (unit vector towards the camera), +Y kept up. */
export function viewBasis(direction: Vec3): { right: Vec3; up: Vec3; toward: Vec3 } {
  const f = normalise(direction);
  let right: Vec3 = [f[2], 0, -f[0]];
  if (Math.hypot(...right) < 1e-6) right = [1, 0, 0];
  right = normalise(right);
  const up = normalise([
    f[1] * right[2] - f[2] * right[1],
    f[2] * right[0] - f[0] * right[2],
    f[0] * right[1] - f[1] * right[0],
  ]);
  return { right, up, toward: f };
}

/**
 * Half the extent of an axis-aligned box (min, max) along a view's right, up and toward axes, from its centre:
 * how much of the image (and depth) the box takes from that view.
 */
export function boxHalfExtents(
  min: Vec3,
  max: Vec3,
  basis: { right: Vec3; up: Vec3; toward: Vec3 },
): { centre: Vec3; halfW: number; halfH: number; halfD: number } {
  const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  const along = (c: Vec3, v: Vec3) => Math.abs(c[0] * v[0] + c[1] * v[1] + c[2] * v[2]);
  let halfW = 0;
  let halfH = 0;
  let halfD = 0;
  for (let i = 0; i < 8; i++) {
    const c: Vec3 = [
      (i & 1 ? max[0] : min[0]) - centre[0],
      (i & 2 ? max[1] : min[1]) - centre[1],
      (i & 4 ? max[2] : min[2]) - centre[2],
    ];
    halfW = Math.max(halfW, along(c, basis.right));
    halfH = Math.max(halfH, along(c, basis.up));
    halfD = Math.max(halfD, along(c, basis.toward));
  }
  return { centre, halfW, halfH, halfD };
}

function ensure(into: Projected | undefined, n: number): Projected {
  if (into && into.x.length >= n) return into;
  return { x: new Float32Array(n), y: new Float32Array(n), z: new Float32Array(n) };
}

/**
 * A projection: each point relative to `origin` in view coordinates (along right, up, towards the camera), then
 * to pixels by `toScreen`.
 */
function projector(
  origin: Vec3,
  basis: { right: Vec3; up: Vec3; toward: Vec3 },
  toScreen: (a: number, b: number, c: number, out: Projected, i: number) => void,
): RasterCamera["project"] {
  const { right: r, up: u, toward: f } = basis;
  return (p, into) => {
    const n = p.length / 3;
    const out = ensure(into, n);
    for (let i = 0; i < n; i++) {
      const x = (p[3 * i] as number) - origin[0];
      const y = (p[3 * i + 1] as number) - origin[1];
      const z = (p[3 * i + 2] as number) - origin[2];
      toScreen(x * r[0] + y * r[1] + z * r[2], x * u[0] + y * u[1] + z * u[2], x * f[0] + y * f[1] + z * f[2], out, i);
    }
    return out;
  };
}

/** Orthographic camera: `centre` at the middle of the image, `pixelSize` metres per pixel. */
export function orthoCamera(opts: {
  right: Vec3;
  up: Vec3;
  toward: Vec3;
  centre: Vec3;
  pixelSize: number;
  width: number;
  height: number;
}): RasterCamera {
  const { width: W, height: H } = opts;
  const scale = 1 / opts.pixelSize;
  return {
    width: W,
    height: H,
    project: projector(opts.centre, opts, (a, b, c, out, i) => {
      out.x[i] = W / 2 + a * scale;
      out.y[i] = H / 2 - b * scale;
      out.z[i] = c;
    }),
    linearDepth: (z) => z,
  };
}

/**
 * Perspective camera like three's PerspectiveCamera looking from `eye` at `target` with +Y up (vertical field of
 * view in degrees). Depth is 1/distance, which interpolates exactly across the screen.
 */
export function perspectiveCamera(opts: {
  eye: Vec3;
  target: Vec3;
  fov: number;
  width: number;
  height: number;
}): RasterCamera {
  const { eye, width: W, height: H } = opts;
  const basis = viewBasis([eye[0] - opts.target[0], eye[1] - opts.target[1], eye[2] - opts.target[2]]);
  const focal = H / 2 / Math.tan((opts.fov * Math.PI) / 360);
  return {
    width: W,
    height: H,
    project: projector(eye, basis, (a, b, c, out, i) => {
      // Distance in front of the camera (clamped: the viewer's near plane is 1 cm).
      const d = Math.max(0.01, -c);
      out.x[i] = W / 2 + (a / d) * focal;
      out.y[i] = H / 2 - (b / d) * focal;
      out.z[i] = 1 / d;
    }),
    linearDepth: (z) => -1 / z,
  };
}

/** Receives one covered pixel centre: pixel index, depth, barycentric weights of the triangle's a, b, c. */
export type Fragment = (
  pixel: number,
  z: number,
  wa: number,
  wb: number,
  wc: number,
  a: number,
  b: number,
  c: number,
) => void;

/**
 * Calls `fragment` for every pixel centre inside each triangle. With `cullBack`, triangles facing away from the
 * camera (clockwise in the glTF sense) are skipped, as the viewer's front-side materials skip them.
 */
export function rasterize(
  s: Projected,
  indices: Uint32Array,
  width: number,
  height: number,
  cullBack: boolean,
  fragment: Fragment,
): void {
  const { x: sx, y: sy, z: sz } = s;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t] as number;
    const b = indices[t + 1] as number;
    const c = indices[t + 2] as number;
    const ax = sx[a] as number;
    const ay = sy[a] as number;
    const bx = sx[b] as number;
    const by = sy[b] as number;
    const cx = sx[c] as number;
    const cy = sy[c] as number;
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    // Screen y points down, so a counter-clockwise (front) face has a negative area here.
    if (Math.abs(area) < 1e-12 || (cullBack && area > 0)) continue;
    const minX = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
    const maxX = Math.min(width - 1, Math.ceil(Math.max(ax, bx, cx)));
    const minY = Math.max(0, Math.floor(Math.min(ay, by, cy)));
    const maxY = Math.min(height - 1, Math.ceil(Math.max(ay, by, cy)));
    if (minX > maxX || minY > maxY) continue;
    const za = sz[a] as number;
    const zb = sz[b] as number;
    const zc = sz[c] as number;
    for (let y = minY; y <= maxY; y++) {
      const py = y + 0.5;
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        const w0 = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area;
        if (w0 < 0) continue;
        const w1 = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area;
        if (w1 < 0) continue;
        const w2 = 1 - w0 - w1;
        if (w2 < 0) continue;
        fragment(y * width + x, w0 * za + w1 * zb + w2 * zc, w0, w1, w2, a, b, c);
      }
    }
  }
}
