// What the search index knows about a page besides its text: type, regions, tissue, the names it answers to and a
// one-line summary. Pages hand a SearchEntry to Base; SearchMeta writes it as Pagefind metadata and filters.
import { REGION_LABELS, type Region } from "../../lib/regions.ts";
import type { ConditionRegion } from "../condition/regions.ts";

export const SEARCH_TYPES = ["Lesson", "Condition", "Technique", "Structure", "Glossary term", "Overview"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchEntry {
  type: SearchType;
  /** Badge text: the page's own region name (a condition keeps its finer region, e.g. "Knee"). */
  regionLabel?: string | undefined;
  /** Region filter values: atlas region labels, so conditions, techniques and structures share one list. */
  regions?: readonly string[] | undefined;
  /** Tissue filter value (structures only). */
  tissue?: string | undefined;
  /** Other names and abbreviations; searched with the weight of a title (ranking.metaWeights). */
  names?: readonly string[] | undefined;
  /** Everyday words a patient types; searched with nearly the weight of a title. */
  terms?: readonly string[] | undefined;
  /** One line shown under the result when the excerpt has no match. */
  summary: string;
}

/** Condition regions on the atlas's coarser map; the knee sits between thigh and leg, so it is in both. */
const CONDITION_TO_ATLAS: Readonly<Record<ConditionRegion, readonly Region[]>> = {
  "head-neck": ["head-neck"],
  shoulder: ["shoulder"],
  "elbow-forearm": ["upper-limb"],
  "wrist-hand": ["upper-limb"],
  "back-trunk": ["trunk"],
  "hip-thigh": ["hip-thigh"],
  knee: ["hip-thigh", "leg-foot"],
  "leg-foot": ["leg-foot"],
};

/** Region filter values for a condition region. */
export function conditionRegionFilters(region: ConditionRegion): string[] {
  return CONDITION_TO_ATLAS[region].map((r) => REGION_LABELS[r]);
}

/** Region filter values for a set of atlas regions (a technique's target tissues), in atlas order, once each. */
export function atlasRegionFilters(regions: Iterable<string>): string[] {
  const wanted = new Set(regions);
  return (Object.keys(REGION_LABELS) as Region[]).filter((r) => wanted.has(r)).map((r) => REGION_LABELS[r]);
}

/** The first sentence of a text (the plain summary's opening line for a result). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const match = /^.+?[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}
