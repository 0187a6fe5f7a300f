// Progress on the device: the versioned storage key, a memory fallback with a notice when storage fails, import
// validation with errors that name the field, and FSRS scheduling that survives a save and reload.
import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  emptyProgress,
  PROGRESS_KEY,
  ProgressError,
  type ProgressStorage,
  ProgressStore,
  parseProgressFile,
  STORAGE_NOTICE,
  serialiseProgress,
} from "../../src/lib/practice/progress-store.ts";
import {
  dueQueue,
  NEW_CARDS_PER_DAY,
  progressByRegion,
  rateCard,
  recordQuizAnswer,
  weakStructures,
} from "../../src/lib/practice/schedule.ts";

class MemoryStorage implements ProgressStorage {
  items = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const deck = [
  { id: "s:deltoid", region: "shoulder" },
  { id: "s:supraspinatus", region: "shoulder" },
  { id: "s:soleus", region: "leg-foot" },
  { id: "g:tendinopathy", region: "glossary" },
];

describe("scheduling round trip through storage", () => {
  it("rates cards, stores them under the versioned key, and reads the same schedule back", () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage);
    const now = new Date("2026-03-02T09:00:00.000Z");
    const goodDue = rateCard(store.progress, "s:deltoid", Rating.Good, now);
    const easyDue = rateCard(store.progress, "s:soleus", Rating.Easy, now);
    rateCard(store.progress, "s:supraspinatus", Rating.Again, now);
    expect(easyDue.getTime()).toBeGreaterThan(goodDue.getTime());
    expect(goodDue.getTime()).toBeGreaterThan(now.getTime());
    expect(store.save()).toBe(true);
    expect([...storage.items.keys()]).toEqual([PROGRESS_KEY]);

    const reloaded = new ProgressStore(storage);
    expect(reloaded.notice).toBeNull();
    expect(reloaded.progress).toEqual(store.progress);
    expect(reloaded.progress.today.reviewed).toBe(3);
    // Again: due again after a minute (Good after ten), so first in today's queue; the glossary card is new.
    const soon = new Date(now.getTime() + 5 * 60_000);
    expect(dueQueue(reloaded.progress, deck, soon)).toEqual(["s:supraspinatus", "g:tendinopathy"]);
    // Reviewing the reloaded card continues its history.
    const later = new Date(goodDue.getTime() + 60_000);
    rateCard(reloaded.progress, "s:deltoid", Rating.Good, later);
    expect(reloaded.progress.cards["s:deltoid"]?.reps).toBe(2);
  });

  it("a missed quiz answer makes the structure's card due at once and counts it weak", () => {
    const progress = emptyProgress();
    const now = new Date("2026-03-02T09:00:00.000Z");
    rateCard(progress, "s:soleus", Rating.Easy, now);
    expect(dueQueue(progress, deck, now)).not.toContain("s:soleus");
    recordQuizAnswer(progress, "soleus", false, now);
    recordQuizAnswer(progress, "deltoid", true, now);
    expect(dueQueue(progress, deck, now)[0]).toBe("s:soleus");
    expect(weakStructures(progress)).toEqual(["soleus"]);
    expect(progress.quiz["deltoid"]).toMatchObject({ right: 1, wrong: 0 });
  });

  it("introduces at most the day's ration of new cards, and counts progress per region", () => {
    const progress = emptyProgress();
    const big = Array.from({ length: 50 }, (_, i) => ({ id: `s:m${i}`, region: i < 30 ? "trunk" : "shoulder" }));
    const now = new Date("2026-03-02T09:00:00.000Z");
    expect(dueQueue(progress, big, now)).toHaveLength(NEW_CARDS_PER_DAY);
    for (let i = 0; i < 5; i++) rateCard(progress, `s:m${i}`, Rating.Easy, now);
    expect(dueQueue(progress, big, now)).toHaveLength(NEW_CARDS_PER_DAY - 5);
    const trunk = progressByRegion(progress, big, now).find((r) => r.region === "trunk");
    expect(trunk).toMatchObject({ total: 30, learned: 5, dueToday: 0 });
    expect(trunk?.retention).toBeGreaterThan(0.9);
    expect(progressByRegion(progress, big, now).find((r) => r.region === "shoulder")?.retention).toBeNull();
  });
});

