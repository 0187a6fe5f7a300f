// Which model files there are and which anatomy records each holds: the one rule, read by the generator
// (models/build.ts), the content check (a figure's ids must be in its model) and the tests. The pages read the
// outcome from public/models/manifest.json.

/** Model files in manifest order: id, title. */
export const MODELS: readonly { model: string; title: string }[] = [
  { model: "body", title: "Whole body" },
  { model: "head-neck", title: "Head and neck" },
  { model: "shoulder", title: "Shoulder" },
  { model: "upper-limb", title: "Upper limb" },
  { model: "trunk", title: "Trunk" },
  { model: "hip-thigh", title: "Hip and thigh" },
  { model: "leg-foot", title: "Leg and foot" },
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
