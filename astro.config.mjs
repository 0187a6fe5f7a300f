// Astro configuration: static output, MDX content, one React island (the 3D viewer), sitemap.
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";

export default defineConfig({
  // Used for the sitemap and canonical links; override with SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? "https://palpate.example.org",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx(), react(), sitemap()],
  server: { port: 4321, host: "127.0.0.1" },
  preview: { port: 4321, host: "127.0.0.1" },
  devToolbar: { enabled: false },
});
