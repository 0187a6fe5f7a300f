// The focus highlight's pulse after the highlights change: the accent's glow swells and fades a few times, then
// rests at its steady level. Pure timing; the stage plays it on its frames (never with reduced motion).

/** How long the pulse lasts (three swells). */
export const PULSE_MS = 3600;
/** One swell. */
export const PULSE_PERIOD_MS = 1200;
/** The focus material's glow at rest. */
export const FOCUS_EMISSIVE = 0.3;
/** How much brighter the glow gets at the top of a swell. */
export const PULSE_AMPLITUDE = 0.35;

/** The focus glow `elapsed` ms into the pulse (at rest before it starts and once it is over). */
export function pulseIntensity(elapsed: number): number {
  if (elapsed <= 0 || elapsed >= PULSE_MS) return FOCUS_EMISSIVE;
  return FOCUS_EMISSIVE + PULSE_AMPLITUDE * (0.5 - 0.5 * Math.cos((2 * Math.PI * elapsed) / PULSE_PERIOD_MS));
}
