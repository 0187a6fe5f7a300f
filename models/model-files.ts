// Which model files there are and which anatomy records each holds: the one rule, read by the generator
// (models/build.ts), the content check (a figure's ids must be in its model) and the tests. The pages read the
// outcome from public/models/manifest.json.
import { REGION_LABELS, REGIONS } from "../src/lib/regions.ts";

/** Model files in manifest order: id, title (a region model is titled by its region's name). */
export const MODELS: readonly { model: string; title: string }[] = [
  { model: "body", title: "Whole body" },
  ...REGIONS.map((region) => ({ model: region, title: REGION_LABELS[region] })),
  { model: "skeleton", title: "Skeleton" },
];

/** The record fields the rule reads. */
export interface ModelMember {
  tissue: string;
  regions: readonly string[];
}

/**
 * Whether a model holds a record: the overview holds every structure, the skeleton every bone, a region model the
 * records that list its region. Endangerment sites (tissue zone) are drawn on the skin by the viewer, never built.
 */
export function inModel(record: ModelMember, model: string): boolean {
  if (record.tissue === "zone") return false;
  if (model === "body") return true;
  if (model === "skeleton") return record.tissue === "bone";
  return record.regions.includes(model);
}
