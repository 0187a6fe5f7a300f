// The viewer's label layout: no two labels overlap, none leaves the stage, and when room is short the selection
// and focus labels are kept before secondary ones.
import { describe, expect, it } from "vitest";
import { seededRandom as rng } from "../../src/lib/seeded-random.ts";
import { type LabelBox, type LabelPlacement, layoutLabels } from "../../src/viewer/label-layout.ts";

function label(id: string, rank: number, ax: number, ay: number, width = 120, height = 22): LabelBox {
  return { id, rank, ax, ay, visible: true, width, height };
}

function overlaps(a: LabelBox, p: LabelPlacement, b: LabelBox, q: LabelPlacement): boolean {
  return p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height;
}

function expectClean(labels: LabelBox[], placed: LabelPlacement[], width: number, height: number) {
  labels.forEach((a, i) => {
    const p = placed[i] as LabelPlacement;
    if (!p.shown) return;
    expect(p.x, `${a.id} left edge`).toBeGreaterThanOrEqual(0);
    expect(p.y, `${a.id} top edge`).toBeGreaterThanOrEqual(0);
    expect(p.x + a.width, `${a.id} right edge`).toBeLessThanOrEqual(width);
    expect(p.y + a.height, `${a.id} bottom edge`).toBeLessThanOrEqual(height);
    labels.forEach((b, j) => {
      const q = placed[j] as LabelPlacement;
      if (j > i && q.shown) expect(overlaps(a, p, b, q), `${a.id} overlaps ${b.id}`).toBe(false);
    });
  });
}

describe("layoutLabels", () => {
  it("shows every label on a large stage, each on the side of its anchor", () => {
    const labels = [label("a", 1, 100, 100), label("b", 1, 700, 120), label("c", 2, 150, 400), label("d", 2, 600, 50)];
    const placed = layoutLabels(labels, 800, 600);
    expect(placed.map((p) => p.shown)).toEqual([true, true, true, true]);
    expect(placed.map((p) => p.left)).toEqual([true, false, true, false]);
    expectClean(labels, placed, 800, 600);
    // A label with room beside its anchor sits level with it.
    expect((placed[0] as LabelPlacement).y + 11).toBe(100);
  });

  it("stacks labels whose anchors crowd together without overlapping", () => {
    const labels = Array.from({ length: 8 }, (_, i) => label(`l${i}`, 1, 100 + i, 300 + i));
    const placed = layoutLabels(labels, 800, 600);
    expect(placed.every((p) => p.shown)).toBe(true);
    expectClean(labels, placed, 800, 600);
  });

  it("on a 356 px phone stage keeps the selection and focus, drops secondary labels, overlaps nothing", () => {
    const labels = [
      label("sec-1", 2, 60, 100),
      label("focus-1", 1, 80, 120, 150),
      label("sec-2", 2, 300, 150),
      label("focus-2", 1, 250, 200, 150),
      label("picked", 0, 90, 210, 160),
    ];
    const placed = layoutLabels(labels, 356, 356);
    const shown = labels.filter((_, i) => placed[i]?.shown).map((l) => l.id);
    expect(shown.sort()).toEqual(["focus-1", "focus-2", "picked"]);
    expectClean(labels, placed, 356, 356);
  });

  it("when the stage is too short, keeps focus labels before secondary ones", () => {
    // Room for four 22 px labels in a 116 px column: the three focus labels and the selection win.
    const labels = [
      ...Array.from({ length: 5 }, (_, i) => label(`sec-${i}`, 2, 100, 20 * i)),
      ...Array.from({ length: 3 }, (_, i) => label(`focus-${i}`, 1, 100, 30 * i)),
      label("picked", 0, 100, 50),
    ];
    const placed = layoutLabels(labels, 900, 116);
    const shown = labels.filter((_, i) => placed[i]?.shown).map((l) => l.id);
    expect(shown).toEqual(["focus-0", "focus-1", "focus-2", "picked"]);
    expectClean(labels, placed, 900, 116);
  });

  it("hides labels of structures out of view and labels wider than the stage", () => {
    const labels = [
      { ...label("gone", 1, 10, 10), visible: false },
      label("huge", 1, 10, 10, 500),
      label("ok", 1, 10, 10),
    ];
    const placed = layoutLabels(labels, 400, 300);
    expect(placed.map((p) => p.shown)).toEqual([false, false, true]);
  });

  it("shares one stack when labels from both sides would meet in the middle", () => {
    const labels = [label("l", 1, 10, 100, 200), label("r", 1, 380, 100, 200)];
    const placed = layoutLabels(labels, 390, 300);
    expect(placed.map((p) => p.shown)).toEqual([true, true]);
    expect(placed.map((p) => p.left)).toEqual([true, false]);
    expectClean(labels, placed, 390, 300);
  });

  it("never overlaps and never leaves the stage for random labels and stages", () => {
    const r = rng(13);
    for (let n = 0; n < 400; n++) {
      const width = 200 + Math.floor(r() * 1800);
      const height = 80 + Math.floor(r() * 1000);
      const labels = Array.from({ length: Math.floor(r() * 14) }, (_, i) =>
        label(
          `s${i}`,
          Math.floor(r() * 3),
          r() * width * 1.4 - width * 0.2,
          r() * height * 1.4 - height * 0.2,
          40 + r() * 260,
          16 + r() * 30,
        ),
      );
      const placed = layoutLabels(labels, width, height);
      expectClean(labels, placed, width, height);
      // A lower-ranked label is only shown when every better one that could be shown is.
      const fits = (l: LabelBox) => l.width + 16 <= width && (l.rank < 2 || width >= 480);
      const hiddenBest = Math.min(
        ...labels.filter((l, i) => fits(l) && !placed[i]?.shown).map((l) => l.rank),
        Number.POSITIVE_INFINITY,
      );
      const shownWorst = Math.max(...labels.filter((_, i) => placed[i]?.shown).map((l) => l.rank), -1);
      if (shownWorst > hiddenBest) {
        // Allowed only when the better label did not fit where the worse one went (a different column).
        const worse = labels.find((l, i) => placed[i]?.shown && l.rank === shownWorst) as LabelBox;
        const better = labels.find((l, i) => fits(l) && !placed[i]?.shown && l.rank === hiddenBest) as LabelBox;
        expect(better.height >= worse.height || better.ax < width / 2 !== worse.ax < width / 2).toBe(true);
      }
    }
  });
});
