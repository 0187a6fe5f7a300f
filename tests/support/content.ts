// Reads the content folders for tests: MDX frontmatter and YAML records. Fails loudly (naming the folder or file)
// when a folder is missing or empty, so a test over "every page" can never pass on no pages.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseMdx } from "../../src/content-check/load.ts";

export const contentDir = new URL("../../content/", import.meta.url).pathname;

function filesIn(dir: string, ext: string, recursive = false): string[] {
  const full = join(contentDir, dir);
  const files = readdirSync(full, { recursive, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .sort();
  if (files.length === 0) throw new Error(`content/${dir}: no ${ext} files`);
  return files;
}

export interface MdxPage<T> {
  slug: string;
  file: string;
  data: T;
  body: string;
}

/** Every MDX page of a collection folder, parsed frontmatter and body, sorted by slug. */
export function mdxPages<T = Record<string, unknown>>(dir: "lessons" | "conditions" | "techniques"): MdxPage<T>[] {
  return filesIn(dir, ".mdx").map((f) => {
    const file = `content/${dir}/${f}`;
    const { data, body } = parseMdx(readFileSync(join(contentDir, dir, f), "utf8"), file);
    return { slug: f.replace(/\.mdx$/, ""), file, data: data as T, body };
  });
}

/** Every YAML file under a folder (recursively), parsed. */
export function yamlRecords<T = Record<string, unknown>>(dir: string): { file: string; data: T }[] {
  return filesIn(dir, ".yaml", true).map((f) => ({
    file: `content/${dir}/${f}`,
    data: parseYaml(readFileSync(join(contentDir, dir, f), "utf8")) as T,
  }));
}
