// Typed answers in the 3D quiz: names and aliases accepted whatever the case and punctuation, small typos forgiven,
// and a near name of another structure never passes for the asked one.
import { describe, expect, it } from "vitest";
import { typoAllowance } from "../../src/lib/edit-distance.ts";
import { matchAnswer, normaliseAnswer } from "../../src/lib/practice/answer-match.ts";
import { yamlRecords } from "../support/content.ts";

describe("matchAnswer", () => {
  const records = yamlRecords<{ id: string; name: string; aliases?: string[] }>("anatomy").map((r) => ({
    id: r.data.id,
    name: r.data.name,
    aliases: r.data.aliases ?? [],
  }));
  const byName = (name: string) => records.find((r) => r.name === name);

  it("accepts every record's name and aliases exactly, in any case and with stray punctuation", () => {
    for (const r of records) {
      for (const n of [r.name, ...r.aliases]) {
        expect(matchAnswer(`  ${n.toUpperCase()}. `, records), `${r.id}: "${n}"`).toEqual({ id: r.id, exact: true });
      }
    }
  });

  it("forgives small typos in long names", () => {
    const cases: [string, string][] = [
      ["supraspinatis", "Supraspinatus"],
      ["gastrocnemeus", "Gastrocnemius"],
      ["sternocleidomastiod", "Sternocleidomastoid"],
      ["latisimus dorsi", "Latissimus dorsi"],
    ];
    for (const [typed, name] of cases) {
      const r = byName(name);
      expect(r, `record named ${name}`).toBeDefined();
      expect(matchAnswer(typed, records)).toEqual({ id: r?.id, exact: false });
    }
  });

  it("accepts an alias with a typo", () => {
    const r = records.find((x) => x.aliases.some((a) => a.length >= 9));
    const alias = r?.aliases.find((a) => a.length >= 9) ?? "";
    const typo = `${alias.slice(0, 3)}${alias[4]}${alias[3]}${alias.slice(5)}`;
    expect(matchAnswer(typo, records).id).toBe(r?.id);
  });

  it("does not pass a different structure's name or a wild guess", () => {
    const major = byName("Teres major");
    const minor = byName("Teres minor");
    expect(matchAnswer("teres minor", records).id).toBe(minor?.id);
    expect(matchAnswer("teres major", records).id).toBe(major?.id);
    expect(matchAnswer("teres", records).id).toBeNull();
    expect(matchAnswer("biceps", records).id).not.toBe(byName("Triceps brachii")?.id);
    expect(matchAnswer("", records).id).toBeNull();
    expect(matchAnswer("xylophone", records).id).toBeNull();
  });

  it("forgives nothing in short names, where one letter makes another word", () => {
    expect(typoAllowance(4)).toBe(0);
    expect(matchAnswer("ulnb", [{ id: "ulna", name: "Ulna", aliases: [] }]).id).toBeNull();
  });

  it("refuses a typo equally near two structures", () => {
    const candidates = [
      { id: "a", name: "Abcdefghij", aliases: [] },
      { id: "b", name: "Abcdefghik", aliases: [] },
    ];
    expect(matchAnswer("abcdefghiz", candidates).id).toBeNull();
  });

  it("normalises accents, brackets and the word muscle", () => {
    expect(normaliseAnswer("The Abductor digiti minimi (foot) muscle")).toBe("abductor digiti minimi foot");
    expect(normaliseAnswer("Érector spinae")).toBe("erector spinae");
  });
});
