// Lesson and glossary content integrity: the lessons and their order, references, glossary terms,
// in-text citations, 3D figure ids and the readability of every "In short" summary.
import { describe, expect, it } from "vitest";
import { fleschKincaidGrade } from "../../src/lib/readability.ts";
import { entries, idsOf, mdxPages, yamlRecords } from "../support/content.ts";

interface Question {
  q: string;
  options: string[];
  answer: number;
  explanation: string;
}
interface LessonFrontmatter {
  type: string;
  title: string;
  description: string;
  order: number;
  audience: string[];
  objectives: string[];
  plainSummary: string;
  keyTerms: string[];
  references: string[];
  questions: Question[];
  lastReviewed: string | Date;
  related: string[];
}
interface Page {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every page of a collection, as the tests below read it. */
function pagesOf(dir: "lessons" | "conditions" | "techniques"): Page[] {
  return mdxPages(dir).map((p) => ({ file: p.file, frontmatter: p.data, body: p.body }));
}

const lessonPages = pagesOf("lessons");
const lessons = lessonPages.map((p) => ({ ...p, data: p.frontmatter as unknown as LessonFrontmatter }));
const slugOf = (file: string) => file.replace(/^.*\//, "").replace(/\.mdx$/, "");

const referenceIds = idsOf("references");
const glossaryIds = idsOf("glossary");
const anatomy = new Map(entries<{ id: string; regions: string[] }>("anatomy").map((e) => [e.id, e.data]));

/** All values of an attribute on a JSX tag in MDX, e.g. every id of <Term id="...">. */
function attributeValues(body: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\s${attribute}="([^"]+)"`, "g");
  return [...body.matchAll(pattern)].map((m) => m[1] ?? "");
}

const EXPECTED_SLUGS = [
  "what-is-orthopedic-massage",
  "orthopedic-vs-medical-massage",
  "the-orthopedic-session",
  "safety-and-referral",
  // Issue 19: the endangerment sites follow the safety lesson.
  "endangerment-sites",
  "tissues-101",
];

// The condition and technique guides that exist.
const CONDITION_SLUGS = mdxPages("conditions").map((p) => p.slug);
const TECHNIQUE_SLUGS = mdxPages("techniques").map((p) => p.slug);

describe("the lesson sequence", () => {
  it("opens with the lessons in the order the issues list them, numbered 1 to n without gaps", () => {
    const byOrder = [...lessons].sort((a, b) => a.data.order - b.data.order);
    expect(byOrder.map((l) => slugOf(l.file)).slice(0, EXPECTED_SLUGS.length)).toEqual(EXPECTED_SLUGS);
    expect(byOrder.map((l) => l.data.order)).toEqual(byOrder.map((_, i) => i + 1));
  });
});

