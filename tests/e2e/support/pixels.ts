// Pixel statistics of canvas screenshots, decoded in the page (Chromium's PNG decoder, no Node image library).
import type { Page } from "@playwright/test";

export interface PixelStats {
  /** Share of pixels that differ between the two pictures (0 without a second one). */
  differing: number;
  /** Share of pixels that differ from the background (the commonest colour): the model and its marks. */
  nonBackground: number;
  /** Centre of those pixels as a fraction of the width and height (0.5 when there are none). */
  cx: number;
  cy: number;
}

/** Statistics of a screenshot (a PNG data URL), optionally against a second one of the same size. */
export async function pixelStats(page: Page, a: string, b?: string): Promise<PixelStats> {
  return page.evaluate(
    async ([first, second]) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d");
        if (!ctx) throw new Error("no 2d context");
        ctx.drawImage(img, 0, 0);
        return { data: ctx.getImageData(0, 0, c.width, c.height).data, width: c.width, height: c.height };
      };
      const { data: p, width, height } = await load(first as string);
      const q = second ? (await load(second)).data : null;
      // The background is the flat colour seen most often (a corner may hold a label or the model).
      const counts = new Map<number, number>();
      let background = 0;
      let most = 0;
      for (let i = 0; i < p.length; i += 4) {
        const key = ((p[i] ?? 0) << 16) | ((p[i + 1] ?? 0) << 8) | (p[i + 2] ?? 0);
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        if (n > most) {
          most = n;
          background = key;
        }
      }
      const [br, bgreen, bb] = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
      let differing = 0;
      let nonBackground = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < p.length; i += 4) {
        const bg = Math.abs((p[i] ?? 0) - br) + Math.abs((p[i + 1] ?? 0) - bgreen) + Math.abs((p[i + 2] ?? 0) - bb);
        if (bg > 24) {
          nonBackground++;
          sx += (i / 4) % width;
          sy += Math.floor(i / 4 / width);
        }
        if (q) {
          const d =
            Math.abs((p[i] ?? 0) - (q[i] ?? 0)) +
            Math.abs((p[i + 1] ?? 0) - (q[i + 1] ?? 0)) +
            Math.abs((p[i + 2] ?? 0) - (q[i + 2] ?? 0));
          if (d > 24) differing++;
        }
      }
      const n = p.length / 4;
      return {
        differing: differing / n,
        nonBackground: nonBackground / n,
        cx: nonBackground ? sx / nonBackground / width : 0.5,
        cy: nonBackground ? sy / nonBackground / height : 0.5,
      };
    },
    [a, b] as const,
  );
}
