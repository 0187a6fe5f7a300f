// The viewer's camera controls (camera-controls): set-up, glides to a new view, zoom toward the model rather than
// the pointer, and limits that keep the model in sight. Stage3D owns when these run; this module owns how.
import CameraControls from "camera-controls";
import {
  Box3,
  Matrix4,
  type PerspectiveCamera,
  Quaternion,
  Raycaster,
  Sphere,
  Spherical,
  Vector2,
  Vector3,
  Vector4,
} from "three";

// Only the classes camera-controls uses, so the rest of three stays tree-shaken.
CameraControls.install({
  THREE: { Box3, Matrix4, Quaternion, Raycaster, Sphere, Spherical, Vector2, Vector3, Vector4 },
});

export { CameraControls };

const { ACTION } = CameraControls;
/** Seconds a glide (view preset, "show me") takes to settle, about; and the lag of a drag. */
const GLIDE_S = 0.3;
const DRAG_S = 0.08;
const TAU = Math.PI * 2;

/** Controls on `element` with the viewer's mouse and touch mapping. The wheel is the viewer's own (zoomToward). */
export function createControls(camera: PerspectiveCamera, element: HTMLElement): CameraControls {
  const controls = new CameraControls(camera, element);
  controls.mouseButtons.left = ACTION.ROTATE;
  controls.mouseButtons.middle = ACTION.DOLLY;
  controls.mouseButtons.right = ACTION.TRUCK;
  // The library zooms toward the pointer or the target only; the viewer zooms toward the selection.
  controls.mouseButtons.wheel = ACTION.NONE;
  // Pinch dollies toward the orbit target (the middle of the view), never toward the fingers.
  controls.dollyToCursor = false;
  controls.touches.two = ACTION.TOUCH_DOLLY_TRUCK;
  controls.touches.three = ACTION.TOUCH_TRUCK;
  controls.azimuthRotateSpeed = 0.8;
  controls.polarRotateSpeed = 0.8;
  // Whether a touch turns the model or scrolls the page is the stage's CSS touch-action (engaged or not); the
  // library would force "none" on the canvas, which would keep a finger from ever scrolling past the figure.
  element.style.touchAction = "";
  return controls;
}

/** One finger turns the model only once the reader has engaged the figure; before that it scrolls the page. */
export function setOneFinger(controls: CameraControls, engaged: boolean): void {
  controls.touches.one = engaged ? ACTION.TOUCH_ROTATE : ACTION.NONE;
}

/** Reduced motion: moves land at once, with no glide and no drift after a drag. */
export function setSmoothing(controls: CameraControls, reducedMotion: boolean): void {
  controls.smoothTime = reducedMotion ? 0 : GLIDE_S;
  controls.draggingSmoothTime = reducedMotion ? 0 : DRAG_S;
}

/**
 * Limits from the model's bounds: the orbit target stays inside them (so what the camera looks at is always the
 * model) and the distance stays between close-up and the whole model small but clear.
 */
export function fitLimits(controls: CameraControls, camera: PerspectiveCamera, bounds: Box3): void {
  const radius = Math.max(bounds.getBoundingSphere(new Sphere()).radius, 0.01);
  const fitDistance = radius / Math.sin((camera.fov * Math.PI) / 360);
  controls.minDistance = Math.max(0.02, radius * 0.04);
  controls.maxDistance = fitDistance * 2.5;
  controls.setBoundary(bounds);
}

/** Stops a glide where it is (a keyboard move or a wheel step starts from what the reader sees). */
export function freeze(controls: CameraControls, scratch: { pos: Vector3; target: Vector3 }): void {
  const { pos, target } = scratch;
  controls.getPosition(pos, false);
  controls.getTarget(target, false);
  void controls.setLookAt(pos.x, pos.y, pos.z, target.x, target.y, target.z, false);
}

const spherical = new Spherical();

/** Moves to a camera placement, gliding the short way round (or jumping when `animate` is false). */
export function glideTo(controls: CameraControls, position: Vector3, target: Vector3, animate: boolean): void {
  controls.normalizeRotations();
  void controls.setLookAt(position.x, position.y, position.z, target.x, target.y, target.z, animate);
  if (!animate) return;
  controls.getSpherical(spherical, true);
  const shortest = spherical.theta - TAU * Math.round((spherical.theta - controls.azimuthAngle) / TAU);
  if (shortest !== spherical.theta) void controls.rotateTo(shortest, spherical.phi, true);
}

const from = new Vector3();
const to = new Vector3();
const aim = new Vector3();
const offset = new Vector3();
const toFocus = new Vector3();

/**
 * Zooms by `scale` (<1 closer) toward `focus` (the selected structure's centre) or, without one, straight toward
 * the orbit target, which the boundary keeps on the model. `focus` keeps its place on the screen, as when zooming
 * toward the pointer, but the point is the structure the reader chose, never empty space.
 */
export function zoomToward(
  controls: CameraControls,
  scale: number,
  focus: Vector3 | null,
  bounds: Box3 | null,
  animate: boolean,
): void {
  controls.getPosition(from, true);
  controls.getTarget(to, true);
  offset.copy(from).sub(to);
  const distance = offset.length();
  if (distance === 0) return;
  const next = Math.min(controls.maxDistance, Math.max(controls.minDistance, distance * scale));
  const f = 1 - next / distance;
  aim.copy(to);
  if (focus) aim.addScaledVector(toFocus.copy(focus).sub(to), f);
  if (bounds && !bounds.isEmpty()) bounds.clampPoint(aim, aim);
  offset.setLength(next).add(aim);
  void controls.setLookAt(offset.x, offset.y, offset.z, aim.x, aim.y, aim.z, animate);
}

/** A wheel event as a zoom factor: about 15 % per notch, trackpad pinches (ctrl) finer. */
export function wheelScale(e: WheelEvent): number {
  const pixels = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
  const clamped = Math.max(-200, Math.min(200, pixels));
  return Math.exp(clamped * (e.ctrlKey ? 0.01 : 0.0015));
}
