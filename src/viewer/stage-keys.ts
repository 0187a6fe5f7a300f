// The 3D view's keymap: arrow keys turn the model (with Shift they move it), + and - zoom, Home returns to the
// figure's own view, Escape clears the selection. Pure: the island carries out the command.

/** What a key asks of the stage. */
export type StageKeyCommand =
  | { kind: "orbit"; dx: number; dy: number }
  | { kind: "pan"; dx: number; dy: number }
  | { kind: "zoom"; factor: number }
  | { kind: "home" }
  | { kind: "clear-selection" };

/** Radians per arrow press. */
export const ORBIT_STEP = 0.15;
/** Fraction of the camera's distance per Shift + arrow press. */
export const PAN_STEP = 0.05;
/** Camera distance factor per + press (- divides by it). */
export const ZOOM_STEP = 0.85;

/** The command for a key press, or null when the key is not the stage's (modifier chords belong to the browser). */
export function stageKeyCommand(e: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): StageKeyCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const move = (dx: number, dy: number): StageKeyCommand =>
    e.shiftKey
      ? { kind: "pan", dx: dx * PAN_STEP, dy: dy * PAN_STEP }
      : { kind: "orbit", dx: dx * ORBIT_STEP, dy: dy * ORBIT_STEP };
  switch (e.key) {
    case "ArrowLeft":
      return move(-1, 0);
    case "ArrowRight":
      return move(1, 0);
    case "ArrowUp":
      return e.shiftKey ? move(0, 1) : move(0, -1);
    case "ArrowDown":
      return e.shiftKey ? move(0, -1) : move(0, 1);
    case "+":
    case "=":
      return { kind: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_":
      return { kind: "zoom", factor: 1 / ZOOM_STEP };
    case "Home":
      return { kind: "home" };
    case "Escape":
      return { kind: "clear-selection" };
    default:
      return null;
  }
}
