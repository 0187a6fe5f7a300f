// The sections of a condition guide, in order: the layout renders and checks them, the tests read the same list.

/** The `##` headings every guide's MDX body has, in order (the layout fails the build otherwise). */
export const CONDITION_BODY_SECTIONS = [
  "How it develops",
  "Symptoms",
  "How a therapist assesses it",
  "The orthopedic massage approach",
  "The medical-massage context",
  "Self-care and home exercises",
] as const;

/** Every template section of a rendered guide (its h2 headings), in the order the page shows them. */
export const CONDITION_PAGE_SECTIONS = [
  "In plain words",
  "Also known as",
  "The anatomy involved",
  ...CONDITION_BODY_SECTIONS.slice(0, 3),
  // Rendered from the frontmatter at the end of the assessment section.
  "Outcome measures",
  ...CONDITION_BODY_SECTIONS.slice(3),
  "When to see a doctor",
  "What the evidence says",
  "Related",
] as const;
