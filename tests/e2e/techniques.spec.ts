// Technique guides in a browser: the referred-pain gallery of the trigger point guide (3D figure plus labelled
// picture per muscle, keyboard-operable disclosures). Section order, figures, steps, cautions, citations and
// questions are checked over dist/ in tests/built/pages.test.ts; axe runs on every guide in site.spec.ts.

import { expect, test } from "@playwright/test";

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
