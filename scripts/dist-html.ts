// The built site's HTML pages (dist/), for the post-build steps that read them (search index, site vocabulary).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every .html file under dir, outside the search index, the bundled scripts and the models. */
export function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!["pagefind", "_astro", "models"].includes(name)) yield* htmlFiles(full);
    } else if (name.endsWith(".html")) yield full;
  }
}
