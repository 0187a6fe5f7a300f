// The viewer's zoom and camera limits (src/viewer/orbit-camera.ts), on camera-controls without a canvas.
import { Box3, PerspectiveCamera, Spherical, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import { CameraControls, fitLimits, glideTo, wheelScale, zoomToward } from "../../src/viewer/orbit-camera.ts";

// camera-controls keeps its element's rectangle in a DOMRect, which Node lacks; a plain stand-in serves (no
// element is attached here, so it is never read).
class RectStandIn {
  constructor(
    public x = 0,
    public y = 0,
    public width = 0,
    public height = 0,
  ) {}
}
(globalThis as { DOMRect?: unknown }).DOMRect ??= RectStandIn;

function rig(position: [number, number, number], target: [number, number, number]) {
  const camera = new PerspectiveCamera(30, 1, 0.01, 40);
  const controls = new CameraControls(camera);
  controls.setLookAt(...position, ...target, false);
  controls.update(0);
  return { camera, controls };
}

/** Where a world point is drawn, in normalised device coordinates (x, y in -1..1). */
function onScreen(camera: PerspectiveCamera, point: Vector3): [number, number] {
  camera.updateMatrixWorld();
  const v = point.clone().project(camera);
  return [v.x, v.y];
}

const bounds = new Box3(new Vector3(-0.3, 0.6, -0.1), new Vector3(0.3, 1.5, 0.1));

describe("zoomToward", () => {
  it("without a selection zooms straight toward the middle of the view (the orbit target)", () => {
    const { camera, controls } = rig([0, 1, 2], [0, 1, 0]);
    zoomToward(controls, 0.5, null, bounds, false);
    controls.update(0);
    expect(camera.position.toArray().map((n) => Number(n.toFixed(6)))).toEqual([0, 1, 1]);
    expect(controls.getTarget(new Vector3()).toArray()).toEqual([0, 1, 0]);
  });

  it("toward a selected structure keeps it where it is on the screen", () => {
    const { camera, controls } = rig([0, 1, 2], [0, 1, 0]);
    const selected = new Vector3(0.15, 1.2, 0.05);
    const before = onScreen(camera, selected);
    zoomToward(controls, 0.6, selected, bounds, false);
    controls.update(0);
    const after = onScreen(camera, selected);
    expect(after[0]).toBeCloseTo(before[0], 5);
    expect(after[1]).toBeCloseTo(before[1], 5);
    expect(camera.position.distanceTo(controls.getTarget(new Vector3()))).toBeCloseTo(1.2, 5);
  });

  it("never takes the target off the model or the camera past the distance limits", () => {
    const { controls } = rig([0, 1, 2], [0, 1, 0]);
    fitLimits(controls, controls.camera as PerspectiveCamera, bounds);
    for (let i = 0; i < 40; i++) zoomToward(controls, 0.5, new Vector3(5, 5, 5), bounds, false);
    controls.update(0);
    expect(bounds.containsPoint(controls.getTarget(new Vector3()))).toBe(true);
    expect(controls.distance).toBeCloseTo(controls.minDistance, 6);
    for (let i = 0; i < 40; i++) zoomToward(controls, 2, null, bounds, false);
    controls.update(0);
    expect(controls.distance).toBeCloseTo(controls.maxDistance, 6);
  });
});

describe("limits and glides", () => {
  it("keeps the whole model in sight at the farthest distance", () => {
    const { camera, controls } = rig([0, 1, 2], [0, 1, 0]);
    fitLimits(controls, camera, bounds);
    const corner = new Vector3(0.3, 1.5, 0.1);
    controls.dollyTo(1e6, false);
    controls.update(0);
    const [x, y] = onScreen(camera, corner);
    expect(Math.abs(x)).toBeLessThan(1);
    expect(Math.abs(y)).toBeLessThan(1);
    // ...and not as a speck: it still spans a fair part of the view.
    expect(Math.abs(y - onScreen(camera, new Vector3(-0.3, 0.6, -0.1))[1])).toBeGreaterThan(0.2);
  });

  it("glides the short way round", () => {
    // From just left of straight behind to just right of it: 0.28 rad apart, not 6 rad the long way.
    const { controls } = rig([Math.sin(3), 1, Math.cos(3)], [0, 1, 0]);
    glideTo(controls, new Vector3(Math.sin(-3), 1, Math.cos(-3)), new Vector3(0, 1, 0), true);
    const end = controls.getSpherical(new Spherical(), true);
    expect(Math.abs(end.theta - controls.azimuthAngle)).toBeCloseTo(2 * Math.PI - 6, 5);
  });

  it("reads a wheel notch as about 15 % and clamps a fling", () => {
    const notch = wheelScale({ deltaY: 100, deltaMode: 0, ctrlKey: false } as WheelEvent);
    expect(notch).toBeGreaterThan(1.1);
    expect(notch).toBeLessThan(1.2);
    expect(wheelScale({ deltaY: -100, deltaMode: 0, ctrlKey: false } as WheelEvent)).toBeCloseTo(1 / notch, 6);
    expect(wheelScale({ deltaY: 10_000, deltaMode: 0, ctrlKey: false } as WheelEvent)).toBeLessThan(1.4);
  });
});
