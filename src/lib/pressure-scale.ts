// The site's one pressure and pain scale for hands-on work: 0 to 10 bands, what each means and what to do.
// Every page that states a pressure rating renders or agrees with it (tests/unit/pressure-scale.test.ts).

export interface PressureBand {
  /** Lowest and highest rating in the band (inclusive). */
  from: number;
  to: number;
  /** Short name of the band. */
  name: string;
  /** What the client feels. */
  feels: string;
  /** What the therapist does. */
  action: string;
}

/** Working range for specific work: "strong but comfortable". */
export const PRESSURE_WORKING = { from: 4, to: 6 } as const;

/** The first rating that is too much: at this rating or above, ease off at once. */
export const PRESSURE_CEILING = 7;

/** Signs that pressure is too strong whatever number the client gives. */
export const PRESSURE_STOP_SIGNS = ["holding the breath", "wincing", "tensing up or guarding", "pulling away"];

export const PRESSURE_BANDS: readonly PressureBand[] = [
  {
    from: 0,
    to: 3,
    name: "Light",
    feels: "Pressure but no discomfort.",
    action: "Fine for warming up, general work and irritable tissue.",
  },
  {
    from: PRESSURE_WORKING.from,
    to: PRESSURE_WORKING.to,
    name: "Strong but comfortable",
    feels: "Strong but comfortable; the client can breathe slowly and stay relaxed.",
    action: "The working range for specific work, and its top. Keep checking the number.",
  },
  {
    from: PRESSURE_CEILING,
    to: 10,
    name: "Too much",
    feels: "Painful: holding the breath, wincing, tensing up or pulling away.",
    action: "Ease off at once, back to the working range. Never work through sharp, burning or electric pain.",
  },
];
