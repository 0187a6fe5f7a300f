// Camera framing: where to put the camera so a box fills the view from a given direction.
import { type Box3, type PerspectiveCamera, Vector3 } from "three";

const corner = new Vector3();
const right = new Vector3();
const up = new Vector3();
const centre = new Vector3();
const WORLD_UP = new Vector3(0, 1, 0);

/**
 * Writes into `position` and `target` a camera placement that shows `box` from `direction` (unit vector from the
 * target towards the camera), filling about 1/margin of the view.
 */
export function frameBox(
  box: Box3,
  direction: Vector3,
  camera: PerspectiveCamera,
  position: Vector3,
  target: Vector3,
  margin = 1.25,
): void {
  box.getCenter(centre);
  right.crossVectors(WORLD_UP, direction);
  if (right.lengthSq() < 1e-6) right.set(1, 0, 0);
  right.normalize();
  up.crossVectors(direction, right).normalize();
  let halfW = 0;
  let halfH = 0;
  let halfD = 0;
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z);
    corner.sub(centre);
    halfW = Math.max(halfW, Math.abs(corner.dot(right)));
    halfH = Math.max(halfH, Math.abs(corner.dot(up)));
    halfD = Math.max(halfD, Math.abs(corner.dot(direction)));
  }
  const tanV = Math.tan((camera.fov * Math.PI) / 360);
  const tanH = tanV * camera.aspect;
  const distance = Math.max(halfH / tanV, halfW / tanH) * margin + halfD;
  target.copy(centre);
  position.copy(direction).multiplyScalar(Math.max(distance, 0.05)).add(centre);
}

/** A figure's first framing shows at least 14 cm around small targets (the room a hand or a wrist needs). */
export function expandForContext(box: Box3): void {
  const size = box.getSize(new Vector3());
  const min = 0.14;
  box.expandByVector(
    new Vector3(Math.max(0, min - size.x) / 2, Math.max(0, min - size.y) / 2, Math.max(0, min - size.z) / 2),
  );
}