describe("storage failures", () => {
  it("keeps working in memory with the notice when writing fails (storage full)", () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = new ProgressStore(storage);
    expect(store.notice).toBeNull();
    rateCard(store.progress, "s:deltoid", Rating.Good, new Date());
    expect(store.save()).toBe(false);
    expect(store.persistent).toBe(false);
    expect(store.notice).toBe(STORAGE_NOTICE);
    expect(store.progress.cards["s:deltoid"]).toBeDefined();
  });

  it("keeps working with the notice when storage cannot even be read", () => {
    const blocked: ProgressStorage = {
      getItem() {
        throw new DOMException("denied", "SecurityError");
      },
      setItem() {
        throw new DOMException("denied", "SecurityError");
      },
      removeItem() {},
    };
    const store = new ProgressStore(blocked);
    expect(store.notice).toBe(STORAGE_NOTICE);
    expect(new ProgressStore(null).notice).toBe(STORAGE_NOTICE);
  });

  it("sets unreadable saved progress aside with a notice instead of losing it", () => {
    const storage = new MemoryStorage();
    storage.items.set(PROGRESS_KEY, "{not json");
    const store = new ProgressStore(storage);
    expect(store.notice).toMatch(/^Saved progress: not a JSON file/);
    expect(storage.items.get(`${PROGRESS_KEY}.unreadable`)).toBe("{not json");
  });
});

describe("import and export", () => {
  const valid = () => {
    const p = emptyProgress();
    rateCard(p, "s:deltoid", Rating.Good, new Date("2026-03-02T09:00:00.000Z"));
    recordQuizAnswer(p, "soleus", false, new Date("2026-03-02T09:00:00.000Z"));
    return p;
  };

  it("reads back what it exports", () => {
    const p = valid();
    expect(parseProgressFile(serialiseProgress(p), "progress.json")).toEqual(p);
  });

  it.each([
    ["not json", () => "{", /^progress\.json: not a JSON file/],
    ["an array", () => "[]", /^progress\.json: the file must hold one JSON object/],
    [
      "another version",
      () => JSON.stringify({ ...valid(), version: 2 }),
      /^progress\.json: version must be 1 \(this file says 2\)/,
    ],
    [
      "a bad due date",
      () => {
        const p = valid() as unknown as { cards: Record<string, Record<string, unknown>> };
        (p.cards["s:deltoid"] as Record<string, unknown>)["due"] = "tomorrow";
        return JSON.stringify(p);
      },
      /^progress\.json: cards\["s:deltoid"\]\.due must be a date/,
    ],
    [
      "a negative count",
      () => {
        const p = valid() as unknown as { quiz: Record<string, Record<string, unknown>> };
        (p.quiz["soleus"] as Record<string, unknown>)["wrong"] = -1;
        return JSON.stringify(p);
      },
      /^progress\.json: quiz\["soleus"\]\.wrong must be a number of 0 or more/,
    ],
    [
      "an unknown card",
      () => JSON.stringify({ ...valid(), cards: { "<b>": {} } }),
      /^progress\.json: cards has an unknown card name/,
    ],
  ])("refuses %s with an error naming the field", (_, text, message) => {
    expect(() => parseProgressFile(text(), "progress.json")).toThrow(ProgressError);
    expect(() => parseProgressFile(text(), "progress.json")).toThrow(message);
  });

  it("reset clears the stored key", () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage);
    store.replace(valid());
    expect(storage.items.has(PROGRESS_KEY)).toBe(true);
    store.reset();
    expect(storage.items.has(PROGRESS_KEY)).toBe(false);
    expect(store.progress).toEqual(emptyProgress());
  });
});
