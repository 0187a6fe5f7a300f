// How the techniques index groups the guides: by what the therapist mainly does. A guide missing from every
// group is listed under "Other techniques", so a new guide never disappears from the index.

export const TECHNIQUE_GROUPS: readonly { id: string; label: string; blurb: string; slugs: readonly string[] }[] = [
  {
    id: "pressure",
    label: "Sustained pressure and positioning",
    blurb: "The therapist holds pressure or a position while the tissue and the nervous system settle.",
    slugs: ["trigger-point-therapy", "myofascial-release", "positional-release"],
  },
  {
    id: "contract",
    label: "Contract, then stretch",
    blurb:
      "The client contracts a muscle against the therapist's resistance, then the therapist takes up the new range.",
    slugs: ["pnf-stretching", "muscle-energy-technique"],
  },
  {
    id: "nerve-tendon",
    label: "Nerves and tendons",
    blurb: "Movement that slides a nerve along its bed, and friction across a tendon or ligament.",
    slugs: ["nerve-mobilization", "deep-transverse-friction"],
  },
];

/** Items grouped as above, keeping the group order; unknown slugs go to a final "Other techniques" group. */
export function groupTechniques<T extends { id: string }>(items: readonly T[]) {
  const groups = TECHNIQUE_GROUPS.map((g) => ({
    ...g,
    items: g.slugs.flatMap((slug) => items.filter((i) => i.id === slug)),
  }));
  const placed = new Set(TECHNIQUE_GROUPS.flatMap((g) => g.slugs));
  const rest = items.filter((i) => !placed.has(i.id));
  if (rest.length > 0) {
    groups.push({ id: "other", label: "Other techniques", blurb: "", slugs: [], items: [...rest] });
  }
  return groups.filter((g) => g.items.length > 0);
}
