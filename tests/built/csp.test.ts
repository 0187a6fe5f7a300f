// The Content-Security-Policy Astro writes into every built page: strict script and style sources, and nothing on
// the page that the policy would block (an unhashed inline script or style, a style attribute, an inline event
// handler, a javascript: URL). The browser side (no violation at run time) is checked in tests/e2e/site.spec.ts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtPages } from "../support/dist.ts";

const pages = builtPages();

/** The page's CSP meta content as directive name → sources. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  if (content === undefined) return undefined;
  const policy = new Map<string, string[]>();
  for (const part of content.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the Content-Security-Policy of every built page", () => {
  it("covers every page", () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it.each(pages.map((p) => [p.path, p.file]))("%s", (path, file) => {
    const html = readFileSync(file, "utf8");
    const policy = policyOf(html);
    expect(policy, `${path} has no CSP meta tag`).toBeDefined();
    if (!policy) return;
    const scriptSrc = policy.get("script-src") ?? [];
    const styleSrc = policy.get("style-src") ?? [];
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(scriptSrc).toContain("'self'");
    // Pagefind and three's meshopt decoder compile WebAssembly; nothing may evaluate strings as code.
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    for (const weak of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*", "https:"]) {
      expect(scriptSrc, `${path}: script-src allows ${weak}`).not.toContain(weak);
      expect(styleSrc, `${path}: style-src allows ${weak}`).not.toContain(weak);
    }
    // The service worker, Pagefind's web worker and the web app manifest come from the site itself only.
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("manifest-src")).toEqual(["'self'"]);
    // A meta tag cannot carry frame-ancestors (Chromium warns and ignores it): that lives in public/_headers.
    expect(policy.has("frame-ancestors")).toBe(false);

    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const [, attrs = "", body = ""] = m;
      if (/\bsrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs)) continue;
      expect(scriptSrc, `${path}: inline script not hashed in the CSP: ${body.slice(0, 80)}`).toContain(sha256(body));
    }
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
      const body = m[1] ?? "";
      expect(styleSrc, `${path}: inline style not hashed in the CSP: ${body.slice(0, 80)}`).toContain(sha256(body));
    }
    expect(html.match(/<[a-z][^>]*\sstyle="[^"]*"/gi) ?? [], `${path}: style attributes (blocked by the CSP)`).toEqual(
      [],
    );
    expect(html.match(/<[a-z][^>]*\son[a-z]+="[^"]*"/gi) ?? [], `${path}: inline event handlers`).toEqual([]);
    expect(html.match(/(?:href|src|action)="\s*javascript:[^"]*"/gi) ?? [], `${path}: javascript: URLs`).toEqual([]);
  });
});
