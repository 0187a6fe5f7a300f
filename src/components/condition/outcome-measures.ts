// Resolves a condition's outcome-measure and special-test ids against their collections, failing with the guide file
// and field named, and collects the sources their numbers cite. Pure functions so the unit tests can call them.
import type { OutcomeMeasure } from "../../schemas/outcome-measure.ts";
import type { SpecialTest } from "../../schemas/special-test.ts";

interface Entry<T> {
  id: string;
  data: T;
}

/** Looks ids up in `entries`; an unknown id throws "<source>: unknown <field> id ...". */
export function resolveIds<T>(ids: readonly string[], entries: readonly Entry<T>[], source: string, field: string) {
  const byId = new Map(entries.map((e) => [e.id, e.data]));
  return ids.map((id) => {
    const data = byId.get(id);
    if (!data) {
      throw new Error(
        `${source}: unknown ${field} id "${id}" (known: ${[...byId.keys()].sort().join(", ") || "none"}).`,
      );
    }
    return data;
  });
}

/** Reference ids in citation order, without repeats. */
export function citedReferenceIds(items: readonly { references: readonly string[] }[]): string[] {
  return [...new Set(items.flatMap((i) => i.references))];
}

/** The measures of a guide and the reference entries their MCIDs cite (in first-cited order). */
export function resolveMeasures<R>(
  ids: readonly string[],
  measureEntries: readonly Entry<OutcomeMeasure>[],
  referenceEntries: readonly Entry<R>[],
  source: string,
) {
  const measures = resolveIds(ids, measureEntries, source, "outcomeMeasures");
  const refIds = citedReferenceIds(measures.flatMap((m) => (m.mcid ? [m.mcid] : [])));
  const sources = refIds.map((id) => {
    const [data] = resolveIds([id], referenceEntries, "content/outcome-measures.yaml", "references");
    return { id, data: data as R };
  });
  return { measures, sources };
}

/** The tests of a guide and the reference entries their accuracy numbers cite. */
export function resolveTests<R>(
  ids: readonly string[],
  testEntries: readonly Entry<SpecialTest>[],
  referenceEntries: readonly Entry<R>[],
  source: string,
) {
  const tests = resolveIds(ids, testEntries, source, "specialTests");
  const refIds = citedReferenceIds(tests.flatMap((t) => (t.accuracy === "not-established" ? [] : [t.accuracy])));
  const sources = refIds.map((id) => {
    const [data] = resolveIds([id], referenceEntries, "content/special-tests.yaml", "references");
    return { id, data: data as R };
  });
  return { tests, sources };
}
