// Picking on the 3D stage: a click or tap selects the structure under it (a drag does not; a label under the
// pointer wins over the model behind it), and hovering with a mouse names the structure in a tooltip.
import { type RefObject, useEffect } from "react";
import { type Camera, Raycaster, Vector2 } from "three";
import type { AnatomyModel } from "./anatomy-model.ts";
import { labelAt } from "./labels.ts";
import { toDeviceCoords, withinSlop } from "./pointer.ts";

/** What picking reads at the time of each event (the stage's latest props). */
export interface PickingProps {
  overlay: RefObject<HTMLDivElement | null>;
  tooltip: RefObject<HTMLDivElement | null>;
  /** The structure hit (and its side), or null for empty space. */
  onPick(id: string | null, side: "r" | "l" | "m" | null): void;
  /** Name shown in the hover tooltip. */
  nameOf(id: string): string;
}

/** Listens on `canvas` while `model` is drawn; `latest` holds the current props. */
export function usePicking(
  model: AnatomyModel | null,
  canvas: HTMLCanvasElement,
  camera: Camera,
  latest: RefObject<PickingProps>,
): void {
  useEffect(() => {
    if (!model) return;
    const el = canvas;
    // Once per model, reused by every pick.
    const raycaster = new Raycaster();
    const pointer = new Vector2();
    let down: { x: number; y: number; id: number } | null = null;
    let hoverFrame = 0;
    let lastHover: string | null = null;
    const pickAt = (clientX: number, clientY: number) => {
      raycaster.setFromCamera(toDeviceCoords(clientX, clientY, el.getBoundingClientRect(), pointer), camera);
      return model.pick(raycaster);
    };
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY, id: e.pointerId };
    };
    const onUp = (e: PointerEvent) => {
      if (!down || down.id !== e.pointerId) return;
      const tap = withinSlop(down, { x: e.clientX, y: e.clientY });
      down = null;
      if (!tap || e.button > 0) return;
      const labelled = labelAt(latest.current.overlay.current, e.clientX, e.clientY);
      if (labelled) return latest.current.onPick(labelled, null);
      const node = pickAt(e.clientX, e.clientY);
      latest.current.onPick(node?.id ?? null, node?.side ?? null);
    };
    const tooltip = latest.current.tooltip.current;
    const hideTooltip = () => {
      lastHover = null;
      if (tooltip) tooltip.hidden = true;
      el.style.cursor = "";
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType !== "mouse" || e.buttons !== 0) return;
      if (hoverFrame) return;
      const { clientX, clientY } = e;
      // One raycast per animation frame at most.
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        // Over a label: it names the structure already, and a click selects it.
        if (labelAt(latest.current.overlay.current, clientX, clientY)) {
          hideTooltip();
          el.style.cursor = "pointer";
          return;
        }
        const id = pickAt(clientX, clientY)?.id ?? null;
        if (!id) return hideTooltip();
        el.style.cursor = "pointer";
        if (!tooltip) return;
        if (id !== lastHover) {
          tooltip.textContent = latest.current.nameOf(id);
          lastHover = id;
        }
        const rect = el.getBoundingClientRect();
        tooltip.hidden = false;
        tooltip.style.transform = `translate(${Math.round(clientX - rect.left + 14)}px, ${Math.round(clientY - rect.top + 12)}px)`;
      });
    };
    el.addEventListener("pointerdown", onDown);
    el.addEventListener("pointerup", onUp);
    el.addEventListener("pointermove", onMove);
    el.addEventListener("pointerleave", hideTooltip);
    return () => {
      cancelAnimationFrame(hoverFrame);
      el.removeEventListener("pointerdown", onDown);
      el.removeEventListener("pointerup", onUp);
      el.removeEventListener("pointermove", onMove);
      el.removeEventListener("pointerleave", hideTooltip);
      hideTooltip();
    };
  }, [model, canvas, camera, latest]);
}
