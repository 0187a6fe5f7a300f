// Server-rendered still of the first view, before (or without) WebGL: each structure's outline as the build
// projected it from the model, highlighted ones in their accents with an outline, the rest in calm tones.
import type { SchematicData } from "./types.ts";

interface Props {
  data: SchematicData | undefined;
  focus: string[];
  secondary: string[];
}

export function Schematic({ data, focus, secondary }: Props) {
  if (!data) return null;
  const kind = (s: SchematicData["shapes"][number]) =>
    !s.onSide ? "context" : focus.includes(s.id) ? "focus" : secondary.includes(s.id) ? "secondary" : "context";
  const rank = (k: string) => (k === "focus" ? 2 : k === "secondary" ? 1 : 0);
  // Highlighted shapes on top, as the 3D view shows them through whatever lies in front.
  const shapes = data.shapes.map((s, i) => ({ s, k: kind(s), i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  return (
    <svg
      className="av-schematic"
      viewBox={data.viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      {shapes.map(({ s, k, i }) => (
        <path key={`${s.id}-${i}`} className={`av-shape av-${k} av-g-${s.group}`} d={s.d} />
      ))}
    </svg>
  );
}
