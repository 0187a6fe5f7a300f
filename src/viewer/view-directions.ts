// Named camera views: their labels, which models offer them, and the direction each looks from. No three.js, so
// the server placeholder can use it without pulling 3D code into the page.
import type { Side, Vec3, ViewName } from "../lib/view-state.ts";

/** Views offered in the toolbar, with their labels. */
export const VIEW_LABELS: Record<ViewName, string> = {
  anterior: "Front (anterior)",
  posterior: "Back (posterior)",
  left: "Left side of the body",
  right: "Right side of the body",
  superior: "From above (superior)",
  inferior: "From below (inferior)",
  palmar: "Palm (palmar)",
  dorsal: "Back of hand or foot (dorsal)",
  lateral: "Outer side (lateral)",
  medial: "Inner side (medial)",
};

/** Views that make sense for a model (region views only where the region has them). */
export function viewsFor(model: string): ViewName[] {
  const general: ViewName[] = ["anterior", "posterior", "right", "left", "superior", "inferior", "lateral", "medial"];
  if (model === "upper-limb" || model === "body") return [...general, "palmar", "dorsal"];
  if (model === "leg-foot") return [...general, "dorsal"];
  return general;
}

function normalise(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/**
 * Unit vector from the target towards the camera, in the glTF frame (+Y up, body faces +Z, body's right is -X).
 * Views from above and below tilt slightly so the front of the body stays at the top of the screen.
 */
export function viewDirection(view: ViewName, side: Side, model: string): Vec3 {
  const lateral = side === "r" ? -1 : 1;
  switch (view) {
    case "anterior":
    case "palmar":
      return [0, 0, 1];
    case "posterior":
      return [0, 0, -1];
    case "dorsal":
      // The back of the hand faces backwards in the anatomical position; the back of the foot faces up and forwards.
      return model === "leg-foot" ? normalise([0, 0.8, 0.6]) : [0, 0, -1];
    case "right":
      return [-1, 0, 0];
    case "left":
      return [1, 0, 0];
    case "lateral":
      return normalise([lateral, 0, 0.25]);
    case "medial":
      return normalise([-lateral, 0, 0.25]);
    case "superior":
      return normalise([0, 1, -0.03]);
    case "inferior":
      return normalise([0, -1, 0.03]);
  }
}

/** Screen axes (right, up) for a view direction, with +Y kept up. */
export function screenAxes(direction: Vec3): { right: Vec3; up: Vec3 } {
  const [dx, dy, dz] = direction;
  // right = worldUp x direction
  let right: Vec3 = [dz, 0, -dx];
  if (Math.hypot(...right) < 1e-6) right = [1, 0, 0];
  right = normalise(right);
  const up = normalise([dy * right[2] - dz * right[1], dz * right[0] - dx * right[2], dx * right[1] - dy * right[0]]);
  return { right, up };
}
