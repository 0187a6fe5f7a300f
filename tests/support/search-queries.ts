// The search query table: what a reader types and the page that must be among the first three results.
// Data, not code: new content adds rows here. `kind` groups the rows so a report can say which kind of name misses.

export type QueryKind = "name" | "alias" | "abbreviation" | "eponym" | "patient" | "misspelling" | "glossary";

export interface SearchQuery {
  /** What the reader types. */
  q: string;
  /** Path (with #fragment for a glossary term) expected in the top 3; more than one: any of them. */
  expect: string | readonly string[];
  kind: QueryKind;
  /** Known miss, kept in the table so the report shows it: the reason. */
  knownMiss?: string;
}

export const SEARCH_QUERIES: readonly SearchQuery[] = [
  // Names as pages title them.
  { q: "carpal tunnel", expect: "/conditions/carpal-tunnel-syndrome/", kind: "name" },
  { q: "plantar fasciitis", expect: "/conditions/plantar-fasciitis/", kind: "name" },
  { q: "trigger point", expect: "/techniques/trigger-point-therapy/", kind: "name" },
  { q: "sternocleidomastoid", expect: "/anatomy/sternocleidomastoid/", kind: "name" },
  { q: "positional release", expect: "/techniques/positional-release/", kind: "name" },
  { q: "tissues 101", expect: "/learn/tissues-101/", kind: "name" },
  // Other names (aliases, also-known-as, technique synonyms).
  { q: "adhesive capsulitis", expect: "/conditions/frozen-shoulder/", kind: "alias" },
  { q: "lateral epicondylalgia", expect: "/conditions/tennis-elbow/", kind: "alias" },
  { q: "strain-counterstrain", expect: "/techniques/positional-release/", kind: "alias" },
  { q: "IT band", expect: "/anatomy/iliotibial-tract/", kind: "alias" },
  { q: "jumper's knee", expect: "/conditions/patellar-tendinopathy/", kind: "alias" },
  { q: "shin splints", expect: "/conditions/medial-tibial-stress-syndrome/", kind: "alias" },
  { q: "hold-relax", expect: "/techniques/pnf-stretching/", kind: "alias" },
  { q: "nerve gliding", expect: "/techniques/nerve-mobilization/", kind: "alias" },
  { q: "Cyriax friction", expect: "/techniques/deep-transverse-friction/", kind: "alias" },
  { q: "policeman's heel", expect: "/conditions/plantar-fasciitis/", kind: "alias" },
  // Abbreviations.
  { q: "QL", expect: "/anatomy/quadratus-lumborum/", kind: "abbreviation" },
  { q: "SCM", expect: "/anatomy/sternocleidomastoid/", kind: "abbreviation" },
  { q: "ITB", expect: "/anatomy/iliotibial-tract/", kind: "abbreviation" },
  { q: "TFL", expect: "/anatomy/tensor-fasciae-latae/", kind: "abbreviation" },
  { q: "CTS", expect: "/conditions/carpal-tunnel-syndrome/", kind: "abbreviation" },
  { q: "PIR", expect: "/techniques/muscle-energy-technique/", kind: "abbreviation" },
  { q: "MET", expect: "/techniques/muscle-energy-technique/", kind: "abbreviation" },
  { q: "PNF", expect: "/techniques/pnf-stretching/", kind: "abbreviation" },
  { q: "DTF", expect: "/techniques/deep-transverse-friction/", kind: "abbreviation" },
  { q: "TrP", expect: "/techniques/trigger-point-therapy/", kind: "abbreviation" },
  { q: "TMD", expect: "/conditions/temporomandibular-disorder/", kind: "abbreviation" },
  { q: "MTSS", expect: "/conditions/medial-tibial-stress-syndrome/", kind: "abbreviation" },
  // Eponymous tests.
  { q: "Phalen", expect: "/conditions/carpal-tunnel-syndrome/", kind: "eponym" },
  { q: "Finkelstein", expect: "/conditions/de-quervains-tenosynovitis/", kind: "eponym" },
  { q: "Thomas test", expect: "/techniques/muscle-energy-technique/", kind: "eponym" },
  // What a patient types.
  { q: "heel pain", expect: "/conditions/plantar-fasciitis/", kind: "patient" },
  { q: "pins and needles", expect: "/conditions/carpal-tunnel-syndrome/", kind: "patient" },
  { q: "numb fingers at night", expect: "/conditions/carpal-tunnel-syndrome/", kind: "patient" },
  { q: "stiff neck", expect: "/conditions/neck-pain/", kind: "patient" },
  { q: "knots in my shoulders", expect: "/techniques/trigger-point-therapy/", kind: "patient" },
  { q: "jaw clicking", expect: "/conditions/temporomandibular-disorder/", kind: "patient" },
  { q: "pain on the outside of the hip", expect: "/conditions/greater-trochanteric-pain/", kind: "patient" },
  { q: "rolled ankle", expect: "/conditions/lateral-ankle-sprain/", kind: "patient" },
  {
    q: "can't lift my arm",
    expect: ["/conditions/frozen-shoulder/", "/conditions/rotator-cuff-tendinopathy/"],
    kind: "patient",
  },
  // Misspellings.
  { q: "plantar fascitis", expect: "/conditions/plantar-fasciitis/", kind: "misspelling" },
  { q: "carpel tunnel", expect: "/conditions/carpal-tunnel-syndrome/", kind: "misspelling" },
  { q: "suprapsinatus", expect: "/anatomy/supraspinatus/", kind: "misspelling" },
  { q: "frozen sholder", expect: "/conditions/frozen-shoulder/", kind: "misspelling" },
  // Glossary terms land on their anchor.
  { q: "end feel", expect: "/glossary/#end-feel", kind: "glossary" },
];
