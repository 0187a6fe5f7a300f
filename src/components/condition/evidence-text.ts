// Parses the `evidence` text of a condition: paragraphs separated by blank lines, with citations written
// [@id] or [@id1 @id2] that become numbered links to the page's reference list. Pure, so tests can use it.

/** A run of a paragraph: plain text, or a citation of one or more references. */
export type EvidencePart = { kind: "text"; text: string } | { kind: "cite"; refs: { id: string; n: number }[] };

const CITATION = /\[((?:@[a-z0-9-]+[\s;,]*)+)\]/g;

/** Reference ids cited in an evidence text, in order of first citation. */
export function citedIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(CITATION)) {
    for (const id of (m[1] ?? "").match(/[a-z0-9-]+/g) ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Splits the text into paragraphs of text and citation parts. Citation numbers follow `listed` (the page's
 * `references` order, as <Cite> numbers them). Throws, naming `where`, on an id the page does not list or a
 * bracket that looks like a citation but does not parse.
 */
export function parseEvidence(text: string, listed: readonly string[], where: string): EvidencePart[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((paragraph) => {
      const parts: EvidencePart[] = [];
      let last = 0;
      for (const m of paragraph.matchAll(CITATION)) {
        const index = m.index ?? 0;
        if (index > last) parts.push({ kind: "text", text: paragraph.slice(last, index) });
        const ids = (m[1] ?? "").match(/[a-z0-9-]+/g) ?? [];
        parts.push({
          kind: "cite",
          refs: ids.map((id) => {
            const n = listed.indexOf(id) + 1;
            if (n === 0) throw new Error(`${where}: evidence cites [@${id}], which is not in the page's references.`);
            return { id, n };
          }),
        });
        last = index + m[0].length;
      }
      if (last < paragraph.length) parts.push({ kind: "text", text: paragraph.slice(last) });
      const stray = parts.find((p) => p.kind === "text" && /\[@/.test(p.text));
      if (stray) throw new Error(`${where}: evidence has a malformed citation near "${paragraph.slice(0, 60)}…".`);
      return parts;
    });
}
