// Technique guides: the seven guides the first issue names exist (more may be added) with the fixed template (the four MDX body headings in
// order, each frontmatter figure placed once, numbered steps with dosage), a plain summary at grade 8 or lower,
// 3D figures whose ids exist in the model they name and that show the worked examples, contraindications,
// references that exist and are all cited, glossary terms that exist, and the trigger point guide's referred-pain
// zones.
import { describe, expect, it } from "vitest";
import { inModel, MODELS } from "../../models/model-files.ts";
import { citedIds, parseEvidence } from "../../src/components/condition/evidence-text.ts";
import { TECHNIQUE_BODY_SECTIONS } from "../../src/components/technique/sections.ts";
import { fleschKincaidGrade, splitWords } from "../../src/lib/readability.ts";
import { anatomyById, idsOf, mdxPages } from "../support/content.ts";

/** The guides issue 8 requires, with the structures each must show as worked examples. */
const REQUIRED: Record<string, { focus: string[]; bodyMentions: RegExp[] }> = {
  "trigger-point-therapy": {
    focus: ["trapezius", "levator-scapulae", "infraspinatus", "quadratus-lumborum", "gluteus-medius"],
    bodyMentions: [/Travell/, /Simons/, /hypothesis/i],
  },
  "myofascial-release": {
    focus: ["thoracolumbar-fascia", "plantar-fascia", "iliotibial-tract"],
    bodyMentions: [/low-load/i, /hypothesis/i],
  },
  "positional-release": { focus: ["piriformis", "iliacus"], bodyMentions: [/Jones/, /tender point/i, /90 seconds/] },
  "pnf-stretching": {
    focus: ["biceps-femoris", "semitendinosus", "semimembranosus"],
    bodyMentions: [/Kabat/, /Knott/, /[Hh]old-relax/, /[Cc]ontract-relax/],
  },
  "muscle-energy-technique": {
    focus: ["quadratus-lumborum", "psoas-major"],
    bodyMentions: [/Mitchell/, /[Pp]ost-isometric relaxation/],
  },
  "nerve-mobilization": {
    focus: ["median-nerve", "sciatic-nerve"],
    bodyMentions: [/neurodynamics/i, /[Ss]lider/, /[Tt]ensioner/],
  },
  "deep-transverse-friction": {
    focus: ["common-extensor-tendon", "supraspinatus"],
    bodyMentions: [/Cyriax/, /across the fibres/i],
  },
};
const REFERRED_PAIN_MUSCLES = [
  "trapezius",
  "levator-scapulae",
  "sternocleidomastoid",
  "infraspinatus",
  "quadratus-lumborum",
  "gluteus-medius",
  "piriformis",
  "soleus",
];
const MODEL_IDS = MODELS.map((m) => m.model);

interface Spec {
  model: string;
  focus: string[];
  secondary?: string[];
  frame?: string[];
  referredPain?: string;
  caption: string;
}
interface Frontmatter {
  type: string;
  title: string;
  description: string;
  plainSummary: string;
  alsoKnownAs?: string[];
  keyTerms: string[];
  references: string[];
  questions: { q: string; options: string[]; answer: number; explanation: string }[];
  lastReviewed: string | Date;
  anatomy: Spec[];
  referredPainZones?: string[];
  indications: string[];
  contraindications: string[];
  commonMistakes: { mistake: string; instead: string }[];
  evidence: string;
  relatedTechniques?: string[];
}

const pages = mdxPages<Frontmatter>("techniques");
const slugs = pages.map((p) => p.slug);

const referenceIds = idsOf("references");
const glossaryIds = idsOf("glossary");
const anatomy = anatomyById();
const conditionSlugs = idsOf("conditions");

