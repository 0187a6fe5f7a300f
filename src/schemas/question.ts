// Schema of one check-your-understanding question on a teaching page.
import { z } from "zod";

export const questionSchema = z
  .object({
    /** The question. */
    q: z.string().min(10),
    /** Two to five answer options. */
    options: z.array(z.string().min(1)).min(2).max(5),
    /** Index (0-based) of the correct option. */
    answer: z.number().int().min(0),
    /** Why the answer is right (and the others are not). */
    explanation: z.string().min(20),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, {
    message: "answer index is past the last option",
    path: ["answer"],
  });

export type Question = z.infer<typeof questionSchema>;
