// Copies the checked source list from ../shared/references.yaml into content/references.yaml, keeping only
// verified entries and the fields the site shows. Sources the project checked and added itself (entries of
// content/references.yaml whose id is not in the shared list) are kept, after the shared ones, and so are
// identifiers the project checked and added to a shared entry.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";

const from = new URL("../../shared/references.yaml", import.meta.url);
const to = new URL("../content/references.yaml", import.meta.url);
if (!existsSync(from)) {
  console.error(`import-references: ${from.pathname} not found (it lives beside the repository).`);
  process.exit(1);
}
interface SharedRef {
  id: string;
  title: string;
  authors: string | null;
  year: number | null;
  venue: string | null;
  identifiers: Record<string, string>;
  supports: string;
  note?: string;
  verified: boolean;
}
const shared = parse(readFileSync(from, "utf8")) as { references: SharedRef[] };
const current = existsSync(to)
  ? ((parse(readFileSync(to, "utf8")) as { references?: { id: string; identifiers?: Record<string, string> }[] } | null)
      ?.references ?? [])
  : [];
const currentById = new Map(current.map((r) => [r.id, r]));
const kept = shared.references
  .filter((r) => r.verified)
  .map(({ id, title, authors, year, venue, identifiers, supports, note }) => ({
    id,
    title,
    authors,
    year,
    venue,
    // Identifiers the project checked and added to a shared entry (e.g. a DOI the shared list lacks) are kept;
    // the shared list wins where both give the same kind of identifier.
    identifiers: { ...currentById.get(id)?.identifiers, ...identifiers },
    supports,
    ...(note ? { note } : {}),
  }));
const sharedIds = new Set(shared.references.map((r) => r.id));
const added = current.filter((r) => !sharedIds.has(r.id));
const header =
  "# Sources the site may cite. The verified entries of the project's checked list (../shared/references.yaml) are\n" +
  "# copied by scripts/import-references.ts (edit those there); entries whose id is not in that list were checked and\n" +
  "# added by the project here, and a re-import keeps them.\n";
writeFileSync(to, header + stringify({ references: [...kept, ...added] }, { lineWidth: 0 }));
console.log(
  `import-references: ${kept.length} of ${shared.references.length} shared sources kept (verified only), ${added.length} added by the project.`,
);
