// Technique guides in the production build: the index, the rendered section order of every guide, its figures,
// numbered steps, warning box, references and practice questions, and the referred-pain gallery of the trigger
// point guide (3D figure plus labelled picture per muscle, keyboard-operable disclosures); axe on every guide.

import { expect, test } from "@playwright/test";
import { TECHNIQUE_PAGE_SECTIONS } from "../../src/components/technique/sections.ts";
import { axeViolations } from "./support/axe";

const TECHNIQUES = [
  "trigger-point-therapy",
  "myofascial-release",
  "positional-release",
  "pnf-stretching",
  "muscle-energy-technique",
  "nerve-mobilization",
  "deep-transverse-friction",
];
const REFERRED_PAIN = [
  "trapezius",
  "levator-scapulae",
  "sternocleidomastoid",
  "infraspinatus",
  "quadratus-lumborum",
  "gluteus-medius",
  "piriformis",
  "soleus",
];

test("the techniques index links every guide", async ({ page }) => {
  await page.goto("/techniques/");
  const links = page.locator("li[data-technique] h3 a");
  await expect(links).toHaveCount(TECHNIQUES.length);
  const hrefs = await links.evaluateAll((els) => els.map((a) => a.getAttribute("href")));
  expect([...hrefs].sort()).toEqual(TECHNIQUES.map((t) => `/techniques/${t}/`).sort());
});

for (const slug of TECHNIQUES) {
  test(`technique ${slug}: every section, in the issue's order, with figures, steps, cautions and questions`, async ({
    page,
  }) => {
    await page.goto(`/techniques/${slug}/`);
    const article = page.locator(`article[data-technique="${slug}"]`);
    await expect(article.getByRole("heading", { level: 1 })).toHaveCount(1);

    // Section order: the h2 headings of the guide, in document order, are exactly the required list.
    const headings = (await article.locator("h2").allTextContents()).map((t) => t.trim());
    const sections = headings.filter((h) => (TECHNIQUE_PAGE_SECTIONS as readonly string[]).includes(h));
    expect(sections).toEqual([...TECHNIQUE_PAGE_SECTIONS]);

    // The plain summary comes first, straight after the header.
    await expect(article.getByRole("region", { name: "In plain words" })).toContainText(/\w+/);

    // Target tissues: at least one 3D figure, each with a caption and links to the atlas.
    const inside = await article.evaluate((el) => {
      const at = (node: Element | null) => (node ? node.getBoundingClientRect().top + window.scrollY : Number.NaN);
      const start = at(el.querySelector("h2#target-tissues"));
      const end = at(el.querySelector("h2#step-by-step"));
      return [...el.querySelectorAll(".technique-figure")].map((f) => at(f) > start && at(f) < end);
    });
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every(Boolean)).toBe(true);
    const figures = article.locator(".technique-figure [data-anatomy-viewer]");
    expect(await figures.count()).toBeGreaterThanOrEqual(1);
    await expect(article.locator('.technique-figure a[href^="/anatomy/"]').first()).toBeAttached();

    // Step by step: numbered steps.
    const steps = article.locator("ol.steps > li");
    expect(await steps.count()).toBeGreaterThanOrEqual(5);

    // Contraindications in a distinct warning box, with at least three items.
    const warning = article.locator('.box--warning[data-section="contraindications"]');
    await expect(warning.getByRole("heading", { name: "Contraindications and cautions" })).toBeVisible();
    expect(await warning.locator("li").count()).toBeGreaterThanOrEqual(3);

    // Evidence citations point at entries of the reference list.
    const citeTargets = await article
      .locator('sup.cite a[href^="#ref-"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")?.slice(1) ?? ""));
    expect(citeTargets.length).toBeGreaterThan(0);
    for (const id of new Set(citeTargets)) await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);

    // Practice questions: 3 to 6.
    const questions = article.locator(".quiz fieldset");
    const n = await questions.count();
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(6);
  });
}

test("the trigger point guide shows each classic referred-pain zone in 3D and as a labelled picture", async ({
  page,
}) => {
  await page.goto("/techniques/trigger-point-therapy/");
  const gallery = page.locator("[data-pain-gallery]");
  for (const id of REFERRED_PAIN) {
    const zone = gallery.locator(`details[data-zone="${id}"]`);
    await expect(zone, id).toHaveCount(1);
    // The 3D figure asks for the same structure's zone.
    const props = JSON.parse((await zone.locator("astro-island").getAttribute("props")) ?? "{}");
    const payload = JSON.parse(props.data?.[1] ?? "{}") as { referredPain?: { id: string } };
    expect(payload.referredPain?.id, id).toBe(id);
    // The still picture is labelled as a typical pattern.
    await expect(zone.locator(`figure[data-referred-pain="${id}"]`)).toContainText(
      "Typical pattern; varies between people",
    );
  }
  // Disclosures open from the keyboard and reveal the labelled picture.
  const soleus = gallery.locator('details[data-zone="soleus"]');
  await soleus.locator(":scope > summary").focus();
  await page.keyboard.press("Enter");
  await expect(soleus).toHaveAttribute("open", "");
  const picture = soleus.getByRole("img", { name: /referred-pain zone/ });
  await expect(picture).toBeVisible();
  expect(await soleus.locator("ellipse.pain-patch").count()).toBeGreaterThanOrEqual(3);
});

for (const slug of TECHNIQUES) {
  test(`technique ${slug} has no WCAG 2.1 AA violations`, async ({ page }) => {
    // The 3D figures render on the CPU in CI (SwiftShader), which makes axe slow on pages with WebGL.
    test.setTimeout(240_000);
    await page.goto(`/techniques/${slug}/`);
    expect(await axeViolations(page)).toEqual([]);
  });
}
