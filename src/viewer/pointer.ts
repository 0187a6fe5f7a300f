// Pointer arithmetic shared by the viewer's picking and its touch gating: when a press counts as a tap or click,
// and where a point lies in the canvas's normalised device coordinates. Pure.

/** Movement (CSS px) under which a press counts as a tap or click, not a drag. */
export const TAP_SLOP = 6;

/** Whether a press that went down at `down` and came up at `up` stayed within the tap slop. */
export function withinSlop(down: { x: number; y: number }, up: { x: number; y: number }): boolean {
  return Math.hypot(up.x - down.x, up.y - down.y) <= TAP_SLOP;
}

/**
 * A client point as normalised device coordinates of `rect` (x right and y up, -1 to 1 across it), written into
 * `out` (a three.js Vector2 or any {x, y}), which is returned.
 */
export function toDeviceCoords<T extends { x: number; y: number }>(
  clientX: number,
  clientY: number,
  rect: { left: number; top: number; width: number; height: number },
  out: T,
): T {
  out.x = ((clientX - rect.left) / rect.width) * 2 - 1;
  out.y = -((clientY - rect.top) / rect.height) * 2 + 1;
  return out;
}
