// Picks the organs (content/visceral-referral.yaml) whose referred pain overlaps the zones of the given anatomy ids.
import type { VisceralSource } from "../../schemas/visceral-source.ts";

const ORDER = { emergency: 0, "same-day": 1, "see-doctor": 2 } as const;

/** Sources whose `anatomy` list shares an id with `ids`: most urgent first, then by rank and id. */
export function visceralSourcesFor(ids: readonly string[], sources: readonly VisceralSource[]): VisceralSource[] {
  const wanted = new Set(ids);
  return sources
    .filter((s) => s.anatomy.some((id) => wanted.has(id)))
    .sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency] || a.rank - b.rank || a.id.localeCompare(b.id));
}
