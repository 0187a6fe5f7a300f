// Turns a page's `related` site paths into labelled links, failing the build (naming the file) when a path
// points at a page that does not exist, so related links can never rot.
import { getEntry } from "astro:content";

export interface RelatedLink {
  href: string;
  label: string;
  /** What kind of page it is, shown after the link. */
  kind?: string;
}

const SECTION_PAGES: Readonly<Record<string, string>> = {
  "/learn/": "All lessons",
  "/conditions/": "All conditions",
  "/techniques/": "All techniques",
  "/anatomy/": "Anatomy atlas",
  "/anatomy/explore/": "3D anatomy explorer",
  "/glossary/": "Glossary",
  "/practice/": "Practice questions, 3D quizzes and flashcards",
};

async function resolve(path: string): Promise<RelatedLink | undefined> {
  const section = SECTION_PAGES[path];
  if (section) return { href: path, label: section };
  const match = /^\/(learn|conditions|techniques|anatomy)\/([a-z0-9-]+)\/$/.exec(path);
  if (!match) return undefined;
  const [, kind, id = ""] = match;
  if (kind === "learn") {
    const e = await getEntry("lessons", id);
    return e && { href: path, label: e.data.title, kind: "lesson" };
  }
  if (kind === "conditions") {
    const e = await getEntry("conditions", id);
    return e && { href: path, label: e.data.title, kind: "condition" };
  }
  if (kind === "techniques") {
    const e = await getEntry("techniques", id);
    return e && { href: path, label: e.data.title, kind: "technique" };
  }
  const e = await getEntry("anatomy", id);
  return e && { href: path, label: e.data.name, kind: "anatomy" };
}

/** Labelled links for `related` paths; throws naming `source` for a path with no page behind it. */
export async function relatedLinks(paths: readonly string[], source: string): Promise<RelatedLink[]> {
  const links: RelatedLink[] = [];
  for (const path of paths) {
    const link = await resolve(path);
    if (!link) throw new Error(`${source}: related path "${path}" does not match any page of the site.`);
    links.push(link);
  }
  return links;
}
