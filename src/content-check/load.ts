// Reads a collection's files as the site's loaders do (src/schemas/collections.ts says where), without Astro: for
// the content check before the build and for the tests. Fails loudly, naming the folder, when a folder is missing or
// holds no files, so a check over "every page" can never pass on no pages.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { CollectionSource } from "../schemas/collections.ts";

/** One entry as read from disk, before its schema is applied. */
export interface RawEntry {
  /** Project-relative file, e.g. content/conditions/frozen-shoulder.mdx. */
  file: string;
  /** The entry id the site uses (file name, or the record's `id`). */
  id: string;
  /** Frontmatter or YAML data. */
  data: Record<string, unknown>;
  /** MDX body (pages only). */
  body?: string;
  /** Field prefix locating the entry in a list file, e.g. "[3]", or "" for a file per entry. */
  at: string;
}

/** An MDX file's YAML frontmatter and body. */
export function parseMdx(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter block (--- at the top and after the YAML)`);
  const data = parseYaml(match[1] ?? "") as unknown;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${file}: frontmatter is not a map`);
  return { data: data as Record<string, unknown>, body: match[2] ?? "" };
}

function parseYamlFile(root: string, file: string): unknown {
  try {
    return parseYaml(readFileSync(join(root, file), "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
}

/** Every entry of one collection under `root`. */
export function readCollection(root: string, source: CollectionSource): RawEntry[] {
  if (source.kind === "folder") {
    let names: string[];
    try {
      names = readdirSync(join(root, source.dir), { recursive: source.recursive, encoding: "utf8" });
    } catch {
      throw new Error(`${source.dir}: folder missing`);
    }
    const files = names.filter((f) => f.endsWith(source.ext)).sort();
    if (files.length === 0) throw new Error(`${source.dir}: no ${source.ext} files`);
    return files.map((name) => {
      const file = `${source.dir}/${name}`;
      const stem = basename(name, source.ext);
      if (source.ext === ".mdx") {
        const { data, body } = parseMdx(readFileSync(join(root, file), "utf8"), file);
        return { file, id: stem, data, body, at: "" };
      }
      const data = parseYamlFile(root, file);
      if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${file}: not a YAML map`);
      const record = data as Record<string, unknown>;
      const id = source.idField ? String(record[source.idField] ?? "") : stem;
      return { file, id, data: record, at: "" };
    });
  }
  const parsed = parseYamlFile(root, source.file);
  const list = source.key ? (parsed as Record<string, unknown> | null)?.[source.key] : parsed;
  if (!Array.isArray(list)) {
    throw new Error(`${source.file}: expected ${source.key ? `a top-level "${source.key}:" list` : "a list"}`);
  }
  if (list.length === 0) throw new Error(`${source.file}: the list is empty`);
  return list.map((item, i) => {
    const data = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    return { file: source.file, id: String(data["id"] ?? ""), data, at: `${source.key ?? ""}[${i}]` };
  });
}
