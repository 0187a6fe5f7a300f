// Endangerment sites (anatomy records of tissue `zone`): where each is taught, which sites a structure is at risk
// in, and which sites a teaching page's treatment area includes. Pure TypeScript, read by pages and tests.

/** The lesson that teaches every site, one section each. */
export const ENDANGERMENT_LESSON = "/learn/endangerment-sites/";

/** The fields of a zone record these lookups need. */
export interface ZoneFacts {
  id: string;
  name: string;
  tissue: string;
  regions: readonly string[];
  zone?: { atRisk: readonly string[]; within: readonly string[] } | undefined;
}

/**
 * The lesson section of a site: its heading there is the site's name, and headings get ids as Astro slugs them
 * ("Area over the kidneys" -> `area-over-the-kidneys`); the built tests check every site's section exists.
 */
export function zoneAnchor(zone: Pick<ZoneFacts, "name">): string {
  return zone.name
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/\s/g, "-");
}

/** Link to a site's section of the lesson. */
export function zoneLessonHref(zone: Pick<ZoneFacts, "name">): string {
  return `${ENDANGERMENT_LESSON}#${zoneAnchor(zone)}`;
}

/** Only the site records, by name. */
export function zonesOf<T extends ZoneFacts>(records: readonly T[]): T[] {
  return records.filter((r) => r.tissue === "zone" && r.zone).sort((a, b) => a.name.localeCompare(b.name));
}

/** For each structure id, the sites where it is at risk (reverse of each site's `atRisk`). */
export function sitesByStructure<T extends ZoneFacts>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const zone of zonesOf(records)) {
    for (const id of zone.zone?.atRisk ?? []) out.set(id, [...(out.get(id) ?? []), zone]);
  }
  return out;
}

/**
 * The sites a page's treatment area includes, from the structures its figures show: a site whose bounding or
 * filling muscles (`within`) are shown, or one of whose structures at risk is shown in the site's own region (the
 * median nerve of a carpal tunnel page brings in the elbow, not the armpit it also passes).
 */
export function sitesForStructures<T extends ZoneFacts>(records: readonly T[], ids: Iterable<string>): T[] {
  const shown = new Set(ids);
  const home = new Map(records.map((r) => [r.id, r.regions[0]]));
  return zonesOf(records).filter(
    (z) =>
      (z.zone?.within ?? []).some((id) => shown.has(id)) ||
      (z.zone?.atRisk ?? []).some((id) => shown.has(id) && home.get(id) === z.regions[0]),
  );
}
