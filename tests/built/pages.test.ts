// The teaching pages as built (dist/), in Node: the condition, technique and lesson guides render their template
// sections in order with their figures, red flags, citations that resolve, questions and related links; the
// indexes list every page; the atlas has a page per record with its facts, and guides and structures link both ways.
// Behaviour (keyboard, filters, popovers, 3D) is tested in a browser in tests/e2e/.
import { describe, expect, it } from "vitest";
import { CONDITION_REGIONS } from "../../src/components/condition/regions.ts";
import { CONDITION_PAGE_SECTIONS } from "../../src/components/condition/sections.ts";
import { TECHNIQUE_PAGE_SECTIONS } from "../../src/components/technique/sections.ts";
import { fleschKincaidGrade } from "../../src/lib/readability.ts";
import { mdxPages, yamlRecords } from "../support/content.ts";
import { pageDoc, regionNamed, text, viewerPayloads } from "../support/dist.ts";

interface Figure {
  model: string;
  focus: string[];
  secondary?: string[];
  caption: string;
  referredPain?: string;
}
interface Condition {
  title: string;
  region: string;
  alsoKnownAs: string[];
  anatomy: Figure[];
  redFlags: unknown[];
  references: string[];
  relatedConditions?: string[];
  techniques?: string[];
}
interface Technique {
  title: string;
  anatomy: Figure[];
}
interface Lesson {
  title: string;
  order: number;
}
interface AnatomyRecord {
  id: string;
  name: string;
  aliases?: string[];
  tissue: string;
  regions: string[];
  palpation?: string;
  confusions?: string;
  referredPain?: { patches: unknown[] };
}

const conditions = mdxPages<Condition>("conditions");
const techniques = mdxPages<Technique>("techniques");
const lessons = mdxPages<Lesson>("lessons").sort((a, b) => a.data.order - b.data.order);
const records = yamlRecords<AnatomyRecord>("anatomy").map((r) => r.data);

