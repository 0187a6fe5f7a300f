// Writes the web app icons (public/icons/) from one drawing: the favicon's mark (a hand's arc over a teal disc).
// The PNGs are committed; rerun after changing the drawing: node scripts/make-icons.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const OUT = fileURLToPath(new URL("../public/icons/", import.meta.url));
const TEAL = "#0f6b5c";

/** The mark on a 32-unit grid: on a disc (any purpose) or on a full-bleed square (maskable, apple-touch). */
function mark(background: "disc" | "square"): string {
  const bg =
    background === "disc"
      ? `<circle cx="16" cy="16" r="15" fill="${TEAL}"/>`
      : `<rect x="-4" y="-4" width="40" height="40" fill="${TEAL}"/>`;
  // Maskable icons keep their content inside the central 80% circle; the square one shrinks the arc to fit.
  const arc =
    background === "disc"
      ? `<path d="M9 19c2-6 5-9 7-9s5 3 7 9" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/>`
      : `<path d="M10.5 18.5c1.6-4.8 4-7.2 5.5-7.2s3.9 2.4 5.5 7.2" stroke="#fff" stroke-width="2" fill="none" stroke-linecap="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Palpate</title>${bg}${arc}</svg>`;
}

mkdirSync(OUT, { recursive: true });
const any = mark("disc");
const square = mark("square");
writeFileSync(`${OUT}icon.svg`, `${any}\n`);
const png = (svg: string, size: number, file: string) =>
  sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${OUT}${file}`);
await Promise.all([
  png(any, 192, "icon-192.png"),
  png(any, 512, "icon-512.png"),
  png(square, 512, "icon-maskable-512.png"),
  png(square, 180, "apple-touch-icon.png"),
]);
console.log(`icons written to ${OUT}`);
