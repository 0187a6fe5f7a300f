// Where a decal (a referred-pain patch, an endangerment site's ellipse) lands on the body: the surface vertex
// nearest its centre, that vertex's normal, and the decal's axes from it. Pure (no three, no DOM): the viewer
// (referred-pain.ts) and the build's poster renderer (components/viewer/poster.ts) place decals with it alike.
import type { Vec3 } from "../lib/view-state.ts";

/** How far (metres) an endangerment site's ellipse centre may lie from the surface and still be drawn on it. */
export const ZONE_REACH = 0.05;

/** A surface's vertices as flat arrays in the frame of the decal centres. */
export interface SurfacePoints {
  /** Positions, xyz per vertex. */
  readonly positions: ArrayLike<number>;
  /** Normals, xyz per vertex (any length); without them a hit has no normal. */
  readonly normals?: ArrayLike<number> | undefined;
}

export interface SurfaceHit<S> {
  surface: S;
  /** The nearest vertex. */
  at: Vec3;
  /** Its normal, unit length; null when its surface has no normals. */
  normal: Vec3 | null;
  distance: number;
}

/**
 * The vertex of `surfaces` nearest to `centre`, if one lies closer than `maxDistance`. `lowerBound(s)`, when given,
 * is at most the distance from the centre to any vertex of s (the distance to its bounding box): a surface that
 * cannot hold a nearer vertex is skipped without reading its positions.
 */
export function nearestSurfacePoint<S extends SurfacePoints>(
  centre: Readonly<Vec3>,
  surfaces: Iterable<S>,
  maxDistance = Number.POSITIVE_INFINITY,
  lowerBound?: (surface: S) => number,
): SurfaceHit<S> | null {
  let best = maxDistance;
  let found: S | null = null;
  let vertex = -1;
  const [cx, cy, cz] = centre;
  for (const surface of surfaces) {
    if (lowerBound && lowerBound(surface) > best) continue;
    const p = surface.positions;
    for (let i = 0; i < p.length; i += 3) {
      const dx = (p[i] as number) - cx;
      const dy = (p[i + 1] as number) - cy;
      const dz = (p[i + 2] as number) - cz;
      const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (d < best) {
        best = d;
        found = surface;
        vertex = i;
      }
    }
  }
  if (!found) return null;
  const p = found.positions;
  const n = found.normals;
  return {
    surface: found,
    at: [p[vertex] as number, p[vertex + 1] as number, p[vertex + 2] as number],
    normal: n ? unit([n[vertex] as number, n[vertex + 1] as number, n[vertex + 2] as number]) : null,
    distance: best,
  };
}

/**
 * A decal's axes on a surface with `normal`, as three's Matrix4.lookAt from the normal with +Y up gives them:
 * across (its x, the first radius), up (its y, the second radius) and out of the surface (its z, the normal).
 * Where the normal points straight up or down, across is +X.
 */
export function decalAxes(normal: Readonly<Vec3>): { across: Vec3; up: Vec3; out: Vec3 } {
  const out = unit([normal[0], normal[1], normal[2]]);
  let across = unit([out[2], 0, -out[0]]);
  if (Math.hypot(...across) < 1e-6) across = [1, 0, 0];
  const up = unit([
    out[1] * across[2] - out[2] * across[1],
    out[2] * across[0] - out[0] * across[2],
    out[0] * across[1] - out[1] * across[0],
  ]);
  return { across, up, out };
}

function unit(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return l > 0 ? [v[0] / l, v[1] / l, v[2] / l] : v;
}
