// The anatomy atlas in the production build: one page per record in content/anatomy/ with its facts, the index
// grouped by region and tissue with a working filter (and everything listed without JavaScript), cross-links
// that resolve both ways between guides and structures, and the referred-pain maps.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { axeViolations } from "./support/axe";

const contentDir = new URL("../../content/", import.meta.url).pathname;

interface Record {
  id: string;
  name: string;
  aliases?: string[];
  tissue: string;
  regions: string[];
  origin?: string;
  palpation?: string;
  confusions?: string;
  referredPain?: { description: string; patches: { centre: number[] }[] };
}
const records: Record[] = readdirSync(join(contentDir, "anatomy"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parseYaml(readFileSync(join(contentDir, "anatomy", f), "utf8")) as Record)
  .sort((a, b) => a.id.localeCompare(b.id));

/** Frontmatter figures of the condition and technique guides. */
const guides = (["conditions", "techniques"] as const).flatMap((kind) => {
  let files: string[] = [];
  try {
    files = readdirSync(join(contentDir, kind)).filter((f) => f.endsWith(".mdx"));
  } catch {
    return [];
  }
  return files.map((f) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(contentDir, kind, f), "utf8"))?.[1] ?? "";
    const data = parseYaml(front) as { anatomy?: { focus: string[]; secondary?: string[] }[] };
    const ids = new Set((data.anatomy ?? []).flatMap((a) => [...a.focus, ...(a.secondary ?? [])]));
    return { href: `/${kind}/${f.replace(/\.mdx$/, "")}/`, ids: [...ids] };
  });
});

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

/** The part of an atlas page's HTML inside the "Related" section. */
function relatedSection(html: string): string {
  const start = html.indexOf('aria-labelledby="related-heading"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
}
const decode = (s: string) =>
  s
    .replaceAll("&amp;", "&")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");

test("the atlas index links every structure once, grouped by region and tissue", async ({ page }) => {
  await page.goto("/anatomy/");
  const items = page.locator("li[data-structure]");
  await expect(items).toHaveCount(records.length);
  const linked = await items.evaluateAll((els) => els.map((el) => el.querySelector("a")?.getAttribute("href")));
  expect([...linked].sort()).toEqual(records.map((r) => `/anatomy/${r.id}/`).sort());
  // Each structure sits under its home region and its tissue.
  for (const r of records.filter((_, i) => i % 7 === 0)) {
    const item = page.locator(
      `section[data-region="${r.regions[0]}"] [data-tissue-group="${r.tissue}"] li[data-structure="${r.id}"]`,
    );
    await expect(item, r.id).toHaveCount(1);
  }
});

test("the atlas filter narrows the list by name, alias and tissue, and says how many are shown", async ({ page }) => {
  await page.goto("/anatomy/");
  const filter = page.getByRole("search", { name: "Filter the atlas" });
  await expect(filter).toBeVisible();
  const box = filter.getByLabel("Filter by name");

  await box.fill("rotator cuff");
  const visible = page.locator("li[data-structure]:visible");
  const cuff = records.filter((r) => ["supraspinatus", "infraspinatus", "teres-minor", "subscapularis"].includes(r.id));
  await expect(visible).toHaveCount(cuff.length);
  await expect(page.locator('li[data-structure="biceps-brachii"]')).toBeHidden();
  await expect(filter.getByRole("status")).toHaveText(`${cuff.length} of ${records.length} structures`);
  // Region sections with nothing left are hidden too.
  await expect(page.locator('section[data-region="leg-foot"]')).toBeHidden();

  // An alias finds its structure.
  await box.fill("traps");
  await expect(page.locator('li[data-structure="trapezius"]')).toBeVisible();

  // Tissue checkboxes: with muscles unticked, no muscle is listed but nerves are.
  await box.fill("");
  await filter.getByRole("checkbox", { name: "Muscles" }).uncheck();
  await expect(page.locator('li[data-tissue="muscle"]:visible')).toHaveCount(0);
  await expect(page.locator('li[data-tissue="nerve"]:visible')).toHaveCount(
    records.filter((r) => r.tissue === "nerve").length,
  );

  await box.fill("no such structure");
  await expect(page.getByText("No structure matches")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the atlas index lists every structure and hides the filter it cannot run", async ({ page }) => {
    await page.goto("/anatomy/");
    await expect(page.locator("li[data-structure]:visible")).toHaveCount(records.length);
    await expect(page.getByRole("search", { name: "Filter the atlas" })).toBeHidden();
  });
});

