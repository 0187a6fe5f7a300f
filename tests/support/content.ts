// Reads the content collections for tests through the same reader and file list as the content check and the site
// (src/content-check/load.ts over src/schemas/collections.ts), so a test sees exactly the files the build sees. The
// reader fails loudly (naming the folder or file) when a folder is missing or empty, so a test over "every page" can
// never pass on no pages.
import { readCollection } from "../../src/content-check/load.ts";
import { COLLECTION_SOURCES, type CollectionName } from "../../src/schemas/collections.ts";

const root = new URL("../../", import.meta.url).pathname;
export const contentDir = `${root}content/`;

export interface MdxPage<T> {
  slug: string;
  file: string;
  data: T;
  body: string;
}

/** Every MDX page of a collection, parsed frontmatter and body, sorted by slug. */
export function mdxPages<T = Record<string, unknown>>(dir: "lessons" | "conditions" | "techniques"): MdxPage<T>[] {
  return readCollection(root, COLLECTION_SOURCES[dir]).map((e) => ({
    slug: e.id,
    file: e.file,
    data: e.data as T,
    body: e.body ?? "",
  }));
}

/** Every record of a YAML folder collection (one file per entry), parsed. */
export function yamlRecords<T = Record<string, unknown>>(dir: "anatomy" | "glossary"): { file: string; data: T }[] {
  return readCollection(root, COLLECTION_SOURCES[dir]).map((e) => ({ file: e.file, data: e.data as T }));
}

/** Every entry of any collection (folder or list file), as read from disk, before its schema is applied. */
export function entries<T = Record<string, unknown>>(
  name: CollectionName,
): { file: string; id: string; data: T; body: string }[] {
  return readCollection(root, COLLECTION_SOURCES[name]).map((e) => ({
    file: e.at ? `${e.file} ${e.at}` : e.file,
    id: e.id,
    data: e.data as T,
    body: e.body ?? "",
  }));
}

/** The ids of a collection's entries. */
export function idsOf(name: CollectionName): Set<string> {
  return new Set(entries(name).map((e) => e.id));
}

/** Anatomy records by id, with the fields the page tests read. */
export function anatomyById(): Map<string, { id: string; regions: string[]; tissue: string; referredPain?: unknown }> {
  return new Map(
    entries<{ id: string; regions: string[]; tissue: string; referredPain?: unknown }>("anatomy").map((e) => [
      e.id,
      e.data,
    ]),
  );
}
