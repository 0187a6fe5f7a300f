// The 3D view's keymap: arrows turn (Shift: move), + and - zoom by inverse factors, Home and Escape, and chords
// with Alt, Ctrl or Meta stay the browser's.
import { describe, expect, it } from "vitest";
import { ORBIT_STEP, PAN_STEP, stageKeyCommand, ZOOM_STEP } from "../../src/viewer/stage-keys.ts";

const press = (
  key: string,
  mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => stageKeyCommand({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe("stageKeyCommand", () => {
  it("turns with the arrows, opposite arrows in opposite directions", () => {
    expect(press("ArrowLeft")).toEqual({ kind: "orbit", dx: -ORBIT_STEP, dy: 0 });
    expect(press("ArrowRight")).toEqual({ kind: "orbit", dx: ORBIT_STEP, dy: 0 });
    expect(press("ArrowUp")).toEqual({ kind: "orbit", dx: 0, dy: -ORBIT_STEP });
    expect(press("ArrowDown")).toEqual({ kind: "orbit", dx: 0, dy: ORBIT_STEP });
  });

  it("moves the model with Shift and the arrows", () => {
    expect(press("ArrowLeft", { shiftKey: true })).toEqual({ kind: "pan", dx: -PAN_STEP, dy: 0 });
    expect(press("ArrowRight", { shiftKey: true })).toEqual({ kind: "pan", dx: PAN_STEP, dy: 0 });
    expect(press("ArrowUp", { shiftKey: true })).toEqual({ kind: "pan", dx: 0, dy: PAN_STEP });
    expect(press("ArrowDown", { shiftKey: true })).toEqual({ kind: "pan", dx: 0, dy: -PAN_STEP });
  });

  it("zooms in with + or = and back out by the same factor with - or _", () => {
    const zoomIn = press("+");
    const zoomOut = press("-");
    expect(zoomIn).toEqual({ kind: "zoom", factor: ZOOM_STEP });
    expect(press("=")).toEqual(zoomIn);
    expect(press("_")).toEqual(zoomOut);
    expect(zoomIn?.kind === "zoom" && zoomOut?.kind === "zoom" && zoomIn.factor * zoomOut.factor).toBeCloseTo(1, 12);
    expect(ZOOM_STEP).toBeLessThan(1);
  });

  it("returns home and clears the selection", () => {
    expect(press("Home")).toEqual({ kind: "home" });
    expect(press("Escape")).toEqual({ kind: "clear-selection" });
  });

  it("leaves other keys and chords to the page and the browser", () => {
    expect(press("a")).toBeNull();
    expect(press("Tab")).toBeNull();
    expect(press("ArrowLeft", { altKey: true })).toBeNull();
    expect(press("+", { ctrlKey: true })).toBeNull();
    expect(press("Home", { metaKey: true })).toBeNull();
  });
});
