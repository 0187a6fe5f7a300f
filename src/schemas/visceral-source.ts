// Schema of one organ that can refer pain to the skin zones of trigger-point maps (content/visceral-referral.yaml).
import { z } from "zod";
import { kebabId } from "./common.ts";

/** An organ (or group) whose pain can be felt in a skin area that a trigger-point map also covers. */
export const visceralSourceSchema = z
  .object({
    id: kebabId,
    /** Plain name, e.g. "Heart". */
    organ: z.string().min(3),
    /** Where the pain can be felt, in plain words. */
    areas: z.array(z.string().min(3)).min(1),
    /** When to send the person on, and how fast. */
    refer: z.string().min(20),
    urgency: z.enum(["emergency", "same-day", "see-doctor"]),
    /** Order within the same urgency (lower first), e.g. 1 for the heart. */
    rank: z.number().int().min(1).default(10),
    /** Anatomy records whose referred-pain zone overlaps these areas. */
    anatomy: z.array(kebabId).default([]),
    /** Reference ids of the checked pages the areas and warning signs follow (tests require at least one). */
    references: z.array(kebabId).default([]),
  })
  .strict();

export type VisceralSource = z.infer<typeof visceralSourceSchema>;
