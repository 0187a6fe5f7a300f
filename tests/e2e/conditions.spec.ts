// Condition guides in the production build: the index lists every guide under its body region, head to foot;
// every guide renders the twelve template sections in order, its 3D figures with the ids and captions of its
// frontmatter, a red-flags box, evidence citations that resolve to its reference list, and an "In plain words"
// summary at Flesch-Kincaid grade 8 or lower; the contents links move focus to their section.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { fleschKincaidGrade } from "../../src/lib/readability.ts";

const conditionsDir = new URL("../../content/conditions/", import.meta.url).pathname;

interface Frontmatter {
  title: string;
  region: string;
  alsoKnownAs: string[];
  anatomy: { model: string; focus: string[]; secondary?: string[]; caption: string }[];
  redFlags: string[];
  references: string[];
  relatedConditions?: string[];
  techniques?: string[];
}

const conditions = readdirSync(conditionsDir)
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => {
    const text = readFileSync(join(conditionsDir, f), "utf8");
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "";
    return { slug: f.replace(/\.mdx$/, ""), data: parseYaml(yaml) as Frontmatter };
  });

const REGION_ORDER = [
  "head-neck",
  "shoulder",
  "elbow-forearm",
  "wrist-hand",
  "back-trunk",
  "hip-thigh",
  "knee",
  "leg-foot",
];

/** The twelve sections of the template, as their h2 headings read on the page, in order. */
const SECTIONS = [
  "In plain words",
  "Also known as",
  "The anatomy involved",
  "How it develops",
  "Symptoms",
  "How a therapist assesses it",
  "The orthopedic massage approach",
  "The medical-massage context",
  "Self-care and home exercises",
  "When to see a doctor",
  "What the evidence says",
  "Related",
];

test("the issue's twelve guides are all there", () => {
  const slugs = conditions.map((c) => c.slug);
  for (const slug of [
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
  ]) {
    expect(slugs).toContain(slug);
  }
});

test("the conditions index lists every guide once, under its region, regions head to foot", async ({ page }) => {
  await page.goto("/conditions/");
  const regions = await page
    .locator("section.region")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-region") ?? ""));
  const expected = REGION_ORDER.filter((r) => conditions.some((c) => c.data.region === r));
  expect(regions).toEqual(expected);

  for (const { slug, data } of conditions) {
    const cards = page.locator(`li.card[data-condition="${slug}"]`);
    await expect(cards, slug).toHaveCount(1);
    const section = page.locator(`section.region[data-region="${data.region}"]`);
    await expect(section.locator(`li.card[data-condition="${slug}"]`), `${slug} under ${data.region}`).toHaveCount(1);
    const link = cards.getByRole("link", { name: data.title });
    await expect(link).toHaveAttribute("href", `/conditions/${slug}/`);
    // Other names are shown, so a reader who knows only "adhesive capsulitis" finds frozen shoulder.
    for (const name of data.alsoKnownAs) await expect(cards).toContainText(name);
  }

  // The region links jump to the region headings.
  const nav = page.getByRole("navigation", { name: "Body regions" });
  for (const region of expected) {
    await expect(nav.locator(`a[href="#region-${region}"]`)).toHaveCount(1);
    await expect(page.locator(`h2#region-${region}`)).toHaveCount(1);
  }
});

