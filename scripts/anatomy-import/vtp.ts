// Reads ASCII VTK PolyData (.vtp) bone surfaces of the reference models, only to MEASURE them (extents,
// extreme points, centroids, principal axes). The surfaces themselves never leave the importer.
import { readFileSync } from "node:fs";
import type { V3 } from "./math.ts";
import { descendants, numbers, parseXml } from "./xml.ts";

export interface Surface {
  file: string;
  points: V3[];
  /** Triangles (polygons fanned). */
  triangles: [number, number, number][];
}

export function readVtp(file: string, scale: V3 = [1, 1, 1]): Surface {
  const doc = parseXml(readFileSync(file, "utf8"), file);
  const arrays = descendants(doc, (e) => e.name === "DataArray");
  const pointsEl = descendants(doc, (e) => e.name === "Points")[0];
  const ptsArray = pointsEl ? descendants(pointsEl, (e) => e.name === "DataArray")[0] : undefined;
  if (!ptsArray) throw new Error(`${file}: no Points`);
  const raw = numbers(ptsArray.text);
  const points: V3[] = [];
  for (let i = 0; i + 2 < raw.length; i += 3) {
    points.push([(raw[i] as number) * scale[0], (raw[i + 1] as number) * scale[1], (raw[i + 2] as number) * scale[2]]);
  }
  const polys = descendants(doc, (e) => e.name === "Polys")[0];
  const triangles: [number, number, number][] = [];
  if (polys) {
    const conn = numbers(arrays.find((a) => a.attrs["Name"] === "connectivity" && isInside(a, polys))?.text);
    const offs = numbers(arrays.find((a) => a.attrs["Name"] === "offsets" && isInside(a, polys))?.text);
    let start = 0;
    for (const end of offs) {
      for (let k = start + 1; k + 1 < end; k++)
        triangles.push([conn[start] as number, conn[k] as number, conn[k + 1] as number]);
      start = end;
    }
  }
  return { file, points, triangles };
}

function isInside(el: { parent: unknown }, ancestor: unknown): boolean {
  let p = el.parent;
  while (p) {
    if (p === ancestor) return true;
    p = (p as { parent: unknown }).parent;
  }
  return false;
}
