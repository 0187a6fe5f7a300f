// Condition guides: the guides the first issue required exist; every guide has with the fixed template (six body headings in order), a plain
// summary at grade 8 or lower, 3D figures whose ids exist in the model they name, red flags, references that
// exist and are all cited, glossary terms that exist, and links only to guides that exist. Also the evidence
// citation parser and the region grouping of the index.
import { describe, expect, it } from "vitest";
import { citedIds, parseEvidence } from "../../src/components/condition/evidence-text.ts";
import { CONDITION_REGIONS, groupByRegion } from "../../src/components/condition/regions.ts";
import { CONDITION_BODY_SECTIONS } from "../../src/components/condition/sections.ts";
import { fleschKincaidGrade, splitWords } from "../../src/lib/readability.ts";
import { conditionRegionSchema } from "../../src/schemas/condition.ts";
import { anatomyById, idsOf, mdxPages } from "../support/content.ts";

/** The guides the first issue required (a floor: more guides need no change here). */
const REQUIRED = [
  "carpal-tunnel-syndrome",
  "frozen-shoulder",
  "plantar-fasciitis",
  "tennis-elbow",
  "rotator-cuff-tendinopathy",
  "achilles-tendinopathy",
  "low-back-pain",
  "whiplash",
  "hip-replacement-recovery",
  "knee-replacement-recovery",
  "tension-headache",
  "hamstring-strain",
];
const BODY_HEADINGS: readonly string[] = CONDITION_BODY_SECTIONS;

interface ViewerSpec {
  model: string;
  focus: string[];
  secondary?: string[];
  frame?: string[];
  view?: string;
  caption: string;
  referredPain?: string;
}
interface Question {
  q: string;
  options: string[];
  answer: number;
  explanation: string;
}
interface ConditionFrontmatter {
  type: string;
  title: string;
  description: string;
  region: string;
  plainSummary: string;
  alsoKnownAs: string[];
  anatomy: ViewerSpec[];
  redFlags: string[];
  evidence: string;
  keyTerms: string[];
  references: string[];
  questions: Question[];
  lastReviewed: string | Date;
  relatedConditions?: string[];
  techniques?: string[];
}

const pages = mdxPages<ConditionFrontmatter>("conditions");
const slugs = pages.map((p) => p.slug);

const referenceIds = idsOf("references");
const glossaryIds = idsOf("glossary");
const anatomy = anatomyById();
const techniqueFiles = new Set(mdxPages("techniques").map((p) => p.slug));

function attributeValues(body: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\s${attribute}="([^"]+)"`, "g");
  return [...body.matchAll(pattern)].map((m) => m[1] ?? "");
}

