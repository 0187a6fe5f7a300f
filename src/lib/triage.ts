// The site's one triage scale: how fast a red flag needs a doctor. Pages, the red-flag catalogue and the tests read it.
import { z } from "zod";

export interface TriageLevel {
  /** Kebab id used by content/red-flags.yaml. */
  id: "emergency" | "same-day" | "soon" | "next-visit";
  /** Short badge text, shown with the colour so the colour is never the only cue. */
  label: string;
  /** The level's heading: badge plus what it means. */
  title: string;
  /** What to do, in one plain sentence. */
  action: string;
  /** CSS custom properties (src/styles/tokens.css) for the badge: background and text. */
  token: { bg: string; text: string };
}

/** Most urgent first; the order is the order pages show the levels in. */
export const TRIAGE_LEVELS = [
  {
    id: "emergency",
    label: "Emergency",
    title: "Emergency: call emergency services now",
    action: "Stop the massage and call emergency services, or go to an emergency department now.",
    token: { bg: "--triage-emergency-bg", text: "--triage-emergency-text" },
  },
  {
    id: "same-day",
    label: "Same day",
    title: "See a doctor today",
    action: "Do not massage the area; see a doctor, urgent care or the surgical team today.",
    token: { bg: "--triage-same-day-bg", text: "--triage-same-day-text" },
  },
  {
    id: "soon",
    label: "Soon",
    title: "See a doctor soon, within days, before more massage",
    action: "Book a medical appointment within days, and wait for it before more massage of the area.",
    token: { bg: "--triage-soon-bg", text: "--triage-soon-text" },
  },
  {
    id: "next-visit",
    label: "Next visit",
    title: "Mention it at your next medical visit",
    action: "Massage can usually go on; tell your doctor about it at your next visit.",
    token: { bg: "--triage-next-visit-bg", text: "--triage-next-visit-text" },
  },
] as const satisfies readonly TriageLevel[];

export type TriageLevelId = (typeof TRIAGE_LEVELS)[number]["id"];

export const triageLevelSchema = z.enum(TRIAGE_LEVELS.map((l) => l.id) as [TriageLevelId, ...TriageLevelId[]]);

/** The level record for an id. */
export function triageLevel(id: TriageLevelId): TriageLevel {
  const level = TRIAGE_LEVELS.find((l) => l.id === id);
  if (!level) throw new Error(`unknown triage level: ${id}`);
  return level;
}

/** Items grouped by level, most urgent first; levels with no items are left out. */
export function groupByLevel<T extends { level: TriageLevelId }>(items: readonly T[]) {
  return TRIAGE_LEVELS.map((level) => ({ level, items: items.filter((i) => i.level === level.id) })).filter(
    (g) => g.items.length > 0,
  );
}
