// The fixed `##` headings of a technique guide's MDX body, in order (the layout and the unit tests both check it).
export const TECHNIQUE_BODY_SECTIONS = [
  "What it is and where it comes from",
  "How it is thought to work",
  "Target tissues",
  "Step by step",
] as const;

/** Every section of a rendered technique guide, in the order the page must show them. */
export const TECHNIQUE_PAGE_SECTIONS = [
  "In plain words",
  ...TECHNIQUE_BODY_SECTIONS,
  "Indications",
  "Contraindications and cautions",
  "Common mistakes",
  "Evidence",
  "References",
  "Practice questions",
] as const;
