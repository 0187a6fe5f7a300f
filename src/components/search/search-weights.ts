// Ranking the search front end asks Pagefind for: other names count like the title, a patient's words nearly so.
// Metadata fields not named weigh 1; type and region are labels for badges and must not pull results up.
export const SEARCH_RANKING = {
  metaWeights: { title: 5, names: 5, terms: 4, summary: 1, type: 0, region: 0 },
} as const;
