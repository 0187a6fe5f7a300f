// The poster's labels: the names of the structures a figure labels when it opens, beside the still in two columns
// with leader lines to each structure, placed by the viewer's own label layout (src/viewer/label-layout.ts) so the
// still reads like the live view. In poster pixels (the SVG overlay shares the image's 640 x 480 box). Text width
// is estimated from the name's length (the page's font is not known at build time); the overlay then fits each name
// to its box (textLength), so a wider font never spills out.
import { LABEL_RANK, type LabelBox, layoutLabels } from "../../viewer/label-layout.ts";
import type { PosterAnchor } from "./poster.ts";

/** The label font size in poster pixels, the box's padding, and an average glyph width of a sans-serif face. */
export const POSTER_LABEL_FONT = 13;
const PAD_X = 6;
const HEIGHT = 22;
const GLYPH = 0.56 * POSTER_LABEL_FONT;

export interface PosterLabel {
  id: string;
  name: string;
  role: "focus" | "secondary";
  /** Box (top-left, size), its text's start and baseline, and the leader from the box's edge to the anchor. */
  box: { x: number; y: number; width: number; height: number };
  text: { x: number; y: number; length: number };
  leader: { x1: number; y1: number; x2: number; y2: number; behind: boolean };
}

export function posterLabels(
  anchors: readonly PosterAnchor[],
  focus: readonly string[],
  nameOf: (id: string) => string,
  width: number,
  height: number,
): PosterLabel[] {
  const boxes: LabelBox[] = anchors.map((a) => ({
    id: a.id,
    rank: focus.includes(a.id) ? LABEL_RANK.focus : LABEL_RANK.secondary,
    ax: a.x,
    ay: a.y,
    visible: true,
    width: Math.ceil(nameOf(a.id).length * GLYPH + 2 * PAD_X),
    height: HEIGHT,
  }));
  const placed = layoutLabels(boxes, width, height);
  const out: PosterLabel[] = [];
  boxes.forEach((b, i) => {
    const p = placed[i];
    const anchor = anchors[i];
    if (!p?.shown || !anchor) return;
    out.push({
      id: b.id,
      name: nameOf(b.id),
      role: b.rank === LABEL_RANK.focus ? "focus" : "secondary",
      box: { x: p.x, y: p.y, width: b.width, height: b.height },
      text: { x: p.x + PAD_X, y: p.y + HEIGHT / 2 + POSTER_LABEL_FONT * 0.35, length: b.width - 2 * PAD_X },
      leader: {
        x1: p.left ? p.x + b.width : p.x,
        y1: p.y + HEIGHT / 2,
        x2: anchor.x,
        y2: anchor.y,
        behind: anchor.behind,
      },
    });
  });
  return out;
}