test("every structure has an atlas page with its names, summary and, for muscles, the four facts", async ({
  request,
}) => {
  for (const r of records) {
    const response = await request.get(`/anatomy/${r.id}/`);
    expect(response.status(), r.id).toBe(200);
    const html = decode(await response.text());
    expect(html, r.id).toMatch(new RegExp(`<h1[^>]*>${r.name.replace(/[()]/g, "\\$&")}</h1>`));
    for (const alias of r.aliases ?? []) expect(html, `${r.id} alias ${alias}`).toContain(alias);
    expect(html, `${r.id} plain summary`).toContain('id="summary-heading"');
    expect(html, `${r.id} viewer`).toContain("data-anatomy-viewer");
    if (r.tissue === "muscle") {
      for (const fact of ["origin", "insertion", "action", "innervation"]) {
        expect(html, `${r.id} ${fact}`).toMatch(
          new RegExp(`data-fact="${fact}"[^>]*>\\s*<dt[^>]*>[^<]+</dt>\\s*<dd[^>]*>[^<]{10,}`),
        );
      }
    }
    if (r.palpation) expect(html, `${r.id} palpation`).toContain('id="palpation-heading"');
    if (r.confusions) expect(html, `${r.id} confusions`).toContain('id="confusions-heading"');
    expect(html.includes("data-referred-pain-section"), `${r.id} referred pain section`).toBe(Boolean(r.referredPain));
  }
});

test("a guide that shows a structure is listed on the structure's page, and the other way round", async ({
  request,
}) => {
  const pages = new Map<string, string>();
  const atlasPage = async (id: string) => {
    if (!pages.has(id)) pages.set(id, await (await request.get(`/anatomy/${id}/`)).text());
    return pages.get(id) ?? "";
  };
  for (const guide of guides) {
    for (const id of guide.ids) {
      expect(relatedSection(await atlasPage(id)), `${id} lists ${guide.href}`).toContain(`href="${guide.href}"`);
    }
  }
  // Conversely, each guide an atlas page lists really shows that structure: one of its rendered 3D figures
  // highlights it, marks it or draws its referred-pain zone.
  const figureIds = (html: string) => {
    const ids = new Set<string>();
    for (const m of html.matchAll(/<astro-island\b[^>]*?\sprops="([^"]*)"/g)) {
      const props = JSON.parse(decode(m[1] ?? "{}")) as { data?: [number, string] };
      const payload = JSON.parse(props.data?.[1] ?? "{}") as {
        focus?: string[];
        secondary?: string[];
        referredPain?: { id: string };
      };
      for (const id of [...(payload.focus ?? []), ...(payload.secondary ?? [])]) ids.add(id);
      if (payload.referredPain) ids.add(payload.referredPain.id);
    }
    return ids;
  };
  for (const r of records.filter((_, i) => i % 3 === 0)) {
    const related = relatedSection(await atlasPage(r.id));
    for (const href of [...related.matchAll(/href="(\/(?:conditions|techniques|learn)\/[a-z0-9-]+\/)"/g)].map(
      (m) => m[1],
    )) {
      const guideHtml = await (await request.get(href ?? "")).text();
      expect(figureIds(guideHtml).has(r.id), `${href} shows ${r.id}`).toBe(true);
    }
  }
});

for (const id of REFERRED_PAIN) {
  test(`the ${id} atlas page draws its referred-pain zone in 3D and as a labelled picture`, async ({ page }) => {
    const record = records.find((r) => r.id === id);
    expect(record?.referredPain, `${id} has a referredPain block`).toBeTruthy();
    await page.goto(`/anatomy/${id}/`);
    const section = page.locator("[data-referred-pain-section]");
    const map = section.locator(`figure[data-referred-pain="${id}"]`);
    await expect(map).toContainText("Typical pattern; varies between people");
    const picture = map.getByRole("img");
    await expect(picture).toHaveAccessibleName(/referred-pain zone/);
    await expect(picture).toHaveAccessibleDescription(/.{40,}/);
    // Every patch is drawn at least once (side patches appear in both views).
    const drawn = await map.locator("ellipse.pain-patch").count();
    expect(drawn).toBeGreaterThanOrEqual(record?.referredPain?.patches.length ?? 1);
    await expect(map.locator('ellipse[data-kind="essential"]').first()).toBeVisible();
    // The 3D figure is asked to draw the same zone on the skin.
    const props = JSON.parse((await section.locator("astro-island").first().getAttribute("props")) ?? "{}");
    const payload = JSON.parse(props.data?.[1] ?? "{}") as { referredPain?: { id: string; patches: unknown[] } };
    expect(payload.referredPain?.id).toBe(id);
    expect(payload.referredPain?.patches).toHaveLength(record?.referredPain?.patches.length ?? -1);
  });
}

for (const path of ["/anatomy/", "/anatomy/trapezius/", "/anatomy/median-nerve/"]) {
  test(`${path} has no WCAG 2.1 AA violations in light and dark themes`, async ({ page }) => {
    // The 3D figures render on the CPU in CI (SwiftShader), which makes axe slow on pages with WebGL.
    test.setTimeout(240_000);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      expect((await axeViolations(page)).map((v) => `${scheme} ${v}`)).toEqual([]);
    }
  });
}
