// Every teaching page's frontmatter passes the same schema the build uses (src/schemas/), with `reference()` replaced
// by a plain id check: the build itself checks that each id exists.
import { describe, expect, it } from "vitest";
import { kebabId } from "../../src/schemas/common.ts";
import { conditionSchema } from "../../src/schemas/condition.ts";
import { lessonSchema } from "../../src/schemas/lesson.ts";
import type { ReferenceFn } from "../../src/schemas/reference-fn.ts";
import { techniqueSchema } from "../../src/schemas/technique.ts";
import { mdxPages } from "../support/content.ts";

const idOnly = (() => kebabId) as unknown as ReferenceFn;

const schemas = {
  lessons: lessonSchema(idOnly),
  conditions: conditionSchema(idOnly),
  techniques: techniqueSchema(idOnly),
} as const;

describe("page frontmatter against src/schemas/", () => {
  for (const [dir, schema] of Object.entries(schemas) as [
    keyof typeof schemas,
    (typeof schemas)[keyof typeof schemas],
  ][]) {
    it.each(mdxPages(dir).map((p) => [p.slug, p.data] as const))(`${dir}/%s.mdx`, (_slug, data) => {
      const result = schema.safeParse(data);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    });
  }
});
