// Figure posters (src/components/viewer/poster.ts) are drawn into .cache/posters/ while pages render. This
// integration puts the ones the pages name into dist/posters/, names the first poster of each page as its social
// preview image (og:image, which the page head cannot know before its figures render), and serves the cache at
// /posters/ in `astro dev`.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { htmlFiles } from "../../scripts/dist-html.ts";
import { POSTER_CACHE as CACHE, POSTER_URL } from "../components/viewer/poster-files.ts";

const NAME = "([a-z0-9-]+\\.webp)";
const POSTER = new RegExp(`<img class="av-poster" src="${POSTER_URL}/${NAME}" width="(\\d+)" height="(\\d+)"`, "g");

export function posters(): AstroIntegration {
  let site: URL | undefined;
  let root = process.cwd();
  return {
    name: "palpate:posters",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        root = fileURLToPath(config.root);
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = new RegExp(`^${POSTER_URL}/${NAME}$`).exec(req.url ?? "")?.[1];
          const path = name ? join(root, CACHE, name) : "";
          if (!name || !existsSync(path)) return next();
          res.setHeader("Content-Type", "image/webp");
          createReadStream(path).pipe(res);
        });
      },
      "astro:build:done": ({ dir }) => {
        const out = fileURLToPath(dir);
        const used = new Set<string>();
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, "utf8");
          const found = [...html.matchAll(POSTER)];
          for (const [, name] of found) used.add(name as string);
          const first = found[0];
          if (!first || !site || !html.includes("</head>")) continue;
          const [, name, width, height] = first;
          const meta = [
            `<meta property="og:image" content="${new URL(`${POSTER_URL}/${name}`, site).href}">`,
            `<meta property="og:image:type" content="image/webp">`,
            `<meta property="og:image:width" content="${width}">`,
            `<meta property="og:image:height" content="${height}">`,
            `<meta name="twitter:card" content="summary_large_image">`,
          ].join("");
          writeFileSync(file, html.replace("</head>", `${meta}</head>`));
        }
        const dest = join(out, POSTER_URL);
        mkdirSync(dest, { recursive: true });
        for (const name of used) {
          const from = join(root, CACHE, name);
          if (!existsSync(from)) throw new Error(`${from}: a page names this poster but it was not drawn`);
          copyFileSync(from, join(dest, name));
        }
      },
    },
  };
}
