// Every structure a condition or technique guide names in its text, where the atlas has a record for it, resolves
// to that record: the guide shows it in a 3D figure (focus, secondary or framed) or links its atlas page. Bones
// and the skin are left out (every model shows them as context), as are organs and endangerment sites.
import { describe, expect, it } from "vitest";
import { structuresOfPage } from "../../src/lib/anatomy-graph.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";

interface AtlasEntry {
  id: string;
  name: string;
  aliases?: string[];
  tissue: string;
}
interface Figure {
  focus: string[];
  secondary?: string[];
  frame?: string[];
}

const CONTEXT = new Set(["bone", "skin", "organ", "zone"]);
const records = yamlRecords<AtlasEntry>("anatomy").map((r) => r.data);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Names and aliases, longest first, so "biceps femoris" is read before the alias "biceps" of biceps brachii. */
const names = records
  .filter((r) => !CONTEXT.has(r.tissue))
  .flatMap((r) => [r.name, ...(r.aliases ?? [])].filter((n) => n.length > 3).map((n) => ({ id: r.id, name: n })))
  .sort((a, b) => b.name.length - a.name.length);
const allNames = records
  .flatMap((r) => [r.name, ...(r.aliases ?? [])].map((n) => ({ id: r.id, name: n })))
  .sort((a, b) => b.name.length - a.name.length);

/** The guide's own prose: no code, no components (figures are read from their attributes), no link targets. */
function prose(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[A-Z][A-Za-z]*\b[\s\S]*?\/>/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/\s+/g, " ");
}

/** Atlas records a text names, longest names first; a longer name hides the shorter ones inside it. */
function mentionedIds(text: string): Set<string> {
  let rest = text;
  const found = new Set<string>();
  for (const { id, name } of allNames) {
    const re = new RegExp(`\\b${escapeRegExp(name)}\\b`, "gi");
    if (!re.test(rest)) continue;
    if (names.some((n) => n.id === id && n.name === name)) found.add(id);
    rest = rest.replace(re, " ");
  }
  return found;
}

const pages = [
  ...mdxPages<{ anatomy: Figure[] }>("conditions").map((p) => ({ kind: "conditions" as const, ...p })),
  ...mdxPages<{ anatomy: Figure[] }>("techniques").map((p) => ({ kind: "techniques" as const, ...p })),
];

describe("anatomy mentions in the guides", () => {
  it("reads names longest first, so a shorter alias inside a longer name is not a mention", () => {
    expect([...mentionedIds("Stretch the biceps femoris and the hamstrings.")]).toContain("biceps-femoris");
    expect([...mentionedIds("Stretch the biceps femoris and the hamstrings.")]).not.toContain("biceps-brachii");
    expect([...mentionedIds("The median nerve passes the carpal tunnel.")]).toContain("median-nerve");
    expect(mentionedIds("The heel bone and the skin.").size).toBe(0);
  });

  it.each(pages.map((p) => [`${p.kind}/${p.slug}`, p] as const))(
    "%s: every atlas structure named in the text is in a figure or linked to its atlas page",
    (_name, page) => {
      const shown = new Set(
        structuresOfPage({
          kind: page.kind,
          id: page.slug,
          title: "",
          specs: page.data.anatomy.map((f) => ({ focus: f.focus, secondary: f.secondary ?? [] })),
        }).keys(),
      );
      for (const f of page.data.anatomy) for (const id of f.frame ?? []) shown.add(id);
      for (const m of page.body.matchAll(/\]\(\/anatomy\/([a-z0-9-]+)\/\)|href="\/anatomy\/([a-z0-9-]+)\/"/g)) {
        shown.add(m[1] ?? m[2] ?? "");
      }
      const unresolved = [...mentionedIds(prose(page.body))].filter((id) => !shown.has(id));
      expect(unresolved, `${page.file}: name these in a figure or link /anatomy/<id>/`).toEqual([]);
    },
  );
});
