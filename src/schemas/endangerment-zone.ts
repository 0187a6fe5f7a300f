// Schema of an endangerment site (a record of tissue `zone`): an outlined area on the skin where a vessel or nerve
// lies close to the surface, drawn like a referred-pain zone (same ellipses, src/viewer/referred-pain.ts).
import { z } from "zod";
import { kebabId } from "./common.ts";
import { skinEllipseFields } from "./referred-pain.ts";

export const endangermentZoneSchema = z
  .object({
    /** The area on the skin: one or more ellipses whose union is outlined (right side; bilateral records mirror). */
    patches: z.array(z.object(skinEllipseFields).strict()).min(1).max(8),
    /** Anatomy ids of the vessels, nerves and organs at risk here (checked against the records). */
    atRisk: z.array(kebabId).min(1),
    /** Anatomy ids of the muscles and landmarks that bound or fill the area: a page about them links the site. */
    within: z.array(kebabId).default([]),
    /** Structures the 3D figure's camera frames (default: those in `within`), so it shows the site, not a whole limb. */
    frame: z.array(kebabId).min(1).optional(),
    /** Where the area is, in plain words (its borders and landmarks). */
    where: z.string().min(30),
    /** What to avoid here, in plain words, each a short sentence. */
    avoid: z.array(z.string().min(10)).min(1),
    /** Signs that mean stop (and move away or lighten), each a short phrase. */
    stopSigns: z.array(z.string().min(5)).min(1),
    /** Reference ids (content/references.yaml) backing the site's safety advice. */
    references: z.array(kebabId).min(1),
    /** Where the 3D figure looks at the area from. */
    view: z.enum(["anterior", "posterior", "lateral", "medial", "superior"]).default("anterior"),
  })
  .strict();

export type EndangermentZone = z.infer<typeof endangermentZoneSchema>;
