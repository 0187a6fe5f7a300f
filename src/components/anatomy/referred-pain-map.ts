// Geometry of the referred-pain fallback picture: a schematic body seen from the front and from the back, in
// millimetres, and the record's skin patches projected onto it. Pure, so the projection can be unit-tested.

/** A patch as anatomy records give it: glTF frame (metres, +Y up, faces +Z, body's right is -X). */
export interface MapPatch {
  centre: readonly [number, number, number];
  radii: readonly [number, number];
  kind: "essential" | "spillover";
}

export type MapView = "front" | "back";

/** A patch drawn on one view: an ellipse in the view's own SVG coordinates (mm; x to the right, y down). */
export interface ProjectedPatch {
  view: MapView;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  kind: MapPatch["kind"];
}

/** Patches within this distance of the coronal plane (z = 0) lie on the side or top of the body: both views. */
export const SIDE_BAND_M = 0.02;

/**
 * Where a patch shows. Looking at the front (from +Z), the body's right (-X) is on the viewer's left, so
 * screen x = X; looking at the back (from -Z) it is on the viewer's right, so screen x = -X. Screen y = -Y.
 */
export function projectPatch(patch: MapPatch): ProjectedPatch[] {
  const [x, y, z] = patch.centre;
  const views: MapView[] = [];
  if (z > -SIDE_BAND_M) views.push("front");
  if (z < SIDE_BAND_M) views.push("back");
  return views.map((view) => ({
    view,
    cx: Math.round((view === "front" ? x : -x) * 1000),
    cy: Math.round(-y * 1000),
    rx: Math.round(patch.radii[0] * 1000),
    ry: Math.round(patch.radii[1] * 1000),
    kind: patch.kind,
  }));
}

/** Outline of the schematic body (about 1.75 m tall, standing, palms forward), for one half: the body's right. */
const HALF_SHAPES: { name: string; points: [number, number][] }[] = [
  {
    name: "trunk",
    points: [
      [0, 1500],
      [-55, 1500],
      [-120, 1472],
      [-185, 1445],
      [-207, 1405],
      [-200, 1335],
      [-168, 1300],
      [-152, 1200],
      [-136, 1080],
      [-160, 985],
      [-180, 900],
      [-170, 815],
      [0, 815],
    ],
  },
  {
    name: "arm",
    points: [
      [-180, 1440],
      [-207, 1405],
      [-226, 1250],
      [-234, 1100],
      [-252, 950],
      [-262, 845],
      [-277, 775],
      [-272, 685],
      [-255, 640],
      [-236, 680],
      [-229, 800],
      [-226, 845],
      [-208, 980],
      [-193, 1100],
      [-172, 1290],
    ],
  },
  {
    name: "leg",
    points: [
      [-180, 905],
      [-166, 700],
      [-142, 520],
      [-146, 420],
      [-133, 300],
      [-121, 95],
      [-138, 10],
      [-125, 0],
      [-52, 0],
      [-62, 40],
      [-66, 95],
      [-56, 300],
      [-48, 410],
      [-44, 520],
      [-20, 760],
      [-6, 815],
      [-60, 900],
    ],
  },
];

function pathOf(points: readonly [number, number][]): string {
  return `M${points.map(([x, y]) => `${x} ${-y}`).join(" L")} Z`;
}
const mirrored = (points: readonly [number, number][]) => points.map(([x, y]) => [-x, y] as [number, number]);

/** SVG path data of the whole silhouette (head, neck, trunk, arms, legs), y down, same for front and back. */
export function silhouettePaths(): { head: { cx: number; cy: number; rx: number; ry: number }; paths: string[] } {
  const paths: string[] = [];
  for (const shape of HALF_SHAPES) {
    if (shape.name === "trunk") {
      // The trunk half ends on the midline: join it with its mirror image into one closed outline.
      const half = shape.points;
      paths.push(pathOf([...half, ...mirrored(half).reverse()]));
    } else {
      paths.push(pathOf(shape.points), pathOf(mirrored(shape.points)));
    }
  }
  paths.push("M-52 -1445 L-52 -1575 L52 -1575 L52 -1445 Z");
  return { head: { cx: 0, cy: -1648, rx: 76, ry: 100 }, paths };
}

/** Landmark strokes that tell front from back: clavicles and navel in front; spine, scapulae and buttocks behind. */
export function landmarkPaths(view: MapView): string[] {
  if (view === "front") {
    return [
      "M-22 -1452 Q-100 -1440 -178 -1452",
      "M22 -1452 Q100 -1440 178 -1452",
      "M-6 -1040 a6 6 0 1 0 12 0 a6 6 0 1 0 -12 0",
      "M-40 -1598 q10 -8 20 0 M20 -1598 q10 -8 20 0",
    ];
  }
  return [
    "M0 -1480 L0 -960",
    "M-68 -1430 L-78 -1270 L-150 -1330 Q-120 -1420 -68 -1430",
    "M68 -1430 L78 -1270 L150 -1330 Q120 -1420 68 -1430",
    "M-8 -835 Q-80 -815 -150 -845 M8 -835 Q80 -815 150 -845",
  ];
}

export interface MapFrame {
  /** SVG viewBox covering both views side by side (front left, back right). */
  viewBox: string;
  /** Horizontal offset (mm) of each view's origin inside the viewBox coordinates. */
  offsets: Record<MapView, number>;
  /** Width over height. */
  aspect: number;
}

const VIEW_HALF_WIDTH = 300;
const VIEW_GAP = 120;
const BODY_TOP = 1760;
const BODY_BOTTOM = -20;
const MIN_SPAN = 560;
const MARGIN = 110;
const LABEL_BAND = 90;

/**
 * The frame of the picture: both views side by side, cropped in height to the part of the body the patches
 * cover (with a margin and a minimum height, so a neck zone is shown large and a heel-to-back zone whole).
 */
export function mapFrame(patches: readonly MapPatch[]): MapFrame {
  let top = -Infinity;
  let bottom = Infinity;
  for (const p of patches) {
    top = Math.max(top, (p.centre[1] + p.radii[1]) * 1000);
    bottom = Math.min(bottom, (p.centre[1] - p.radii[1]) * 1000);
  }
  if (!Number.isFinite(top)) {
    top = BODY_TOP;
    bottom = BODY_BOTTOM;
  }
  top = Math.min(BODY_TOP, top + MARGIN);
  bottom = Math.max(BODY_BOTTOM, bottom - MARGIN);
  if (top - bottom < MIN_SPAN) {
    const grow = (MIN_SPAN - (top - bottom)) / 2;
    top += grow;
    bottom -= grow;
    if (top > BODY_TOP) {
      bottom -= top - BODY_TOP;
      top = BODY_TOP;
    }
    if (bottom < BODY_BOTTOM) {
      top += BODY_BOTTOM - bottom;
      bottom = BODY_BOTTOM;
    }
  }
  const width = 4 * VIEW_HALF_WIDTH + VIEW_GAP;
  const height = top - bottom + LABEL_BAND;
  return {
    viewBox: `${-VIEW_HALF_WIDTH} ${Math.round(-top - LABEL_BAND)} ${width} ${Math.round(height)}`,
    offsets: { front: 0, back: 2 * VIEW_HALF_WIDTH + VIEW_GAP },
    aspect: width / height,
  };
}
