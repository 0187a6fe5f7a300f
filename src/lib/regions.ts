// Body regions of the 3D models and of the anatomy records, head to foot, and the one name each is shown by: the
// atlas's headings, the model menu's titles, the practice sets and the search facets all read these. No zod here
// (pages' scripts import it); src/schemas/common.ts builds the records' region schema from the same list.

export const REGIONS = ["head-neck", "shoulder", "upper-limb", "trunk", "hip-thigh", "leg-foot"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  "head-neck": "Head and neck",
  shoulder: "Shoulder",
  "upper-limb": "Arm, forearm and hand",
  trunk: "Back, abdomen and trunk",
  "hip-thigh": "Hip and thigh",
  "leg-foot": "Lower leg and foot",
};
