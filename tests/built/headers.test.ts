// dist/_headers (Netlify and Cloudflare Pages format, from public/_headers) ships with the build and sets what a
// CSP meta tag cannot: no framing of any page outside /embed/, nosniff, the referrer policy, the permissions policy.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPages, distDir } from "../support/dist.ts";

interface Rule {
  pattern: string;
  headers: Map<string, string>;
}

/** Parses the _headers format: a path line, then indented "Name: value" lines; # starts a comment. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: new Map() });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers: header line outside a rule or without a colon: ${line}`);
    rule.headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return rules;
}

/** Splat matching as both hosts do it: "*" matches any run of characters (slashes too); otherwise exact. */
function matches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(path);
}

const file = join(distDir, "_headers");
const rules = existsSync(file) ? parseHeaders(readFileSync(file, "utf8")) : [];
const headersFor = (path: string) => rules.filter((r) => matches(r.pattern, path)).map((r) => r.headers);
const valuesFor = (path: string, name: string) => headersFor(path).flatMap((h) => h.get(name) ?? []);

describe("dist/_headers", () => {
  it("is shipped with the build", () => {
    expect(existsSync(file), `${file} is missing (public/_headers is copied by the build)`).toBe(true);
    expect(rules.length).toBeGreaterThan(1);
  });

  it("sets nosniff, the referrer policy and the permissions policy on everything", () => {
    for (const path of ["/", "/learn/", "/_astro/x.js", "/models/upper-limb.glb", "/embed/x/"]) {
      expect(valuesFor(path, "x-content-type-options"), path).toEqual(["nosniff"]);
      expect(valuesFor(path, "referrer-policy"), path).toEqual(["strict-origin-when-cross-origin"]);
      const permissions = valuesFor(path, "permissions-policy");
      expect(permissions, path).toHaveLength(1);
      // Features the site never uses are denied; fullscreen is the viewer's own button.
      for (const denied of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) {
        expect(permissions[0], `${path}: ${denied}`).toContain(denied);
      }
      expect(permissions[0]).toContain("fullscreen=(self)");
    }
  });

  it("forbids framing of every built page outside /embed/", () => {
    const pages = builtPages().filter((p) => !p.path.startsWith("/embed/"));
    expect(pages.length).toBeGreaterThan(100);
    for (const { path } of pages) {
      const csp = valuesFor(path, "content-security-policy");
      expect(csp, `${path}: no single frame-ancestors rule`).toEqual(["frame-ancestors 'none'"]);
      expect(valuesFor(path, "x-frame-options"), path).toEqual(["DENY"]);
    }
  });

  it("has the service worker and its file list fetched fresh, so a new deploy is noticed", () => {
    for (const path of ["/sw.js", "/offline/files.json"]) {
      expect(valuesFor(path, "cache-control"), path).toEqual(["no-cache"]);
    }
  });

  it("lets /embed/ pages be framed", () => {
    const built = builtPages()
      .map((p) => p.path)
      .filter((p) => p.startsWith("/embed/"));
    expect(built).toContain("/embed/");
    for (const path of [...built, "/embed/trapezius/"]) {
      const csp = valuesFor(path, "content-security-policy");
      expect(csp, path).toHaveLength(1);
      expect(csp[0]).not.toContain("'none'");
      expect(valuesFor(path, "x-frame-options"), path).toEqual([]);
    }
  });
});
