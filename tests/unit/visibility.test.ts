// Visibility tables (models/visibility.ts) and the viewer's choices from them (src/lib/visibility.ts), on a scene
// small enough to reason about: a "deep" box behind a "cover" plate seen from the front.
import { describe, expect, it } from "vitest";
import { buildVisibility, type VisibilityNode } from "../../models/visibility.ts";
import type { Vec3, ViewName } from "../../src/lib/view-state.ts";
import {
  bestDirection,
  decodeVisibility,
  directionQuality,
  figureDirection,
  nearestDirection,
  occluderNodes,
  SAMPLE_DIRECTIONS,
  targetNodes,
} from "../../src/lib/visibility.ts";
import { viewDirection, viewsFor } from "../../src/viewer/view-directions.ts";

/** A closed box, faces wound counter-clockwise seen from outside (glTF front faces). */
function box(name: string, tissue: string, min: Vec3, max: Vec3): VisibilityNode {
  const positions: number[] = [];
  for (let i = 0; i < 8; i++) positions.push(i & 1 ? max[0] : min[0], i & 2 ? max[1] : min[1], i & 4 ? max[2] : min[2]);
  // Each face as two triangles, corners in counter-clockwise order seen from outside.
  const quads = [
    [0, 4, 6, 2], // -x
    [1, 3, 7, 5], // +x
    [0, 1, 5, 4], // -y
    [2, 6, 7, 3], // +y
    [0, 2, 3, 1], // -z
    [4, 5, 7, 6], // +z
  ];
  const indices = quads.flatMap(([a, b, c, d]) => [a, b, c, a, c, d] as number[]);
  return { name, tissue, positions: Float32Array.from(positions), indices: Uint32Array.from(indices) };
}

// The target lies behind a plate (in front of it along +z) that covers its left half seen from the front.
const scene = [
  box("deep-r", "muscle", [-0.6, 0, -0.05], [-0.4, 0.1, 0]),
  box("cover-r", "muscle", [-0.62, -0.01, 0.02], [-0.5, 0.11, 0.03]),
  box("skin", "skin", [-0.8, -0.1, 0.05], [0.8, 0.3, 0.06]),
  // The left side, mirrored (x -> -x) and far enough away not to interfere: stored as its twin's mirror image.
  box("deep-l", "muscle", [0.4, 0, -0.05], [0.6, 0.1, 0]),
  box("cover-l", "muscle", [0.5, -0.01, 0.02], [0.62, 0.11, 0.03]),
];
const file = buildVisibility(scene, { pixelSize: 0.004 });
const vis = decodeVisibility(file);
const front = nearestDirection(vis, [0, 0, 1]);
const back = nearestDirection(vis, [0, 0, -1]);
const deep = targetNodes(vis, ["deep"], "r");

describe("visibility tables", () => {
  it("sample every named view of every model, on both sides", () => {
    for (const model of ["body", "upper-limb", "leg-foot", "shoulder"]) {
      for (const side of ["r", "l"] as const) {
        for (const view of viewsFor(model) as ViewName[]) {
          const v = viewDirection(view, side, model);
          const d = SAMPLE_DIRECTIONS[nearestDirection({ directions: [...SAMPLE_DIRECTIONS] }, v)] as Vec3;
          expect(d[0] * v[0] + d[1] * v[1] + d[2] * v[2], `${model} ${view} ${side}`).toBeGreaterThan(0.9999);
        }
      }
    }
  });

  it("measure what covers what: the plate hides half the box from the front, nothing from behind", () => {
    const q = directionQuality(vis, deep, front);
    expect(q.seen).toBeGreaterThan(0.4);
    expect(q.seen).toBeLessThan(0.6);
    // With its cover see-through it shows whole; the skin never counts as cover.
    expect(q.clear).toBeGreaterThan(0.95);
    expect([...occluderNodes(vis, deep, front)]).toEqual(["cover-r"]);
    expect(directionQuality(vis, deep, back).seen).toBeGreaterThan(0.95);
    expect(occluderNodes(vis, deep, back).size).toBe(0);
    // The plate in front is never covered from the front.
    expect(directionQuality(vis, targetNodes(vis, ["cover"], "r"), front).seen).toBeGreaterThan(0.95);
  });

  it("store the left side as the mirror image of the right", () => {
    expect(file.stats[file.nodes.indexOf("deep-l")]).toBe("");
    const left = targetNodes(vis, ["deep"], "l");
    const fromLeftFront = nearestDirection(vis, [1, 0, 1]);
    const fromRightFront = nearestDirection(vis, [-1, 0, 1]);
    expect([...occluderNodes(vis, left, front)]).toEqual(["cover-l"]);
    expect(directionQuality(vis, left, fromLeftFront)).toEqual(directionQuality(vis, deep, fromRightFront));
  });

  it("never list a target as something to see through", () => {
    expect(occluderNodes(vis, [...deep, ...targetNodes(vis, ["cover"], "r")], front).size).toBe(0);
  });

  it('"Show me" turns to a direction that shows the target whole, the nearest such to the present one', () => {
    const d = bestDirection(vis, deep, [0, 0, 1]);
    expect(directionQuality(vis, deep, d).seen).toBeGreaterThan(0.9);
    // Straight from behind shows it best, but an oblique view nearly as good turns the camera less.
    expect(d).not.toBe(back);
    expect((vis.directions[d] as Vec3)[2]).toBeGreaterThan(-0.9);
  });

  it("a figure keeps its authored view when see-through cover shows the target, else turns", () => {
    expect(figureDirection(vis, deep, [0, 0, 1])).toEqual({ index: front, changed: false });
    // Edge-on from above the thin plate: a better direction nearby is taken.
    const plate = targetNodes(vis, ["cover"], "r");
    const fromAbove = figureDirection(vis, plate, viewDirection("superior", "r", "body"));
    expect(fromAbove.changed).toBe(true);
    expect(directionQuality(vis, plate, fromAbove.index).area).toBeGreaterThan(0.3);
  });
});
