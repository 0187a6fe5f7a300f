// The still's outlines: a compact structure is one hull; a bent one (a tendon turning under the foot) is drawn in
// pieces that follow it instead of a hull that fills the empty corner.
import { describe, expect, it } from "vitest";
import { outlinePieces } from "../../src/components/viewer/schematic-data.ts";

type P = [number, number];

/** Whether a point lies inside a convex polygon (either winding). */
function inside([x, y]: P, poly: P[]): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const [ax, ay] = poly[i] as P;
    const [bx, by] = poly[(i + 1) % poly.length] as P;
    const c = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (c !== 0) {
      if (sign !== 0 && Math.sign(c) !== sign) return false;
      sign = Math.sign(c);
    }
  }
  return true;
}

describe("outlinePieces", () => {
  it("keeps a compact structure as one hull", () => {
    const square: P[] = [];
    for (let x = 0; x <= 40; x += 2) for (let y = 0; y <= 40; y += 2) square.push([x, y]);
    const pieces = outlinePieces(square, 12);
    expect(pieces).toHaveLength(1);
    expect(inside([20, 20], pieces[0] as P[])).toBe(true);
  });

  // A vertical band 0..10 wide, 0..200 high, and a horizontal band along the bottom to x = 200.
  const l: P[] = [];
  for (let y = 0; y <= 200; y += 4) for (let x = 0; x <= 10; x += 5) l.push([x, y]);
  for (let x = 0; x <= 200; x += 4) for (let y = 190; y <= 200; y += 5) l.push([x, y]);

  it("follows an L-shaped structure and leaves its empty corner empty", () => {
    const pieces = outlinePieces(l, 12);
    expect(pieces.length).toBeGreaterThan(1);
    const covers = (p: P) => pieces.some((piece) => inside(p, piece));
    expect(covers([100, 100]), "the empty corner").toBe(false);
    expect(covers([5, 100]), "the vertical band").toBe(true);
    expect(covers([100, 195]), "the bottom band").toBe(true);
  });

  it("keeps only the pieces that reach into a given box", () => {
    const all = outlinePieces(l, 12, 20);
    const some = outlinePieces(l, 12, 20, [-5, -5, 15, 60]);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    for (const piece of some) expect(Math.min(...piece.map((p) => p[1]))).toBeLessThanOrEqual(60);
  });
});
