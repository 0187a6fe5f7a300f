// Astro configuration: static output, MDX content, one React island (the 3D viewer), sitemap.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { clientNear } from "./src/integrations/client-near.ts";
import { models } from "./src/integrations/models.ts";
import { posters } from "./src/integrations/posters.ts";

/**
 * R3F's <Canvas> registers every three.js export for JSX elements (`extend(THREE)`), which keeps all of three.js in
 * the 3D chunk. The viewer builds its scene imperatively and renders no three.js JSX elements, so the registration
 * is dropped at build time and three.js is tree-shaken to what the viewer uses. An R3F version without that line
 * fails the build, so the saving is never lost unnoticed.
 */
const r3fWithoutCatalogue = {
  name: "palpate:r3f-without-catalogue",
  transform(code, id) {
    if (!/@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/.test(id)) return null;
    const registration = "React.useMemo(() => extend(THREE), []);";
    if (!code.includes(registration)) {
      throw new Error(`${id}: no \`${registration}\` to drop (R3F changed; see astro.config.mjs)`);
    }
    return { code: code.replace(registration, ""), map: null };
  },
};

// The theme script runs inline in <head> (before first paint); Astro does not hash `is:inline`
// scripts, so its hash is added here from the same file Base.astro inlines. (Astro writes the CSP meta at the
// end of <head>, after this script; the hash matters where the policy is also sent as a header.)
const themeInit = readFileSync(new URL("./src/scripts/theme-init.js", import.meta.url), "utf8");
const themeInitHash = `sha256-${createHash("sha256").update(themeInit).digest("base64")}`;

// Astro keeps parsed content in its data store and re-parses an entry only when its file or src/content.config.ts
// changes, not when a schema that file imports (src/schemas/) does: a changed schema (a new field with a default)
// would then render pages from entries parsed under the old one. The store is dropped when the schemas change.
// `npm run check` runs beside the build with a store of its own (PALPATE_ASTRO_CACHE), so the two never write one file.
const cacheDir = new URL(process.env.PALPATE_ASTRO_CACHE ?? "./.cache/astro/", new URL("./", import.meta.url));
const schemaDir = new URL("./src/schemas/", import.meta.url);
const schemaHash = createHash("sha256");
for (const name of readdirSync(schemaDir).sort())
  schemaHash.update(name).update(readFileSync(new URL(name, schemaDir)));
const schemaStamp = new URL("schemas.sha256", cacheDir);
const schemaDigest = schemaHash.digest("hex");
if (!existsSync(schemaStamp) || readFileSync(schemaStamp, "utf8") !== schemaDigest) {
  rmSync(new URL("data-store.json", cacheDir), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(schemaStamp, schemaDigest);
}

export default defineConfig({
  // Used for the sitemap and canonical links; override with SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? "https://palpate.example.org",
  trailingSlash: "always",
  // Not node_modules/.astro: worktrees that share one node_modules must not share the content data store.
  cacheDir: cacheDir.pathname,
  // Several pages at once: their figure posters are drawn by worker threads (src/components/viewer/poster-pool.ts).
  build: { format: "directory", concurrency: 4 },
  // /embed/ is a frame for other sites, not a page to find.
  integrations: [
    // First: generates public/models (cached) when a build or dev server starts, before any page reads the manifest.
    models(),
    clientNear(),
    mdx(),
    react(),
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith("/embed/") }),
    posters(),
  ],
  // No code blocks on the site, and Shiki's inline styles would be blocked by the CSP.
  markdown: { syntaxHighlight: false },
  server: { port: 4321, host: "127.0.0.1" },
  preview: { port: 4321, host: "127.0.0.1" },
  devToolbar: { enabled: false },
  vite: { plugins: [r3fWithoutCatalogue] },
  // Strict CSP as a <meta> tag on every page: only scripts and styles Astro built (hashed) or the
  // theme script above. 'wasm-unsafe-eval' lets Pagefind and three's meshopt decoder compile WebAssembly.
  // What a meta tag cannot carry (frame-ancestors) is in public/_headers.
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "form-action 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [themeInitHash],
      },
    },
  },
});
