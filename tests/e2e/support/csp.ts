// Makes Content-Security-Policy violations visible to a test: every page of the context logs each
// `securitypolicyviolation` event as a console error starting "CSP violation", which the specs' watchers collect.
import type { BrowserContext, ConsoleMessage } from "@playwright/test";

export const CSP_PREFIX = "CSP violation";

export async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript((prefix: string) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `${prefix}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  }, CSP_PREFIX);
}

/** A console message that reports a CSP violation: our own listener's, or Chromium's "Refused to …" log. */
export function isCspMessage(msg: ConsoleMessage): boolean {
  const text = msg.text();
  return text.startsWith(CSP_PREFIX) || text.includes("Content Security Policy");
}
