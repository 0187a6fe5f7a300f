// Vitest, two projects:
//   unit  — pure TypeScript (lib, schemas, content integrity, the generator's builders): needs no build; its files
//           share one module cache per worker (isolate: false: half the time, the modules they import are pure);
//   built — checks over what `npm run build` made (public/models, dist/): run after the build.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false } },
      { extends: true, test: { name: "built", include: ["tests/built/**/*.test.ts"] } },
    ],
  },
});
