// Small pieces of the 3D stage's motion and input: the highlight pulse's timing, when a press is a tap, and
// where a pointer lies in the canvas's device coordinates.
import { describe, expect, it } from "vitest";
import {
  FOCUS_EMISSIVE,
  PULSE_AMPLITUDE,
  PULSE_MS,
  PULSE_PERIOD_MS,
  pulseIntensity,
} from "../../src/viewer/highlight-pulse.ts";
import { TAP_SLOP, toDeviceCoords, withinSlop } from "../../src/viewer/pointer.ts";

describe("pulseIntensity", () => {
  it("rests at the steady glow before, at the start of and after the pulse", () => {
    expect(pulseIntensity(-5)).toBe(FOCUS_EMISSIVE);
    expect(pulseIntensity(0)).toBe(FOCUS_EMISSIVE);
    expect(pulseIntensity(PULSE_MS)).toBe(FOCUS_EMISSIVE);
    expect(pulseIntensity(PULSE_MS * 10)).toBe(FOCUS_EMISSIVE);
  });

  it("swells to the top of its range mid-period and back down at each period's end", () => {
    const swells = PULSE_MS / PULSE_PERIOD_MS;
    expect(swells).toBeGreaterThanOrEqual(2);
    for (let k = 0; k < swells; k++) {
      expect(pulseIntensity((k + 0.5) * PULSE_PERIOD_MS)).toBeCloseTo(FOCUS_EMISSIVE + PULSE_AMPLITUDE, 9);
      if (k > 0) expect(pulseIntensity(k * PULSE_PERIOD_MS)).toBeCloseTo(FOCUS_EMISSIVE, 9);
    }
  });

  it("never leaves its range, and rises smoothly at the start", () => {
    for (let t = 0; t <= PULSE_MS; t += 37) {
      const v = pulseIntensity(t);
      expect(v).toBeGreaterThanOrEqual(FOCUS_EMISSIVE);
      expect(v).toBeLessThanOrEqual(FOCUS_EMISSIVE + PULSE_AMPLITUDE + 1e-12);
    }
    expect(pulseIntensity(50)).toBeGreaterThan(FOCUS_EMISSIVE);
    expect(pulseIntensity(50)).toBeLessThan(pulseIntensity(200));
  });
});

describe("withinSlop", () => {
  it("counts a press that moved at most the slop (in any direction) as a tap, a longer one as a drag", () => {
    const down = { x: 100, y: 100 };
    expect(withinSlop(down, down)).toBe(true);
    expect(withinSlop(down, { x: 100 + TAP_SLOP, y: 100 })).toBe(true);
    expect(withinSlop(down, { x: 100 - 4, y: 100 + 4 })).toBe(true);
    expect(withinSlop(down, { x: 100 + 5, y: 100 - 5 })).toBe(false);
    expect(withinSlop(down, { x: 100, y: 100 + TAP_SLOP + 1 })).toBe(false);
  });
});

describe("toDeviceCoords", () => {
  const rect = { left: 50, top: 20, width: 400, height: 200 };
  it("maps the canvas's corners and centre to -1..1 with y up, and writes into the given object", () => {
    const out = { x: 9, y: 9 };
    expect(toDeviceCoords(50, 20, rect, out)).toBe(out);
    expect(out).toEqual({ x: -1, y: 1 });
    expect(toDeviceCoords(450, 220, rect, { x: 0, y: 0 })).toEqual({ x: 1, y: -1 });
    expect(toDeviceCoords(250, 120, rect, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
    expect(toDeviceCoords(150, 170, rect, { x: 0, y: 0 })).toEqual({ x: -0.5, y: -0.5 });
  });
});
