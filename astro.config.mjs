// Astro configuration: static output, MDX content, one React island (the 3D viewer), sitemap.

import { rm } from "node:fs/promises";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";

/** The models' manifest is read at build time only (pages and the per-model data files): the browser never needs it. */
const dropBuildOnlyFiles = {
  name: "palpate:drop-build-only-files",
  hooks: {
    "astro:build:done": async ({ dir }) => {
      await rm(new URL("models/manifest.json", dir), { force: true });
    },
  },
};

export default defineConfig({
  // Used for the sitemap and canonical links; override with SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? "https://palpate.example.org",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx(), react(), sitemap(), dropBuildOnlyFiles],
  server: { port: 4321, host: "127.0.0.1" },
  preview: { port: 4321, host: "127.0.0.1" },
  devToolbar: { enabled: false },
});
