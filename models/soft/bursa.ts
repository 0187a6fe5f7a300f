// Bursa: a flattened sac (an ellipsoid squashed along its face normal), optionally draped over a sphere
// such as the humeral head, keeping its in-plane size as arc length.
import type { BursaGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { add, anyPerp, cross, dist, dot, len, madd, normalize, perp, rotate, scale, sub } from "../vec.ts";
import { resolvePoint, type SoftContext } from "./context.ts";
import { ellipseRing, MeshBuilder } from "./mesh.ts";
import { pushMesh, resolveAvoid } from "./obstacles.ts";

export function buildBursa(ctx: SoftContext, g: BursaGeometry): MeshData {
  const centre = resolvePoint(ctx, g.centre);
  const drapeC = g.drape ? resolvePoint(ctx, g.drape.centre) : undefined;
  const face = drapeC ? normalize(sub(centre, drapeC)) : normalize(sub(resolvePoint(ctx, g.faceToward), centre));
  const longHint = g.longToward ? sub(resolvePoint(ctx, g.longToward), centre) : anyPerp(face);
  const u = normalize(perp(longHint, face), anyPerp(face));
  const v = cross(face, u);
  const a = g.radiiMm[0] / 1000;
  const b = g.radiiMm[1] / 1000;
  const h = g.thicknessMm / 2000;
  const rings = g.resolution?.along ?? 14;
  const around = g.resolution?.around ?? 20;
  const ringPts: Vec3[][] = [];
  for (let k = 0; k < rings; k++) {
    const phi = (Math.PI * (k + 1)) / (rings + 1);
    const c = madd(centre, u, -a * Math.cos(phi));
    // Ring axes v and (u x v = face) so that rings run counter-clockwise about +u.
    ringPts.push(ellipseRing(c, v, cross(u, v), b * Math.sin(phi), h * Math.sin(phi), around));
  }
  const mb = new MeshBuilder();
  mb.tube(
    ringPts,
    ringPts.map(() => 0),
    madd(centre, u, -a),
    madd(centre, u, a),
  );
  if (drapeC) {
    const D = dist(centre, drapeC);
    for (let i = 0; i < mb.vertexCount; i++) {
      const p = mb.position(i);
      const d = sub(p, centre);
      const hh = dot(d, face);
      const inPlane = perp(d, face);
      const r = len(inPlane);
      let dir = face;
      if (r > 1e-9) {
        const axis = normalize(cross(face, inPlane));
        dir = rotate(face, axis, r / D);
      }
      mb.setPosition(i, add(drapeC, scale(dir, D + hh)));
    }
  }
  pushMesh(mb, resolveAvoid(ctx, g.avoid), (g.clearanceMm ?? 0.5) / 1000);
  return mb.toMesh(false);
}