/** Visible prose of an MDX body: tags, table markup and Markdown syntax removed. */
function proseOf(body: string): string {
  return body
    .replace(/<[^>]+>/g, " ")
    .replace(/[#*_`|>]/g, " ")
    .replace(/\s+/g, " ");
}

describe("the set of condition guides", () => {
  it("has every guide the issue requires", () => {
    expect(REQUIRED.filter((s) => !slugs.includes(s))).toEqual([]);
  });

  it("never repeats a title or an also-known-as name across guides", () => {
    const names = pages.flatMap((p) => [p.data.title, ...p.data.alsoKnownAs].map((n) => n.toLowerCase()));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe.each(pages.map((p) => [p.file, p] as const))("%s", (file, { slug, data, body }) => {
  it("has the condition frontmatter the template needs", () => {
    expect(data.type).toBe("condition");
    expect(data.title.length).toBeGreaterThan(3);
    expect(data.description.length).toBeGreaterThanOrEqual(20);
    expect(data.description.length).toBeLessThanOrEqual(200);
    expect(CONDITION_REGIONS as readonly string[]).toContain(data.region);
    expect(data.alsoKnownAs.length).toBeGreaterThanOrEqual(1);
    expect(data.redFlags.length, "at least three red flags").toBeGreaterThanOrEqual(3);
    expect(data.evidence.length).toBeGreaterThan(200);
    expect(String(data.lastReviewed instanceof Date ? data.lastReviewed.toISOString() : data.lastReviewed)).toMatch(
      /^\d{4}-\d{2}-\d{2}/,
    );
  });

  it("has the six body sections as ## headings, exactly and in order", () => {
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? "").trim());
    expect(headings).toEqual(BODY_HEADINGS);
  });

  it("has an 'In plain words' summary at Flesch-Kincaid grade 8 or lower", () => {
    const grade = fleschKincaidGrade(data.plainSummary);
    expect(grade, `${file}: plainSummary grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(8);
    expect(splitWords(data.plainSummary).length).toBeGreaterThanOrEqual(60);
  });

  it("is a full guide (roughly 1000 to 2500 words of text)", () => {
    const words = splitWords(`${data.plainSummary} ${proseOf(body)} ${data.evidence}`).length;
    expect(words, `${file}: ${words} words`).toBeGreaterThanOrEqual(1000);
    expect(words, `${file}: ${words} words`).toBeLessThanOrEqual(2500);
  });

  it("shows 1 to 3 figures whose ids exist in the model they name", () => {
    expect(data.anatomy.length).toBeGreaterThanOrEqual(1);
    expect(data.anatomy.length).toBeLessThanOrEqual(3);
    for (const spec of data.anatomy) {
      expect(spec.focus.length, `${file}: a figure without focus`).toBeGreaterThan(0);
      expect(spec.caption.length).toBeGreaterThan(30);
      const secondary = spec.secondary ?? [];
      expect(
        secondary.filter((id) => spec.focus.includes(id)),
        `${file}: ids both focus and secondary`,
      ).toEqual([]);
      if (spec.referredPain) {
        const record = anatomy.get(spec.referredPain);
        expect(record?.referredPain, `${file}: ${spec.referredPain} has no referred-pain zone`).toBeDefined();
        expect(
          [...spec.focus, ...secondary],
          `${file}: a referred-pain zone belongs to a structure the figure highlights`,
        ).toContain(spec.referredPain);
      }
      for (const id of [...spec.focus, ...secondary, ...(spec.frame ?? [])]) {
        const record = anatomy.get(id);
        expect(record, `${file}: unknown anatomy id ${id}`).toBeDefined();
        if (!["body", "skeleton"].includes(spec.model)) {
          expect(record?.regions, `${file}: ${id} is not in the ${spec.model} model`).toContain(spec.model);
        }
      }
    }
  });

  it("cites only listed references that exist, and every listed reference in order of first citation", () => {
    expect(data.references.filter((id) => !referenceIds.has(id))).toEqual([]);
    const cited: string[] = [];
    const add = (id: string) => {
      if (!cited.includes(id)) cited.push(id);
    };
    for (const value of attributeValues(body, "Cite", "id")) for (const id of value.split(/\s+/)) add(id);
    for (const id of citedIds(data.evidence)) add(id);
    expect(cited.length, "cites at least two sources").toBeGreaterThanOrEqual(2);
    expect(data.references, `${file}: references should follow first citation order (body, then evidence)`).toEqual(
      cited,
    );
    expect(citedIds(data.evidence).length, "the evidence section cites its sources").toBeGreaterThanOrEqual(1);
    // Throws on malformed or unlisted citations, as the build does.
    expect(() => parseEvidence(data.evidence, data.references, file)).not.toThrow();
  });

  it("uses only glossary terms that exist and lists exactly the terms it links", () => {
    expect(data.keyTerms.filter((id) => !glossaryIds.has(id))).toEqual([]);
    const linked = [...new Set(attributeValues(body, "Term", "id"))];
    expect(linked.filter((id) => !glossaryIds.has(id))).toEqual([]);
    expect([...linked].sort()).toEqual([...data.keyTerms].sort());
  });

  it("links techniques and other guides only by existing slugs, and at least one technique", () => {
    const hrefs = attributeValues(body, "PageLink", "href");
    const techniqueLinks = hrefs.filter((h) => h.startsWith("/techniques/"));
    expect(techniqueLinks.length, `${file}: links no technique page`).toBeGreaterThan(0);
    for (const href of hrefs) {
      const [, section, target = ""] = /^\/(conditions|techniques|learn)\/([a-z0-9-]+)\/$/.exec(href) ?? [];
      expect(section, `${file}: <PageLink href="${href}">`).toBeDefined();
      if (section === "techniques") expect([...techniqueFiles]).toContain(target);
      if (section === "conditions") expect(slugs).toContain(target);
    }
    expect(body, `${file}: use <PageLink> for guides (a plain link breaks while a guide is unwritten)`).not.toMatch(
      /\]\(\/(?:conditions|techniques)\/[a-z0-9-]+\/\)/,
    );
  });

  it("lists as related techniques exactly the technique pages its text links, in order of first link", () => {
    const linked: string[] = [];
    for (const href of attributeValues(body, "PageLink", "href")) {
      const technique = /^\/techniques\/([a-z0-9-]+)\/$/.exec(href)?.[1];
      if (technique && !linked.includes(technique)) linked.push(technique);
    }
    expect(data.techniques ?? [], `${file}: techniques`).toEqual(linked);
  });

  it("relates only to guides and techniques that exist, never to itself", () => {
    for (const id of data.relatedConditions ?? []) {
      expect(slugs, `${file}: relatedConditions ${id}`).toContain(id);
      expect(id).not.toBe(slug);
    }
    for (const id of data.techniques ?? []) expect(techniqueFiles, `${file}: techniques ${id}`).toContain(id);
  });

  it("has 3 to 6 questions whose answers point at a real, distinct option", () => {
    expect(data.questions.length).toBeGreaterThanOrEqual(3);
    expect(data.questions.length).toBeLessThanOrEqual(6);
    for (const q of data.questions) {
      expect(q.answer, q.q).toBeLessThan(q.options.length);
      expect(new Set(q.options).size, q.q).toBe(q.options.length);
      expect(q.explanation.length, q.q).toBeGreaterThan(40);
    }
  });
});

describe("evidence citations", () => {
  const listed = ["a-2020", "b-2021", "c-2022"];

  it("numbers citations by the page's reference order and keeps the text around them", () => {
    const [paragraph] = parseEvidence("Weak evidence [@b-2021]. Mixed [@c-2022 @a-2020] results.", listed, "x.mdx");
    expect(paragraph).toEqual([
      { kind: "text", text: "Weak evidence " },
      { kind: "cite", refs: [{ id: "b-2021", n: 2 }] },
      { kind: "text", text: ". Mixed " },
      {
        kind: "cite",
        refs: [
          { id: "c-2022", n: 3 },
          { id: "a-2020", n: 1 },
        ],
      },
      { kind: "text", text: " results." },
    ]);
  });

  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    const paragraphs = parseEvidence("One\nline.\n\nTwo [@a-2020].", listed, "x.mdx");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toEqual([{ kind: "text", text: "One line." }]);
  });

  it("fails naming the file for an id the page does not list", () => {
    expect(() => parseEvidence("Claim [@z-1999].", listed, "content/conditions/x.mdx")).toThrow(
      /content\/conditions\/x\.mdx.*z-1999/,
    );
  });

  it("fails on a malformed citation instead of printing it", () => {
    expect(() => parseEvidence("Claim [@A-2020].", listed, "x.mdx")).toThrow(/malformed citation/);
  });

  it("lists cited ids once, in order of first citation", () => {
    expect(citedIds("x [@c-2022] y [@a-2020; @c-2022] z")).toEqual(["c-2022", "a-2020"]);
  });
});

describe("grouping the index by region", () => {
  it("orders groups head to foot, drops empty regions and keeps item order", () => {
    const items = [
      { id: "heel", region: "leg-foot" },
      { id: "neck", region: "head-neck" },
      { id: "arch", region: "leg-foot" },
    ] as const;
    const groups = groupByRegion(items, (i) => i.region);
    expect(groups.map((g) => g.region)).toEqual(["head-neck", "leg-foot"]);
    expect(groups.map((g) => g.label)).toEqual(["Head and neck", "Lower leg and foot"]);
    expect(groups[1]?.items.map((i) => i.id)).toEqual(["heel", "arch"]);
  });

  it("uses the same regions as the conditions schema", () => {
    expect(conditionRegionSchema.options).toEqual([...CONDITION_REGIONS]);
  });
});