for (const { slug, data } of conditions) {
  test(`condition ${slug}: the twelve sections in order, figures, red flags, evidence and references`, async ({
    page,
  }) => {
    await page.goto(`/conditions/${slug}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(data.title);

    // Every template section appears exactly once, in the template's order.
    const headings = (await page.locator("article h2").allTextContents()).map((t) => t.trim());
    const positions = SECTIONS.map((s) => headings.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      `missing sections: ${SECTIONS.filter((_, i) => positions[i] === -1).join(", ")}`,
    ).toBe(true);
    for (const s of SECTIONS)
      expect(
        headings.filter((h) => h === s),
        s,
      ).toHaveLength(1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // References sit with the evidence, before the questions and the related links.
    const at = (s: string) => headings.indexOf(s);
    expect(at("References")).toBe(at("What the evidence says") + 1);
    expect(at("Check your understanding")).toBeGreaterThan(at("References"));
    expect(at("Check your understanding")).toBeLessThan(at("Related"));

    // "In plain words" reads at grade 8 or lower as rendered.
    const plain = await page.getByRole("region", { name: "In plain words" }).locator("p").allTextContents();
    const grade = fleschKincaidGrade(plain.join("\n\n"));
    expect(grade, `grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(8);

    // Also known as: every name from the frontmatter.
    await expect(page.getByRole("region", { name: "Also known as" }).getByRole("listitem")).toHaveText(
      data.alsoKnownAs,
    );

    // The anatomy section holds one figure per frontmatter view, with its model, highlighted ids and caption.
    const figures = page.getByRole("region", { name: "The anatomy involved" }).locator("[data-anatomy-viewer]");
    await expect(figures).toHaveCount(data.anatomy.length);
    for (const [i, spec] of data.anatomy.entries()) {
      const figure = figures.nth(i);
      await expect(figure).toHaveAttribute("data-model", spec.model);
      const highlighted = ((await figure.getAttribute("data-highlighted")) ?? "").split(/\s+/).filter(Boolean);
      expect(highlighted.sort()).toEqual([...spec.focus, ...(spec.secondary ?? [])].sort());
      await expect(figure.locator("figcaption")).toContainText(spec.caption.replace(/\s+/g, " ").trim());
    }

    // When to see a doctor: a distinct box with every red flag.
    const redFlags = page.getByRole("complementary", { name: "When to see a doctor" });
    await expect(redFlags).toHaveClass(/box--danger/);
    await expect(redFlags.getByRole("listitem")).toHaveCount(data.redFlags.length);
    // Each flag states its triage level in words (a badge), never by colour alone.
    for (const item of await redFlags.getByRole("listitem").all()) {
      await expect(item.locator(".triage-badge")).toHaveText(/^(Emergency|Same day|Soon|Next visit)$/);
    }

    // Evidence cites its sources; every citation on the page resolves to an entry of the reference list.
    const evidenceCites = page.getByRole("region", { name: "What the evidence says" }).locator(".cite a");
    expect(await evidenceCites.count()).toBeGreaterThan(0);
    const refs = page.locator(".references li[id^='ref-']");
    await expect(refs).toHaveCount(data.references.length);
    expect(await refs.evaluateAll((els) => els.map((el) => el.id))).toEqual(data.references.map((r) => `ref-${r}`));
    const targets = await page.locator(".cite a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of new Set(targets)) {
      await expect(page.locator(`.references li${href}`), `citation ${href}`).toHaveCount(1);
    }

    // Related guides link to pages that exist in the build, and the review date is shown.
    const related = page.getByRole("region", { name: "Related" });
    for (const other of data.relatedConditions ?? []) {
      await expect(related.locator(`a[href="/conditions/${other}/"]`)).toHaveCount(1);
    }
    for (const technique of data.techniques ?? []) {
      await expect(related.locator(`a[href="/techniques/${technique}/"]`)).toHaveCount(1);
    }
    await expect(related.locator("time[datetime]")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  });
}

test("the contents list of a guide moves to each section", async ({ page }) => {
  const slug = conditions[0]?.slug ?? "";
  await page.goto(`/conditions/${slug}/`);
  const contents = page.getByRole("navigation", { name: "On this page" });
  await expect(contents.getByRole("link")).toHaveText(SECTIONS);
  const link = contents.getByRole("link", { name: "When to see a doctor" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#red-flags-heading$/);
  await expect(page.locator("#red-flags-heading")).toBeInViewport();
});

test("site search finds a guide by one of its other names", async ({ page }) => {
  // "Also known as" names are indexed with extra weight: searching "adhesive capsulitis" finds frozen shoulder.
  await page.goto("/search/?q=adhesive%20capsulitis");
  await expect(page.getByRole("status")).toContainText(/result/);
  const hrefs = await page
    .locator("[data-search-results] li a")
    .evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs).toContain("/conditions/frozen-shoulder/");
});
