// Reads the site's MDX pages as text units (sentences, clauses, list items with their heading) for wording checks.
import { mdxPages } from "./content.ts";

export interface TextUnit {
  /** Page file relative to the content folder, and where in it: plainSummary, body, or a frontmatter path. */
  where: string;
  text: string;
}

export interface PageText {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every MDX page under content/{conditions,lessons,techniques} (through mdxPages, which fails on an empty folder). */
export function readPages(): PageText[] {
  return (["conditions", "lessons", "techniques"] as const).flatMap((dir) =>
    mdxPages(dir).map((p) => ({ file: `${dir}/${p.slug}.mdx`, frontmatter: p.data, body: p.body })),
  );
}

/** Sentences and clauses (split at . ! ? and ;) of a prose string, with markup removed. */
export function sentences(text: string): string[] {
  const plain = text
    .replace(/<[^>]+>/g, " ")
    .replace(/[*_`|]/g, " ")
    .replace(/\s+/g, " ");
  return plain
    .split(/(?<=[.!?;])\s+(?=[A-Z("“0-9-])|;\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** All strings in a frontmatter value, with their path (e.g. questions[2].explanation). */
function frontmatterStrings(value: unknown, path: string, out: TextUnit[], file: string, skip: Set<string>) {
  if (skip.has(path)) return;
  if (typeof value === "string") {
    for (const s of sentences(value)) out.push({ where: `${file} ${path}`, text: s });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      frontmatterStrings(v, `${path}[${i}]`, out, file, skip);
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) frontmatterStrings(v, path ? `${path}.${k}` : k, out, file, skip);
  }
}

/**
 * The text units of a page: frontmatter strings (but not the keys in `skip`) and the body. A list item is one
 * unit joined with the heading it sits under, so a list under "### See a doctor the same day" carries that level.
 */
export function textUnits(page: PageText, skip: string[] = []): TextUnit[] {
  const out: TextUnit[] = [];
  // Wrong answer options may state a wrong urgency on purpose: only the stem with the right answer is checked.
  const { questions, ...rest } = page.frontmatter;
  frontmatterStrings(rest, "", out, page.file, new Set(skip));
  if (Array.isArray(questions)) {
    questions.forEach((q: { q: string; options: string[]; answer: number; explanation: string }, i) => {
      out.push({ where: `${page.file} questions[${i}]`, text: `${q.q} ${q.options[q.answer] ?? ""}` });
      for (const s of sentences(q.explanation))
        out.push({ where: `${page.file} questions[${i}].explanation`, text: s });
    });
  }
  let heading = "";
  const lines = page.body.split("\n");
  let paragraph: string[] = [];
  let item: string[] | null = null;
  const flush = () => {
    if (item) out.push({ where: `${page.file} body`, text: `${heading} — ${sentences(item.join(" ")).join(" ")}` });
    item = null;
    for (const s of sentences(paragraph.join(" "))) out.push({ where: `${page.file} body`, text: s });
    paragraph = [];
  };
  for (const line of lines) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      flush();
      heading = h[1] ?? "";
    } else if (/^\s*\|/.test(line)) {
      // A table row is a unit of its own.
      flush();
      paragraph = [line];
      flush();
    } else if (/^\s*(?:[-*]|\d+\.)\s+/.test(line)) {
      flush();
      item = [line.replace(/^\s*(?:[-*]|\d+\.)\s+/, "")];
    } else if (line.trim() === "") {
      flush();
    } else if (item) {
      item.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out;
}
