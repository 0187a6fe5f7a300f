// The stage's label overlay: measures the label elements, projects each structure's anchor, lets label-layout.ts
// decide where each goes, and writes positions and leader lines to the page. Also finds the label under a pointer,
// so a click or tap on a label selects its structure while drags still reach the canvas.
import { type PerspectiveCamera, Vector3 } from "three";
import type { Side } from "../lib/view-state.ts";
import type { AnatomyModel } from "./anatomy-model.ts";
import { type LabelBox, type LabelPlacement, layoutLabels } from "./label-layout.ts";

interface LabelSlot extends LabelBox {
  label: HTMLElement;
  line: SVGLineElement | null;
  dot: SVGCircleElement | null;
}

/** Per-stage scratch state, kept between frames so a frame allocates nothing. */
export interface LabelScratch {
  v: Vector3;
  labels: LabelSlot[];
  labelsVersion: string;
  placements: LabelPlacement[];
}

export function createLabelScratch(): LabelScratch {
  return { v: new Vector3(), labels: [], labelsVersion: "", placements: [] };
}

interface LabelProps {
  overlay: { current: HTMLDivElement | null };
  side: Side;
}

/** Re-reads the label elements when the overlay's version changes (labels added, removed or re-styled). */
function readLabels(overlay: HTMLDivElement, scratch: LabelScratch): void {
  scratch.labels = [];
  for (const label of overlay.querySelectorAll<HTMLElement>("[data-label]")) {
    const id = label.dataset["label"] ?? "";
    // Measurable but not yet seen; visibility (not `hidden`) toggles it from here on.
    label.style.visibility = "hidden";
    label.hidden = false;
    const group = overlay.querySelector(`[data-leader="${id}"]`);
    scratch.labels.push({
      id,
      rank: Number(label.dataset["rank"] ?? 2),
      label,
      line: group?.querySelector("line") ?? null,
      dot: group?.querySelector("circle") ?? null,
      width: label.offsetWidth,
      height: label.offsetHeight,
      ax: 0,
      ay: 0,
      visible: false,
    });
  }
}

/** Places the label boxes beside the model, with leader lines to each structure, writing the DOM directly. */
export function placeLabels(
  model: AnatomyModel,
  props: LabelProps,
  camera: PerspectiveCamera,
  width: number,
  height: number,
  scratch: LabelScratch,
): void {
  const overlay = props.overlay.current;
  if (!overlay) return;
  const version = `${overlay.dataset["version"] ?? ""}|${Math.round(width)}x${Math.round(height)}`;
  // A new stage size can change the label font (it follows the stage): measure again.
  if (version !== scratch.labelsVersion) {
    scratch.labelsVersion = version;
    readLabels(overlay, scratch);
  }
  if (scratch.labels.length === 0) return;
  camera.updateMatrixWorld();
  const v = scratch.v;
  for (const slot of scratch.labels) {
    slot.visible = false;
    const anchor = model.visibleAnchor(slot.id, props.side);
    if (!anchor) continue;
    v.copy(anchor).project(camera);
    if (v.z > 1 || v.z < -1) continue;
    slot.ax = (v.x * 0.5 + 0.5) * width;
    slot.ay = (-v.y * 0.5 + 0.5) * height;
    slot.visible = true;
  }
  const placed = layoutLabels(scratch.labels, width, height, scratch.placements);
  scratch.labels.forEach((s, i) => {
    const p = placed[i] as LabelPlacement;
    s.label.style.visibility = p.shown ? "visible" : "hidden";
    // A dashed leader: the structure lies behind others from here.
    if (s.line) s.line.style.strokeDasharray = model.isBehind(s.id) ? "5 4" : "";
    if (s.line) s.line.style.display = p.shown ? "" : "none";
    if (s.dot) s.dot.style.display = p.shown ? "" : "none";
    if (!p.shown) return;
    s.label.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
    const lx = p.left ? p.x + s.width : p.x;
    const ly = p.y + s.height / 2;
    s.line?.setAttribute("x1", String(Math.round(lx)));
    s.line?.setAttribute("y1", String(Math.round(ly)));
    s.line?.setAttribute("x2", String(Math.round(s.ax)));
    s.line?.setAttribute("y2", String(Math.round(s.ay)));
    s.dot?.setAttribute("cx", String(Math.round(s.ax)));
    s.dot?.setAttribute("cy", String(Math.round(s.ay)));
  });
}

/**
 * The structure whose shown label lies under a point (client coordinates), or null. Labels let pointer events
 * through, so a drag that starts on one still turns the model; the stage asks here when a press ends unmoved.
 */
export function labelAt(overlay: HTMLElement | null, clientX: number, clientY: number): string | null {
  if (!overlay) return null;
  for (const label of overlay.querySelectorAll<HTMLElement>("[data-label]")) {
    if (label.hidden || label.style.visibility !== "visible") continue;
    const r = label.getBoundingClientRect();
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom) {
      return label.dataset["label"] ?? null;
    }
  }
  return null;
}
