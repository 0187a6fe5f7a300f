// The content check (src/content-check/, the first step of `npm run build`): the real content passes, and each kind
// of broken content fails with a message naming the file and the field. Each case copies content/ to a temporary
// folder, breaks one thing, and runs the check there.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent, formatProblem } from "../../src/content-check/check.ts";

const root = new URL("../../", import.meta.url).pathname;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the project's content with one change, and the check's messages for it. */
function checkWith(change: (edit: (file: string, f: (text: string) => string) => void, dir: string) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), "palpate-content-"));
  made.push(dir);
  cpSync(join(root, "content"), join(dir, "content"), { recursive: true });
  const edit = (file: string, f: (text: string) => string) => {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = f(before);
    if (after === before) throw new Error(`test setup: the edit to ${file} changed nothing`);
    writeFileSync(path, after);
  };
  change(edit, dir);
  return checkContent(dir).map(formatProblem);
}

const CONDITION = "content/conditions/frozen-shoulder.mdx";
const RECORD = "content/anatomy/shoulder/deltoid.yaml";

describe("content check", () => {
  it("passes the project's own content", () => {
    expect(checkContent(root).map(formatProblem)).toEqual([]);
  });

  it("names a missing required section", () => {
    const out = checkWith((edit) => edit(CONDITION, (t) => t.replace(/^## Symptoms\n/m, "")));
    expect(out).toEqual([
      expect.stringMatching(
        /^content\/conditions\/frozen-shoulder\.mdx: body \(## headings\): missing section "Symptoms"/,
      ),
    ]);
  });

  it("names an unknown structure id in a figure, and an id outside the figure's model", () => {
    const out = checkWith((edit) =>
      edit(CONDITION, (t) =>
        t.replace("      - coracohumeral-ligament\n", "      - coracohumeral-ligamnt\n      - gastrocnemius\n"),
      ),
    );
    expect(out).toEqual([
      `${CONDITION}: anatomy[0].focus[1]: unknown anatomy id "coracohumeral-ligamnt" (no content/anatomy record)`,
      expect.stringMatching(
        /^content\/conditions\/frozen-shoulder\.mdx: anatomy\[0\]\.focus\[2\]: "gastrocnemius" is not in the shoulder model/,
      ),
    ]);
  });

  it("names a figure placed twice, one never placed, a <Figure> past the list, and an inline <AnatomyViewer>", () => {
    const LESSON = "content/lessons/tissues-101.mdx";
    const out = checkWith((edit) =>
      edit(LESSON, (t) =>
        t
          .replace("<Figure n={1} />", "<Figure n={0} />")
          .replace("<Figure n={2} />", '<Figure n={9} />\n<AnatomyViewer model="shoulder" focus={["deltoid"]} />'),
      ),
    );
    expect(out).toEqual([
      expect.stringMatching(/^content\/lessons\/tissues-101\.mdx: body, line \d+: <AnatomyViewer>: put the figure in/),
      expect.stringMatching(
        /^content\/lessons\/tissues-101\.mdx: body, line \d+: <Figure n=\{9\}>: there is no anatomy\[9\]/,
      ),
      `${LESSON}: anatomy[0]: placed 2 times in the body; place it once with <Figure n={0} />`,
      `${LESSON}: anatomy[1]: placed 0 times in the body; place it once with <Figure n={1} />`,
      `${LESSON}: anatomy[2]: placed 0 times in the body; place it once with <Figure n={2} />`,
    ]);
  });

  it("names an unknown reference id in the frontmatter and in a <Cite> in the body", () => {
    const out = checkWith((edit) =>
      edit(CONDITION, (t) =>
        t
          .replace(
            "references:\n  - statpearls-adhesive-capsulitis\n",
            "references:\n  - statpearls-adhesive-capsulitiz\n",
          )
          .replace(/^## Symptoms\n/m, '## Symptoms\n\nA claim.<Cite id="no-such-source" />\n'),
      ),
    );
    expect(out).toContainEqual(
      expect.stringMatching(
        /^content\/conditions\/frozen-shoulder\.mdx: references\[0\]: unknown reference \(content\/references\.yaml\) id "statpearls-adhesive-capsulitiz"/,
      ),
    );
    expect(out).toContainEqual(
      expect.stringMatching(
        /^content\/conditions\/frozen-shoulder\.mdx: body, line \d+: <Cite id="no-such-source">: unknown reference id/,
      ),
    );
  });

  it("names an unknown glossary term in the body and in keyTerms", () => {
    const out = checkWith((edit) =>
      edit(CONDITION, (t) =>
        t
          .replace("keyTerms:\n  - adhesive-capsulitis\n", "keyTerms:\n  - adhesive-capsulitiss\n")
          .replace(/^## Symptoms\n/m, '## Symptoms\n\nA <Term id="not-a-term">word</Term>.\n'),
      ),
    );
    expect(out).toContainEqual(
      `${CONDITION}: keyTerms[0]: unknown glossary term (content/glossary/) id "adhesive-capsulitiss"`,
    );
    expect(out).toContainEqual(
      expect.stringMatching(
        /^content\/conditions\/frozen-shoulder\.mdx: body, line \d+: <Term id="not-a-term">: unknown glossary id "not-a-term"/,
      ),
    );
  });

  it("names a duplicate id and a duplicate alias", () => {
    const out = checkWith((edit, dir) => {
      // The same record filed twice, in two region folders.
      cpSync(join(dir, RECORD), join(dir, "content/anatomy/trunk/deltoid.yaml"));
      edit("content/anatomy/shoulder/teres-minor.yaml", (t) => t.replace(/^aliases: \[/m, 'aliases: ["Deltoideus", '));
    });
    expect(out).toContainEqual(
      expect.stringMatching(
        /^content\/anatomy\/trunk\/deltoid\.yaml: id: duplicate anatomy record \(content\/anatomy\/\) id "deltoid" \(also content\/anatomy\/shoulder\/deltoid\.yaml\)/,
      ),
    );
    expect(out).toContainEqual(
      'content/anatomy/shoulder/teres-minor.yaml: aliases[0]: "Deltoideus" already names "deltoid"',
    );
  });

  it("names the field of a malformed anatomy record, and YAML that does not parse", () => {
    const out = checkWith((edit) => {
      edit(RECORD, (t) => t.replace(/^layer: 1$/m, "layer: superficial"));
    });
    expect(out).toEqual([expect.stringMatching(/^content\/anatomy\/shoulder\/deltoid\.yaml: layer: /)]);
    const broken = checkWith((edit) => edit(RECORD, (t) => `${t}\n  : - [unclosed\n`));
    expect(broken).toEqual([
      expect.stringMatching(/^content\/anatomy\/shoulder\/deltoid\.yaml: \(file\): not valid YAML/),
    ]);
  });
});