/** The `##` headings of an MDX body, in order. */
function h2s(body: string): string[] {
  return [...body.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? "").trim());
}
/** The text of one `##` section. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  if (start < 0) return "";
  const next = body.indexOf("\n## ", start + 3);
  return body.slice(start, next < 0 ? undefined : next);
}

describe("the set of technique guides", () => {
  it("has every guide the first issue names (more may be added)", () => {
    expect(Object.keys(REQUIRED).filter((s) => !slugs.includes(s))).toEqual([]);
  });
});

describe("the body template helpers", () => {
  it("finds headings and sections", () => {
    const body = "intro\n## One\ntext\n### Sub\n## Two\nmore\n";
    expect(h2s(body)).toEqual(["One", "Two"]);
    expect(section(body, "One")).toContain("### Sub");
    expect(section(body, "One")).not.toContain("more");
  });
});

for (const page of pages) {
  const { file, slug, data, body } = page;
  const required = REQUIRED[slug];

  describe(file, () => {
    it("is a technique with a short description and a review date", () => {
      expect(data.type).toBe("technique");
      expect(data.description.length).toBeLessThanOrEqual(200);
      expect(Number.isNaN(new Date(data.lastReviewed).getTime())).toBe(false);
    });

    it("has a plain summary at Flesch-Kincaid grade 8 or lower", () => {
      const grade = fleschKincaidGrade(data.plainSummary);
      expect(grade, `${file}: plainSummary grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(8);
      expect(splitWords(data.plainSummary).length).toBeGreaterThanOrEqual(60);
    });

    it("has the body sections in the fixed order, and no other ## headings", () => {
      expect(h2s(body)).toEqual([...TECHNIQUE_BODY_SECTIONS]);
    });

    it("is a full guide (roughly 1200 to 2000 words of body and evidence)", () => {
      const prose = body.replace(/<[^>]+>/g, " ").replace(/[#*_`|>]/g, " ");
      const words = splitWords(`${prose} ${data.evidence}`).length;
      expect(words, `${file}: ${words} words`).toBeGreaterThanOrEqual(1100);
      expect(words, `${file}: ${words} words`).toBeLessThanOrEqual(2300);
    });

    it("names its origins and mechanisms as the issue asks", () => {
      for (const pattern of required?.bodyMentions ?? []) expect(body, `${file}: ${pattern}`).toMatch(pattern);
    });

    it("places every frontmatter figure once under Target tissues, with worked examples", () => {
      const target = section(body, "Target tissues");
      const placed = [...body.matchAll(/<Figure n=\{(\d+)\} \/>/g)].map((m) => Number(m[1]));
      expect([...placed].sort()).toEqual(data.anatomy.map((_, i) => i));
      for (const n of placed) expect(target, `${file}: figure ${n} outside Target tissues`).toContain(`n={${n}}`);
      expect(target).toMatch(/### Worked example/);
    });

    it("shows the issue's worked-example structures in its figures", () => {
      const shown = new Set(data.anatomy.flatMap((a) => a.focus));
      expect((required?.focus ?? []).filter((id) => !shown.has(id))).toEqual([]);
    });

    it("uses only anatomy ids that exist, in a model that contains them", () => {
      for (const spec of data.anatomy) {
        expect(MODEL_IDS, `${file}: model ${spec.model}`).toContain(spec.model);
        for (const id of [
          ...spec.focus,
          ...(spec.secondary ?? []),
          ...(spec.frame ?? []),
          ...(spec.referredPain ? [spec.referredPain] : []),
        ]) {
          const record = anatomy.get(id);
          expect(record, `${file}: unknown anatomy id ${id}`).toBeDefined();
          if (record)
            expect(inModel(record, spec.model), `${file}: ${id} is not in the ${spec.model} model`).toBe(true);
        }
        expect(spec.caption.length).toBeGreaterThan(40);
      }
    });

    it("gives numbered steps with positioning and a dosage table", () => {
      const steps = section(body, "Step by step");
      expect(steps).toMatch(/<ol class="steps">[\s\S]*<li>[\s\S]*<\/ol>/);
      expect(steps).toMatch(/\*\*Position\.\*\*/);
      const items = [...steps.matchAll(/<li>/g)].length;
      expect(items).toBeGreaterThanOrEqual(5);
      const dosage = steps.slice(steps.indexOf("Dosage at a glance"));
      expect(dosage.length, `${file}: no dosage table`).toBeGreaterThan(20);
      for (const word of [
        /Pressure|Stretch intensity|Contraction|Range/,
        /Hold|Duration|Speed|Relax/,
        /Repetitions|Frequency/,
        /Breathing/,
        /Feedback/,
      ]) {
        expect(dosage, `${file}: dosage table lacks ${word}`).toMatch(word);
      }
    });

    it("lists indications, at least three contraindications and common mistakes", () => {
      expect(data.indications.length).toBeGreaterThanOrEqual(2);
      expect(data.contraindications.length).toBeGreaterThanOrEqual(3);
      expect(data.commonMistakes.length).toBeGreaterThanOrEqual(3);
      for (const item of [...data.indications, ...data.contraindications])
        expect(typeof item, `${file}: ${JSON.stringify(item)}`).toBe("string");
    });

    it("cites only listed references that exist, and cites every listed reference", () => {
      expect(data.references.filter((id) => !referenceIds.has(id))).toEqual([]);
      const inBody = [...body.matchAll(/<Cite id="([^"]+)"/g)].flatMap((m) => (m[1] ?? "").split(/\s+/));
      const cited = new Set([...inBody, ...citedIds(data.evidence)]);
      expect(
        data.references.filter((id) => !cited.has(id)),
        `${file}: listed but never cited`,
      ).toEqual([]);
      expect(
        [...cited].filter((id) => !data.references.includes(id)),
        `${file}: cited but not listed`,
      ).toEqual([]);
      expect(() => parseEvidence(data.evidence, data.references, file)).not.toThrow();
    });

    it("has an honest evidence summary", () => {
      expect(data.evidence.length).toBeGreaterThan(300);
      expect(data.evidence).toMatch(/limited|mixed|inconclusive|debate|contested|small|unproven|uncertain/i);
    });

    it("uses glossary terms that exist and lists every <Term> as a key term", () => {
      expect(data.keyTerms.filter((id) => !glossaryIds.has(id))).toEqual([]);
      const linked = [...body.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(linked.filter((id) => !glossaryIds.has(id))).toEqual([]);
    });

    it("has 3 to 6 practice questions with explanations and varied answer positions", () => {
      expect(data.questions.length).toBeGreaterThanOrEqual(3);
      expect(data.questions.length).toBeLessThanOrEqual(6);
      for (const q of data.questions) {
        expect(q.answer).toBeLessThan(q.options.length);
        expect(q.explanation.length).toBeGreaterThan(40);
      }
    });

    it("links only to guides that exist or are planned", () => {
      for (const t of data.relatedTechniques ?? []) expect([...slugs]).toContain(t);
      for (const m of body.matchAll(/<PageLink href="\/(conditions|techniques)\/([a-z0-9-]+)\/">/g)) {
        const known = m[1] === "techniques" ? [...slugs] : [...conditionSlugs];
        expect(known, `${file}: PageLink to /${m[1]}/${m[2]}/`).toContain(m[2]);
      }
    });
  });
}

describe("referred-pain zones on the trigger point guide", () => {
  const page = pages.find((p) => p.slug === "trigger-point-therapy");
  it("lists the eight muscles the issue names, each with a referred-pain record, and draws them", () => {
    expect(page?.data.referredPainZones).toEqual(expect.arrayContaining(REFERRED_PAIN_MUSCLES));
    for (const id of page?.data.referredPainZones ?? []) {
      expect(anatomy.get(id)?.referredPain, `${id} has no referredPain in its record`).toBeDefined();
    }
    expect(section(page?.body ?? "", "Target tissues")).toContain("<ReferredPainGallery />");
  });
});