describe.each(lessons.map((l) => [l.file, l] as const))("%s", (_name, lesson) => {
  const { data, body, file } = lesson;

  it("has the required frontmatter", () => {
    expect(data.type).toBe("lesson");
    expect(data.title.length).toBeGreaterThan(3);
    expect(data.description.length).toBeLessThanOrEqual(200);
    expect(data.objectives.length).toBeGreaterThanOrEqual(3);
    expect(data.audience).toContain("student");
    expect(String(data.lastReviewed)).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("has 3 to 6 questions whose answers point at a real option", () => {
    expect(data.questions.length).toBeGreaterThanOrEqual(3);
    expect(data.questions.length).toBeLessThanOrEqual(6);
    for (const q of data.questions) {
      expect(q.answer, q.q).toBeLessThan(q.options.length);
      expect(q.explanation.length, q.q).toBeGreaterThan(40);
      expect(new Set(q.options).size, `duplicate options in "${q.q}"`).toBe(q.options.length);
    }
  });

  it("cites only references that exist, lists each one it cites, in order of first citation", () => {
    const unknown = data.references.filter((id) => !referenceIds.has(id));
    expect(unknown, `${file}: unknown reference ids`).toEqual([]);
    const cited: string[] = [];
    for (const value of attributeValues(body, "Cite", "id")) {
      for (const id of value.split(/\s+/)) if (!cited.includes(id)) cited.push(id);
    }
    expect(cited.length, "cites at least three sources in the text").toBeGreaterThanOrEqual(3);
    expect(data.references, `${file}: references should follow first citation order`).toEqual(cited);
  });

  it("uses only glossary terms that exist, and lists every term it links as a key term", () => {
    const unknownKeyTerms = data.keyTerms.filter((id) => !glossaryIds.has(id));
    expect(unknownKeyTerms, `${file}: keyTerms without a glossary file`).toEqual([]);
    const linked = [...new Set(attributeValues(body, "Term", "id"))];
    expect(
      linked.filter((id) => !glossaryIds.has(id)),
      `${file}: <Term> ids without a glossary file`,
    ).toEqual([]);
    expect(
      linked.filter((id) => !data.keyTerms.includes(id)),
      `${file}: <Term> ids missing from keyTerms`,
    ).toEqual([]);
    expect(
      data.keyTerms.filter((id) => !linked.includes(id)),
      `${file}: keyTerms never used in the text`,
    ).toEqual([]);
  });

  it("has an 'In short' summary at Flesch-Kincaid grade 8 or lower", () => {
    const grade = fleschKincaidGrade(data.plainSummary);
    expect(grade, `${file}: plainSummary grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(8);
  });

  it("links condition and technique guides only by slugs that exist", () => {
    for (const href of attributeValues(body, "PageLink", "href")) {
      const [, section, slug = ""] = /^\/(conditions|techniques|learn)\/([a-z0-9-]+)\/$/.exec(href) ?? [];
      const known =
        section === "conditions"
          ? CONDITION_SLUGS
          : section === "techniques"
            ? TECHNIQUE_SLUGS
            : lessons.map((l) => slugOf(l.file));
      expect(known, `${file}: <PageLink href="${href}">`).toContain(slug);
    }
    // Plain links to those guides would break while a guide is unwritten; PageLink degrades to text.
    expect(body, `${file}: use <PageLink> for condition and technique guides`).not.toMatch(
      /\]\(\/(?:conditions|techniques)\/[a-z0-9-]+\/\)|<a href="\/(?:conditions|techniques)\/[a-z0-9-]+\/"/,
    );
  });

  it("links related pages that are lessons or section pages of the site", () => {
    for (const path of data.related) {
      const lesson = /^\/learn\/([a-z0-9-]+)\/$/.exec(path)?.[1];
      if (lesson)
        expect(
          lessons.map((l) => slugOf(l.file)),
          `${file}: related ${path}`,
        ).toContain(lesson);
      else expect(path).toMatch(/^\/(?:learn|conditions|techniques|anatomy|glossary|practice)\/(?:[a-z0-9-]+\/)*$/);
    }
  });
});

describe("lesson-specific requirements", () => {
  const find = (slug: string) => {
    const lesson = lessons.find((l) => slugOf(l.file) === slug);
    if (!lesson) throw new Error(`lesson ${slug} missing`);
    return lesson;
  };

  it("the comparison lesson has a table with a header row covering the seven aspects", () => {
    const { body } = find("orthopedic-vs-medical-massage");
    const table = /<table id="comparison-table">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? "";
    expect(table).toMatch(/<thead>\s*<tr>\s*<th scope="col">/);
    const rows = [...table.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(rows).toEqual([
      "Who initiates or prescribes",
      "Main goal",
      "Scope",
      "Assessment",
      "Typical techniques",
      "Setting and documentation",
      "Examples",
    ]);
  });

  it("the session lesson walks through all ten steps in order", () => {
    const { body } = find("the-orthopedic-session");
    expect(attributeValues(body, "Step", "title")).toEqual([
      "Intake and history",
      "Postural assessment",
      "Movement testing: active, passive and resisted",
      "Special tests",
      "Palpation",
      "Forming a treatment plan",
      "Treatment with continuous feedback",
      "Re-assessment",
      "Aftercare: self-care, stretches and home exercise",
      "Documentation: SOAP notes",
    ]);
  });

  it("tissues 101 shows each of the seven tissue types in 3D", () => {
    const { frontmatter } = find("tissues-101");
    const focused = ((frontmatter["anatomy"] ?? []) as { focus: string[] }[]).flatMap((f) => f.focus);
    const tissueOf = new Map(
      yamlRecords<{ id: string; tissue: string }>("anatomy").map((r) => [r.data.id, r.data.tissue]),
    );
    const tissues = new Set(focused.map((id) => tissueOf.get(id)));
    for (const tissue of ["muscle", "tendon", "ligament", "fascia", "nerve", "joint-capsule", "bursa"]) {
      expect(tissues, `no figure focused on a ${tissue}`).toContain(tissue);
    }
  });
});

describe("glossary", () => {
  const glossary = entries<{ term: string; definition: string; structures?: string[] }>("glossary");

  it("has a kebab-case file, a term and a definition for every entry", () => {
    expect(glossary.length).toBeGreaterThanOrEqual(40);
    for (const { id, data } of glossary) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(data.term, `content/glossary/${id}.yaml: term`).toBeTruthy();
      expect(data.definition?.length, `content/glossary/${id}.yaml: definition`).toBeGreaterThan(20);
    }
  });

  it("never defines the same term twice", () => {
    const terms = glossary.map((e) => e.data.term.toLowerCase());
    expect(terms.filter((t, i) => terms.indexOf(t) !== i)).toEqual([]);
  });

  it("points only at anatomy records that exist", () => {
    for (const { id, data } of glossary) {
      for (const s of data.structures ?? []) expect(anatomy.has(s), `content/glossary/${id}.yaml: ${s}`).toBe(true);
    }
  });

  it("defines every <Term> used on any lesson, condition or technique page", () => {
    const pages = [...pagesOf("lessons"), ...pagesOf("conditions"), ...pagesOf("techniques")];
    const missing = pages.flatMap((p) =>
      attributeValues(p.body, "Term", "id")
        .filter((id) => !glossaryIds.has(id))
        .map((id) => `${p.file}: ${id}`),
    );
    expect(missing).toEqual([]);
  });
});
