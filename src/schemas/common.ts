// Small shared field schemas: ids, audiences, tissues, regions, sides and camera views.
import { z } from "zod";
import { REGIONS } from "../lib/regions.ts";
import { VIEW_NAMES } from "../lib/view-state.ts";

/** Lower-case kebab-case identifier used in URLs and glTF node names. */
export const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case [a-z0-9-]");

/** Who a lesson is written for. */
export const audienceSchema = z.enum(["student", "instructor", "patient"]);

/** Tissue kinds of anatomy records. */
export const TISSUES = [
  "bone",
  "muscle",
  "tendon",
  "ligament",
  "fascia",
  "retinaculum",
  "joint-capsule",
  "bursa",
  // Fibrocartilage of joints: menisci, articular discs, labra, intervertebral discs.
  "cartilage",
  "nerve",
  "vessel",
  // Organs shown as simple shapes for context where massage must respect them (the kidneys, the eye).
  "organ",
  "skin",
  // An endangerment site: an outlined area on the skin, not a structure (no geometry; src/schemas/endangerment-zone.ts).
  "zone",
] as const;
export const tissueSchema = z.enum(TISSUES);

/** Body regions of the 3D models (and of anatomy records): the list and its names are in src/lib/regions.ts. */
export { REGIONS };
export const regionSchema = z.enum(REGIONS);

/** Body side: right or left. */
export const sideSchema = z.enum(["r", "l"]);

/** Named camera presets the viewer knows: one list, in the view-state codec the browser also loads (no zod there). */
export const VIEWS = VIEW_NAMES;
export const viewSchema = z.enum(VIEWS);
