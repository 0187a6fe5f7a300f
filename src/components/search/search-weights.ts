// Ranking the search front end asks Pagefind for: other names count like the title, a patient's words nearly so.
// Metadata fields not named weigh 1; type and region are labels for badges and must not pull results up.
// pageLength: a guide is long, and a glossary entry (a record of its own, scripts/search-index.ts) a few lines; at
// Pagefind's default (0.75) the entry that only defines a name outranks the guide named by it ("trigger point",
// "adhesive capsulitis"). At 0.3 the guide comes first and the definition next (measured over the query table,
// tests/e2e/search-queries.ts: 41 of 45 rows with their page first, against 40 before the glossary was split).
export const SEARCH_RANKING = {
  pageLength: 0.3,
  metaWeights: { title: 5, names: 5, terms: 4, summary: 1, type: 0, region: 0 },
} as const;
