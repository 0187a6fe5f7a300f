// Server-rendered still of the view before (or without) WebGL: each structure's bounds projected for the chosen
// view, highlighted ones in their accents with outlines. Pure math, no three.js.
import type { Side, Vec3, ViewName } from "../lib/view-state.ts";
import type { StructureInfo } from "./types.ts";
import { screenAxes, viewDirection } from "./view-directions.ts";

interface Props {
  structures: StructureInfo[];
  focus: string[];
  secondary: string[];
  side: Side;
  view: ViewName;
  model: string;
}

interface Shape {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  kind: "focus" | "secondary" | "context";
  group: string;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

export function Schematic({ structures, focus, secondary, side, view, model }: Props) {
  const direction = viewDirection(view, side, model);
  const { right, up } = screenAxes(direction);
  const shapes: Shape[] = [];
  for (const s of structures) {
    if (!s.box || s.group === "skin") continue;
    const [x0, y0, z0, x1, y1, z1] = s.box;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 8; i++) {
      const c: Vec3 = [i & 1 ? x1 : x0, i & 2 ? y1 : y0, i & 4 ? z1 : z0];
      const px = dot(c, right);
      const py = dot(c, up);
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
    const kind = focus.includes(s.id) ? "focus" : secondary.includes(s.id) ? "secondary" : "context";
    shapes.push({
      id: s.id,
      x: minX,
      y: -maxY,
      w: maxX - minX,
      h: maxY - minY,
      depth: dot([(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2], direction),
      kind,
      group: s.group,
    });
  }
  if (shapes.length === 0) return null;
  // Far first; highlighted on top of everything, as in the 3D view.
  const order = (s: Shape) => (s.kind === "focus" ? 2 : s.kind === "secondary" ? 1 : 0);
  shapes.sort((a, b) => order(a) - order(b) || a.depth - b.depth);
  const minX = Math.min(...shapes.map((s) => s.x));
  const minY = Math.min(...shapes.map((s) => s.y));
  const maxX = Math.max(...shapes.map((s) => s.x + s.w));
  const maxY = Math.max(...shapes.map((s) => s.y + s.h));
  const pad = Math.max(maxX - minX, maxY - minY) * 0.06;
  const r = (n: number) => Math.round(n * 10000) / 10;
  const viewBox = [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad].map(r).join(" ");
  return (
    <svg
      className="av-schematic"
      viewBox={viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      {shapes.map((s) => (
        <rect
          key={s.id + s.depth}
          className={`av-shape av-${s.kind} av-g-${s.group}`}
          x={r(s.x)}
          y={r(s.y)}
          width={r(s.w)}
          height={r(s.h)}
          rx={r(Math.min(s.w, s.h) / 2)}
        />
      ))}
    </svg>
  );
}
