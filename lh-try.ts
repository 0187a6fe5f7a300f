import { chromium } from "@playwright/test";
import { startPreview } from "./bench/preview-server.ts";
const { default: lighthouse } = await import("lighthouse");
const server = await startPreview(new URL("./", import.meta.url), "lh");
const port = 9555;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [`--remote-debugging-port=${port}`, "--enable-unsafe-swiftshader", "--use-angle=swiftshader"] });
for (const path of ["/conditions/carpal-tunnel-syndrome/", "/anatomy/explore/", "/anatomy/flexor-carpi-radialis/"]) {
  const r = await lighthouse(`${server.base}${path}`, { port, output: "json", logLevel: "error", onlyCategories: ["accessibility", "performance"] });
  const lhr = r!.lhr;
  console.log(path, "perf", lhr.categories.performance.score, "a11y", lhr.categories.accessibility.score, "LCP", lhr.audits["largest-contentful-paint"].numericValue, "TBT", lhr.audits["total-blocking-time"].numericValue);
  for (const a of Object.values(lhr.audits)) {
    if (lhr.categories.accessibility.auditRefs.some((x) => x.id === a.id) && a.score !== null && a.score < 1) {
      console.log(path, "A11Y FAIL", a.id, JSON.stringify((a.details as any)?.items?.slice(0, 3)?.map((i: any) => i.node?.snippet ?? i.node?.selector)));
    }
  }
  const ls = lhr.audits["layout-shifts"];
  console.log(path, "CLS", lhr.audits["cumulative-layout-shift"].numericValue, JSON.stringify((ls?.details as any)?.items?.slice(0, 5)?.map((i: any) => [i.node?.snippet?.slice(0, 140), i.score])));
  console.log(path, "LCP el", JSON.stringify((lhr.audits["largest-contentful-paint-element"]?.details as any)?.items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 160)));
  const bt = lhr.audits["bootup-time"]?.details as any;
  console.log(path, "bootup", JSON.stringify(bt?.items?.slice(0, 4)?.map((i: any) => [i.url.slice(-40), Math.round(i.total)])));
}
await browser.close();
server.stop();
