// Reads and validates every anatomy record (content/anatomy/**/*.yaml) with the site's schema; errors name the
// file and the field.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { type AnatomyRecord, anatomyRecordSchema } from "../src/schemas/anatomy-record.ts";

export interface LoadedRecord {
  /** Path relative to the project root, forward slashes. */
  file: string;
  record: AnatomyRecord;
  /** Raw file text (for the cache key). */
  text: string;
}

export function loadRecords(root: string): LoadedRecord[] {
  const dir = join(root, "content", "anatomy");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f))
    .sort();
  const out: LoadedRecord[] = [];
  const errors: string[] = [];
  for (const path of files) {
    const file = relative(root, path).split(sep).join("/");
    const text = readFileSync(path, "utf8");
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      errors.push(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    const result = anatomyRecordSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push(`${file}: ${issue.path.length ? issue.path.join(".") : "(record)"}: ${issue.message}`);
      }
      continue;
    }
    out.push({ file, record: result.data, text });
  }
  if (errors.length) throw new Error(`invalid anatomy records:\n  ${errors.join("\n  ")}`);
  const seen = new Map<string, string>();
  for (const r of out) {
    const other = seen.get(r.record.id);
    if (other) throw new Error(`${r.file}: id: "${r.record.id}" is also used by ${other}`);
    seen.set(r.record.id, r.file);
  }
  return out.sort((a, b) => a.record.id.localeCompare(b.record.id));
}
