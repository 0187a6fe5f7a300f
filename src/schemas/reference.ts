// Schema of one checked source the site cites (content/references.yaml): copied metadata, not documents.
import { z } from "zod";
import { kebabId } from "./common.ts";

/** Checked identifiers: at least one of doi, pmid, pmcid, nbk, isbn, url. */
export const referenceIdentifiersSchema = z
  .object({
    /** Digital Object Identifier, e.g. "10.1002/14651858.CD001929.pub3". */
    doi: z.string().optional(),
    /** PubMed id. */
    pmid: z.string().optional(),
    /** PubMed Central id, e.g. "PMC1234567". */
    pmcid: z.string().optional(),
    /** NCBI Bookshelf id, e.g. "NBK1234". */
    nbk: z.string().optional(),
    /** ISBN of a book. */
    isbn: z.string().optional(),
    /** Web address of the source. */
    url: z.url().optional(),
  })
  .strict()
  .refine((ids) => Object.keys(ids).length > 0, "needs at least one identifier");

export const referenceSchema = z
  .object({
    /** Kebab-case id that pages cite as [@id] and list in `references`. */
    id: kebabId,
    /** Title exactly as published. */
    title: z.string().min(3),
    /** Authors or organisation, as printed; null when the page names none. */
    authors: z.string().nullable(),
    /** Publication year; null when undated. */
    year: z.number().int().nullable(),
    /** Journal, publisher or website. */
    venue: z.string().nullable(),
    /** Checked identifiers: at least one of doi, pmid, pmcid, nbk, isbn, url. */
    identifiers: referenceIdentifiersSchema,
    /** What kind of claim the source can back (paraphrase). */
    supports: z.string(),
    /** Caveats about the source or its evidence. */
    note: z.string().optional(),
  })
  .strict();

export type Reference = z.infer<typeof referenceSchema>;