const h2s = (root: ParentNode) => [...root.querySelectorAll("h2")].map((h) => text(h));
const hrefs = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((a) => a.getAttribute("href") ?? "");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** In-text citations of a page all point at an entry of its reference list; returns their targets. */
function citationsResolve(doc: Document, scope: ParentNode = doc): string[] {
  const targets = [...new Set(hrefs(scope, ".cite a"))];
  for (const href of targets) {
    expect(href, "citation link").toMatch(/^#ref-[a-z0-9-]+$/);
    expect(doc.querySelectorAll(`.references li[id="${href.slice(1)}"]`), `citation ${href}`).toHaveLength(1);
  }
  return targets;
}

describe("condition guides", () => {
  it("the index lists every guide once, under its region, regions head to foot", () => {
    const doc = pageDoc("/conditions/");
    const regions = [...doc.querySelectorAll("section.region")].map((s) => s.getAttribute("data-region"));
    expect(regions).toEqual(CONDITION_REGIONS.filter((r) => conditions.some((c) => c.data.region === r)));
    for (const { slug, data } of conditions) {
      const cards = doc.querySelectorAll(`li.card[data-condition="${slug}"]`);
      expect(cards, slug).toHaveLength(1);
      const card = cards[0] as Element;
      expect(card.closest("section.region")?.getAttribute("data-region"), `${slug} region`).toBe(data.region);
      const link = [...card.querySelectorAll("a")].find((a) => text(a) === data.title);
      expect(link?.getAttribute("href"), `${slug} link`).toBe(`/conditions/${slug}/`);
      for (const name of data.alsoKnownAs) expect(text(card), `${slug} shows ${name}`).toContain(name);
    }
    const nav = [...doc.querySelectorAll("nav")].find((n) => n.getAttribute("aria-label") === "Body regions");
    for (const region of regions) {
      expect(nav?.querySelectorAll(`a[href="#region-${region}"]`), `nav ${region}`).toHaveLength(1);
      expect(doc.querySelectorAll(`h2#region-${region}`)).toHaveLength(1);
    }
  });

  it.each(conditions)(
    "$slug: the template sections in order, figures, red flags, evidence and references",
    ({ slug, data }) => {
      const doc = pageDoc(`/conditions/${slug}/`);
      expect(text(doc.querySelector("h1"))).toBe(data.title);
      const article = doc.querySelector("article") as Element;
      const headings = h2s(article);
      const positions = CONDITION_PAGE_SECTIONS.map((s) => headings.indexOf(s));
      expect(
        CONDITION_PAGE_SECTIONS.filter((_, i) => positions[i] === -1),
        "missing sections",
      ).toEqual([]);
      for (const s of CONDITION_PAGE_SECTIONS)
        expect(
          headings.filter((h) => h === s),
          s,
        ).toHaveLength(1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const at = (s: string) => headings.indexOf(s);
      expect(at("References")).toBe(at("What the evidence says") + 1);
      expect(at("Check your understanding")).toBeGreaterThan(at("References"));
      expect(at("Check your understanding")).toBeLessThan(at("Related"));

      // "In plain words" reads at grade 8 or lower as rendered.
      const plain = [...(regionNamed(doc, "In plain words")?.querySelectorAll("p") ?? [])].map((p) => text(p));
      expect(plain.length).toBeGreaterThan(0);
      expect(fleschKincaidGrade(plain.join("\n\n"))).toBeLessThanOrEqual(8);

      const aka = [...(regionNamed(doc, "Also known as")?.querySelectorAll("li") ?? [])].map((li) => text(li));
      expect(aka).toEqual(data.alsoKnownAs);

      // One figure per frontmatter view, with its model, highlighted ids and caption.
      const figures = [...(regionNamed(doc, "The anatomy involved")?.querySelectorAll("[data-anatomy-viewer]") ?? [])];
      expect(figures).toHaveLength(data.anatomy.length);
      for (const [i, spec] of data.anatomy.entries()) {
        const figure = figures[i] as Element;
        expect(figure.getAttribute("data-model")).toBe(spec.model);
        const highlighted = (figure.getAttribute("data-highlighted") ?? "").split(/\s+/).filter(Boolean);
        expect(highlighted.sort()).toEqual([...spec.focus, ...(spec.secondary ?? [])].sort());
        expect(squash(text(figure.querySelector("figcaption")))).toContain(squash(spec.caption));
      }

      // When to see a doctor: a distinct box with every red flag.
      const redFlags = regionNamed(doc, "When to see a doctor");
      expect(redFlags?.tagName.toLowerCase()).toBe("aside");
      expect(redFlags?.classList.contains("box--danger")).toBe(true);
      const flags = [...(redFlags?.querySelectorAll("li") ?? [])];
      expect(flags).toHaveLength(data.redFlags.length);
      // Each flag states its triage level in words (a badge), never by colour alone.
      for (const li of flags)
        expect(text(li.querySelector(".triage-badge"))).toMatch(/^(Emergency|Same day|Soon|Next visit)$/);

      // Evidence cites its sources; every citation on the page resolves; the list is the frontmatter's.
      const evidence = regionNamed(doc, "What the evidence says") as Element;
      expect(evidence.querySelectorAll(".cite a").length).toBeGreaterThan(0);
      const refs = [...doc.querySelectorAll(".references li[id^='ref-']")].map((li) => li.id);
      expect(refs).toEqual(data.references.map((r) => `ref-${r}`));
      citationsResolve(doc);

      // Related guides and techniques are linked, and the review date is shown.
      const related = regionNamed(doc, "Related") as Element;
      for (const other of data.relatedConditions ?? []) {
        expect(related.querySelectorAll(`a[href="/conditions/${other}/"]`), other).toHaveLength(1);
      }
      for (const t of data.techniques ?? []) {
        expect(related.querySelectorAll(`a[href="/techniques/${t}/"]`), t).toHaveLength(1);
      }
      expect(related.querySelector("time[datetime]")?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // The contents list names each section and links to its heading.
      const contents = [...doc.querySelectorAll("nav")].find((n) => n.getAttribute("aria-label") === "On this page");
      const links = [...(contents?.querySelectorAll("a") ?? [])];
      expect(links.map((a) => text(a))).toEqual([...CONDITION_PAGE_SECTIONS]);
      for (const a of links)
        expect(doc.getElementById((a.getAttribute("href") ?? "").slice(1)), text(a)).not.toBeNull();
    },
  );
});

describe("technique guides", () => {
  it("the index links every guide", () => {
    const linked = hrefs(pageDoc("/techniques/"), "li[data-technique] h3 a").sort();
    expect(linked).toEqual(techniques.map((t) => `/techniques/${t.slug}/`).sort());
  });

  it.each(techniques)(
    "$slug: every section in order, figures, steps, cautions, citations and questions",
    ({ slug }) => {
      const doc = pageDoc(`/techniques/${slug}/`);
      const article = doc.querySelector(`article[data-technique="${slug}"]`) as Element;
      expect(article.querySelectorAll("h1")).toHaveLength(1);
      const sections = h2s(article).filter((h) => (TECHNIQUE_PAGE_SECTIONS as readonly string[]).includes(h));
      expect(sections).toEqual([...TECHNIQUE_PAGE_SECTIONS]);
      expect(text(regionNamed(doc, "In plain words")).length).toBeGreaterThan(40);

      // Target tissues: every figure sits between "Target tissues" and "Step by step", with atlas links.
      const all = [...article.querySelectorAll("h2#target-tissues, h2#step-by-step, .page-figure")];
      const start = all.findIndex((el) => el.id === "target-tissues");
      const end = all.findIndex((el) => el.id === "step-by-step");
      const figures = all.map((el, i) => [el, i] as const).filter(([el]) => el.classList.contains("page-figure"));
      expect(figures.length).toBeGreaterThan(0);
      for (const [, i] of figures) expect(i > start && i < end, "figure inside Target tissues").toBe(true);
      expect(article.querySelectorAll(".page-figure [data-anatomy-viewer]").length).toBeGreaterThanOrEqual(1);
      expect(article.querySelector('.page-figure a[href^="/anatomy/"]')).not.toBeNull();

      expect(article.querySelectorAll("ol.steps > li").length).toBeGreaterThanOrEqual(5);
      const warning = article.querySelector('.box--warning[data-section="contraindications"]') as Element;
      expect(h2s(warning).concat([...warning.querySelectorAll("h3")].map((h) => text(h)))).toContain(
        "Contraindications and cautions",
      );
      expect(warning.querySelectorAll("li").length).toBeGreaterThanOrEqual(3);

      expect(citationsResolve(doc, article).length).toBeGreaterThan(0);
      const n = article.querySelectorAll(".quiz fieldset").length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    },
  );

  it("the trigger point guide's gallery asks each figure for its structure's referred-pain zone", () => {
    const doc = pageDoc("/techniques/trigger-point-therapy/");
    const zones = [...doc.querySelectorAll("[data-pain-gallery] details[data-zone]")];
    expect(zones.length).toBeGreaterThanOrEqual(3);
    for (const zone of zones) {
      const id = zone.getAttribute("data-zone") ?? "";
      expect(viewerPayloads(zone)[0]?.referredPain?.id, id).toBe(id);
      expect(text(zone.querySelector(`figure[data-referred-pain="${id}"]`))).toContain(
        "Typical pattern; varies between people",
      );
    }
  });
});

describe("lessons", () => {
  it("the index lists the lessons in teaching order", () => {
    const links = [...pageDoc("/learn/").querySelectorAll(".lesson-list h2 a")];
    expect(links.map((a) => text(a))).toEqual(lessons.map((l) => l.data.title));
    expect(links.map((a) => a.getAttribute("href"))).toEqual(lessons.map((l) => `/learn/${l.slug}/`));
  });

  it.each(lessons.map((l, i) => [l.slug, i] as const))(
    "%s: objectives, summary, questions, references, links",
    (slug, i) => {
      const lesson = lessons[i] as (typeof lessons)[number];
      const doc = pageDoc(`/learn/${slug}/`);
      expect(text(doc.querySelector("h1"))).toBe(lesson.data.title);
      expect(regionNamed(doc, "Learning objectives")?.querySelectorAll("li").length).toBeGreaterThanOrEqual(3);
      expect(text(regionNamed(doc, "In short")).length).toBeGreaterThan(20);

      // Objectives, summary, body, questions and references come in that order.
      const order = ["#objectives-heading", "#in-short-heading", ".lesson-body", ".quiz", ".references"];
      const marked = [...doc.querySelectorAll(order.join(", "))];
      const firstOf = order.map((s) => marked.findIndex((el) => el.matches(s)));
      expect(
        firstOf.every((p) => p >= 0),
        "all parts present",
      ).toBe(true);
      expect([...firstOf].sort((a, b) => a - b)).toEqual(firstOf);

      const n = doc.querySelectorAll(".quiz fieldset").length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      expect(doc.querySelectorAll(".quiz details.explanation")).toHaveLength(n);
      expect(doc.querySelectorAll(".references li[id^='ref-']").length).toBeGreaterThanOrEqual(3);
      expect(citationsResolve(doc).length).toBeGreaterThanOrEqual(3);

      // Key terms link to glossary entries that exist.
      const terms = hrefs(doc, ".key-terms dt a");
      expect(terms.length).toBeGreaterThan(5);
      const glossary = pageDoc("/glossary/");
      for (const href of terms) {
        expect(href).toMatch(/^\/glossary\/#[a-z0-9-]+$/);
        expect(glossary.querySelector(`[id="${href.slice(11)}"] dfn`), href).not.toBeNull();
      }

      const pager = [...doc.querySelectorAll("nav")].find((n) => n.getAttribute("aria-label") === "Lessons");
      const link = (label: RegExp) =>
        [...(pager?.querySelectorAll("a") ?? [])].find((a) => label.test(text(a)))?.getAttribute("href") ?? null;
      const previous = lessons[i - 1];
      const next = lessons[i + 1];
      expect(link(/Previous lesson/)).toBe(previous ? `/learn/${previous.slug}/` : null);
      expect(link(/Next lesson/)).toBe(next ? `/learn/${next.slug}/` : null);
    },
  );

  it("the practice page gathers every lesson's questions", () => {
    const total = lessons.reduce(
      (n, l) => n + pageDoc(`/learn/${l.slug}/`).querySelectorAll(".quiz fieldset").length,
      0,
    );
    expect(pageDoc("/practice/").querySelectorAll("section[aria-labelledby='lessons'] fieldset")).toHaveLength(total);
  });

  it("the practice page shows one collapsible set per guide, its progress line hidden until the script runs", () => {
    const doc = pageDoc("/practice/");
    const sets = [...doc.querySelectorAll("section.quiz")];
    const pages = [...lessons, ...conditions, ...techniques] as { file: string; data: { questions?: unknown[] } }[];
    expect(sets).toHaveLength(pages.length);
    for (const set of sets) {
      const name = text(set.querySelector("h3") ?? set);
      const details = set.querySelector(":scope > details.set-questions");
      const n = details?.querySelectorAll("fieldset").length ?? 0;
      expect(n, name).toBeGreaterThan(0);
      expect(details?.hasAttribute("open"), name).toBe(false);
      expect(text(details?.querySelector(":scope > summary") ?? set), name).toBe(`Show the ${n} questions`);
      const progress = set.querySelector("quiz-progress");
      expect(progress?.hasAttribute("hidden"), name).toBe(true);
      expect(progress?.querySelector("[role='status']"), name).not.toBeNull();
    }
    const questions = pages.reduce((n, p) => n + (p.data.questions?.length ?? 0), 0);
    expect(doc.querySelectorAll("section.quiz fieldset")).toHaveLength(questions);
  });
});

describe("the atlas", () => {
  it("the index links every structure once, under its home region and tissue", () => {
    const doc = pageDoc("/anatomy/");
    const items = [...doc.querySelectorAll("li[data-structure]")];
    expect(items.map((li) => li.querySelector("a")?.getAttribute("href")).sort()).toEqual(
      records.map((r) => `/anatomy/${r.id}/`).sort(),
    );
    for (const r of records) {
      const item = doc.querySelector(
        `section[data-region="${r.regions[0]}"] [data-tissue-group="${r.tissue}"] li[data-structure="${r.id}"]`,
      );
      expect(item, r.id).not.toBeNull();
    }
  });

  it.each(records.map((r) => [r.id, r] as const))(
    "%s: names, summary, viewer and, for muscles, the four facts",
    (id, r) => {
      const doc = pageDoc(`/anatomy/${id}/`);
      expect(text(doc.querySelector("h1"))).toBe(r.name);
      const body = text(doc.querySelector("main"));
      for (const alias of r.aliases ?? []) expect(body, `alias ${alias}`).toContain(alias);
      expect(doc.getElementById("summary-heading")).not.toBeNull();
      expect(doc.querySelector("[data-anatomy-viewer]")).not.toBeNull();
      if (r.tissue === "muscle") {
        for (const fact of ["origin", "insertion", "action", "innervation"]) {
          const row = doc.querySelector(`[data-fact="${fact}"]`);
          expect(text(row?.querySelector("dt")).length, fact).toBeGreaterThan(0);
          expect(text(row?.querySelector("dd")).length, fact).toBeGreaterThanOrEqual(10);
        }
      }
      expect(doc.getElementById("palpation-heading") !== null, "palpation").toBe(Boolean(r.palpation));
      expect(doc.getElementById("confusions-heading") !== null, "confusions").toBe(Boolean(r.confusions));
      const pain = doc.querySelector("[data-referred-pain-section]");
      expect(pain !== null, "referred-pain section").toBe(Boolean(r.referredPain));
      if (pain && r.referredPain) {
        const map = pain.querySelector(`figure[data-referred-pain="${id}"]`) as Element;
        expect(text(map)).toContain("Typical pattern; varies between people");
        const picture = map.querySelector('[role="img"]') as Element;
        expect(picture.getAttribute("aria-label") ?? text(picture.querySelector("title"))).toMatch(
          /referred-pain zone/,
        );
        expect(map.querySelectorAll("ellipse.pain-patch").length).toBeGreaterThanOrEqual(r.referredPain.patches.length);
        const payload = viewerPayloads(pain)[0];
        expect(payload?.referredPain?.id).toBe(id);
        expect(payload?.referredPain?.patches).toHaveLength(r.referredPain.patches.length);
      }
    },
  );

  it("a guide that shows a structure is listed on the structure's page, and the other way round", () => {
    const related = (id: string) => regionNamed(pageDoc(`/anatomy/${id}/`), "Related");
    const guides = [
      ...conditions.map((c) => ({ href: `/conditions/${c.slug}/`, figures: c.data.anatomy })),
      ...techniques.map((t) => ({ href: `/techniques/${t.slug}/`, figures: t.data.anatomy })),
    ];
    for (const guide of guides) {
      for (const id of new Set(guide.figures.flatMap((f) => [...f.focus, ...(f.secondary ?? [])]))) {
        expect(related(id)?.querySelectorAll(`a[href="${guide.href}"]`).length, `${id} lists ${guide.href}`).toBe(1);
      }
    }
    // Conversely, each guide an atlas page lists shows that structure in one of its rendered 3D figures.
    for (const r of records) {
      for (const href of hrefs(related(r.id) ?? pageDoc("/"), "a").filter((h) =>
        /^\/(conditions|techniques|learn)\/[a-z0-9-]+\/$/.test(h),
      )) {
        const shown = viewerPayloads(pageDoc(href)).some(
          (p) => p.focus?.includes(r.id) || p.secondary?.includes(r.id) || p.referredPain?.id === r.id,
        );
        expect(shown, `${href} shows ${r.id}`).toBe(true);
      }
    }
  });
});
