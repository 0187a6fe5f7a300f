// What the viewer says: the 3D view's accessible name and the status message over the stage.
import { describe, expect, it } from "vitest";
import type { ViewState } from "../../src/lib/view-state.ts";
import { VIEW_LABELS } from "../../src/viewer/view-directions.ts";
import { type MessageInput, stageLabel, statusMessage } from "../../src/viewer/viewer-text.ts";

const state: ViewState = {
  viewer: "median-nerve",
  model: "upper-limb",
  side: "l",
  focus: ["median-nerve"],
  secondary: ["pronator-teres", "flexor-carpi-radialis"],
  selected: null,
  hidden: [],
  isolated: [],
  layers: ["superficial", "nerve"],
  xray: false,
  labels: true,
  quiz: false,
  camera: { view: "posterior" },
};
const nameOf = (id: string) => id.replaceAll("-", " ");

describe("stageLabel", () => {
  it("names the model, side, view and the highlighted structures", () => {
    expect(stageLabel(state, "Upper limb", nameOf)).toBe(
      `3D model: Upper limb, left side, ${VIEW_LABELS.posterior.toLowerCase()}. Highlighted: median nerve. ` +
        "Also marked: pronator teres, flexor carpi radialis.",
    );
  });

  it("counts instead of naming in a quiz, and tells the selection, isolation and a free camera", () => {
    const label = stageLabel(
      {
        ...state,
        quiz: true,
        selected: "pronator-teres",
        isolated: ["median-nerve"],
        camera: { position: [0, 0, 1], target: [0, 0, 0] },
      },
      "Upper limb",
      nameOf,
    );
    expect(label).toContain("custom view.");
    expect(label).toContain("Highlighted: 1 structure. Also marked: 2 structures. Names are hidden for a quiz.");
    expect(label).toContain("Selected: pronator teres. Showing only median nerve.");
    expect(label).not.toContain("flexor");
  });
});

describe("statusMessage", () => {
  const base: MessageInput = { mode: "figure", reason: "", status: "loading", stalled: false, hydrated: true };
  it("says loading only once the island runs, and nothing once ready", () => {
    expect(statusMessage(base)).toBe("Loading the 3D model…");
    expect(statusMessage({ ...base, hydrated: false })).toBe("");
    expect(statusMessage({ ...base, status: "ready" })).toBe("");
  });

  it("points a figure to its list and the explorer to another model when 3D cannot work", () => {
    expect(statusMessage({ ...base, reason: "no-webgl" })).toMatch(/needs WebGL.*highlighted structures are listed/);
    expect(statusMessage({ ...base, mode: "explorer", reason: "no-webgl" })).toMatch(/list names every structure/);
    expect(statusMessage({ ...base, reason: "load-failed", status: "error" })).toMatch(/could not be loaded.*listed/);
    expect(statusMessage({ ...base, mode: "explorer", reason: "load-failed" })).toMatch(/Try another model/);
  });

  it("tells a stall before a lost context, and a lost context before loading", () => {
    expect(statusMessage({ ...base, reason: "context-lost", stalled: true })).toMatch(/much longer than usual/);
    expect(statusMessage({ ...base, reason: "context-lost" })).toBe("Restoring the 3D view…");
  });
});
