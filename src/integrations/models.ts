// Generates the 3D models (models/build.ts) when `astro build` or `astro dev` starts, before any page renders, so
// public/models/manifest.json always exists when the pages read which structures each model holds. Cached: the
// generator skips the work when its inputs are unchanged (key in .cache/palpate-models/). `astro check` and
// `astro sync` run no build or server hook, so they never generate. The manifest is read at build time only (pages
// and the per-model data files): it is left out of dist/.
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";

async function generate(root: string, logger: AstroIntegrationLogger): Promise<void> {
  // Imported here, not at the top: the generator's modules load only when a build or dev server starts.
  const { generateModels } = await import("../../models/build.ts");
  const result = await generateModels({ root, log: (line) => logger.info(line) });
  if (!result.skipped) logger.info(`generated in ${(result.timings.total / 1000).toFixed(1)} s`);
}

export function models(): AstroIntegration {
  let root = process.cwd();
  return {
    name: "palpate:models",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:start": ({ logger }) => generate(root, logger),
      "astro:server:setup": ({ logger }) => generate(root, logger),
      "astro:build:done": async ({ dir }) => {
        await rm(new URL("models/manifest.json", dir), { force: true });
      },
    },
  };
}
