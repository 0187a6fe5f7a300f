// Where the viewer's labels go: boxes in two columns at the sides of the stage, each beside the height of its
// structure, never overlapping each other and never leaving the stage. When the stage is too small for all of them,
// the most important labels win (the selection, then the focus, then the secondary structures). Pure: no DOM,
// no three; the stage measures the labels and projects the anchors, then writes the result to the page.

/** One label to place: its structure's anchor on the screen and the label's measured size (CSS pixels). */
export interface LabelBox {
  id: string;
  /** Lower goes first: 0 selected, 1 focus, 2 secondary. */
  rank: number;
  /** Anchor on the screen, or null when the structure is not in view. */
  ax: number;
  ay: number;
  visible: boolean;
  width: number;
  height: number;
}

/** Where a label goes: its top-left corner, its side, and whether it is shown at all. */
export interface LabelPlacement {
  x: number;
  y: number;
  left: boolean;
  shown: boolean;
}

export interface LabelLayoutOptions {
  /** Space between the stage's edge and a label. */
  margin: number;
  /** Space between two labels of a column. */
  gap: number;
  /** Below this stage width only the selected and focus labels are shown: secondary ones would bury the model. */
  secondaryMinWidth: number;
}

export const LABEL_LAYOUT_DEFAULTS: LabelLayoutOptions = { margin: 8, gap: 4, secondaryMinWidth: 480 };

/** Label rank of a structure: the selection first, then focus, then secondary. */
export const LABEL_RANK = { selected: 0, focus: 1, secondary: 2 } as const;

/**
 * Places `labels` on a stage of `width` x `height`. Writes into `out` (one placement per label, same order) so a
 * caller calling it every frame can reuse its arrays; returns `out`.
 */
export function layoutLabels(
  labels: readonly LabelBox[],
  width: number,
  height: number,
  out: LabelPlacement[] = [],
  options: LabelLayoutOptions = LABEL_LAYOUT_DEFAULTS,
): LabelPlacement[] {
  const { margin, gap } = options;
  out.length = labels.length;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as LabelBox;
    const p = out[i] ?? { x: 0, y: 0, left: false, shown: false };
    p.left = l.ax < width / 2;
    p.x = p.left ? margin : width - margin - l.width;
    p.y = 0;
    p.shown = false;
    out[i] = p;
  }
  const usable = height - 2 * margin;
  // Candidates in order of importance; ties keep the caller's order.
  const order = labels
    .map((_, i) => i)
    .filter((i) => {
      const l = labels[i] as LabelBox;
      return (
        l.visible &&
        l.width + 2 * margin <= width &&
        l.height <= usable &&
        (l.rank < LABEL_RANK.secondary || width >= options.secondaryMinWidth)
      );
    })
    .sort((a, b) => (labels[a] as LabelBox).rank - (labels[b] as LabelBox).rank || a - b);
  // Two columns unless labels from both sides would meet in the middle: then one stack shared by both sides.
  const widest = { left: 0, right: 0 };
  for (const i of order) {
    const side = (out[i] as LabelPlacement).left ? "left" : "right";
    widest[side] = Math.max(widest[side], (labels[i] as LabelBox).width);
  }
  const shared = widest.left + widest.right + 2 * margin + gap > width;
  const filled = { left: 0, right: 0 };
  const columns: { left: number[]; right: number[] } = { left: [], right: [] };
  for (const i of order) {
    const l = labels[i] as LabelBox;
    const side = (out[i] as LabelPlacement).left ? "left" : "right";
    const column = shared ? "left" : side;
    const need = l.height + (columns[column].length > 0 ? gap : 0);
    if (filled[column] + need > usable) continue;
    filled[column] += need;
    columns[column].push(i);
    (out[i] as LabelPlacement).shown = true;
  }
  for (const column of [columns.left, columns.right]) {
    column.sort((a, b) => (labels[a] as LabelBox).ay - (labels[b] as LabelBox).ay);
    // Each label level with its anchor if it can be, pushed down below the one above it...
    let y = margin;
    for (const i of column) {
      const l = labels[i] as LabelBox;
      const p = out[i] as LabelPlacement;
      p.y = Math.max(y, l.ay - l.height / 2);
      y = p.y + l.height + gap;
    }
    // ...then the column pulled back up from the bottom edge (it fits: only labels that fit were kept).
    let bottom = height - margin;
    for (let k = column.length - 1; k >= 0; k--) {
      const i = column[k] as number;
      const l = labels[i] as LabelBox;
      const p = out[i] as LabelPlacement;
      if (p.y + l.height > bottom) p.y = bottom - l.height;
      bottom = p.y - gap;
    }
  }
  return out;
}
