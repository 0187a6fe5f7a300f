// Body regions of the condition guides, in head-to-foot order, with the names the index and pages show.

import { CONDITION_REGIONS } from "../../schemas/condition.ts";

export { CONDITION_REGIONS };
export type ConditionRegion = (typeof CONDITION_REGIONS)[number];

/** Heading text for each region. */
export const REGION_LABELS: Readonly<Record<ConditionRegion, string>> = {
  "head-neck": "Head and neck",
  shoulder: "Shoulder",
  "elbow-forearm": "Elbow and forearm",
  "wrist-hand": "Wrist and hand",
  "back-trunk": "Back and trunk",
  "hip-thigh": "Hip and thigh",
  knee: "Knee",
  "leg-foot": "Lower leg and foot",
};

/** Items grouped by region in head-to-foot order, leaving out regions with no items; items keep their order. */
export function groupByRegion<T>(items: readonly T[], regionOf: (item: T) => ConditionRegion) {
  return CONDITION_REGIONS.map((region) => ({
    region,
    label: REGION_LABELS[region],
    items: items.filter((item) => regionOf(item) === region),
  })).filter((group) => group.items.length > 0);
}
