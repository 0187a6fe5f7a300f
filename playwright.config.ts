// End-to-end tests run against `astro preview` of the production build in dist/ (never the dev server).
// Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if installed.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env["E2E_PORT"] ?? 4321);
const candidates = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"];
const executablePath = candidates.find((p): p is string => Boolean(p && existsSync(p)));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env["CI"]),
  retries: 0,
  // Two cores: SwiftShader renders WebGL on the CPU, so more workers only slow each other down.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env["CI"] ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace snapshots the page at every action; CI keeps only its log, so it records none there.
    trace: process.env["CI"] ? "off" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    // The site's service worker would answer requests that specs intercept with page.route (broken models, blocked
    // decoder); tests/e2e/offline.spec.ts allows it.
    serviceWorkers: "block",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--enable-unsafe-swiftshader",
        "--use-angle=swiftshader",
      ],
    },
  },
  webServer: {
    // --ignore-lock: always in the foreground (Astro may background a preview it thinks an agent started) and never
    // refused because another checkout's preview holds the lock.
    command: `npx astro preview --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env["CI"],
    timeout: 60_000,
  },
});
