// Maps a teaching page's URL back to its content entry, so inline components (Term, Cite) can name the source
// file in build errors and read the page's own frontmatter (its reference list).

/** Collections whose entries are MDX teaching pages, keyed by their URL section. */
const SECTIONS = { learn: "lessons", conditions: "conditions", techniques: "techniques" } as const;
export type TeachingCollection = (typeof SECTIONS)[keyof typeof SECTIONS];

/** The collection and entry id a page path such as "/learn/tissues-101/" is rendered from, if any. */
export function pageEntryForPath(pathname: string): { collection: TeachingCollection; id: string } | undefined {
  const match = /^\/(learn|conditions|techniques)\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  const section = match[1] as keyof typeof SECTIONS;
  return { collection: SECTIONS[section], id: match[2] ?? "" };
}

/** A readable name for the file behind a page, for error messages: "content/lessons/x.mdx (page /learn/x/)". */
export function sourceForPath(pathname: string): string {
  const entry = pageEntryForPath(pathname);
  return entry ? `content/${entry.collection}/${entry.id}.mdx (page ${pathname})` : `page ${pathname}`;
}
