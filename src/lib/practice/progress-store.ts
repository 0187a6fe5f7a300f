// The student's progress (flashcard memory, quiz results, today's count), kept on this device only: one versioned
// localStorage key, export and import as a JSON file, reset. When storage is unavailable or full, progress lives in
// memory for the visit and `notice` says it will not be kept. Nothing is ever sent anywhere.

export const PROGRESS_KEY = "palpate.progress.v1";
export const PROGRESS_VERSION = 1;

/** A flashcard's FSRS memory, with dates as ISO strings (ts-fsrs's Card, serialisable). */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State). */
  state: 0 | 1 | 2 | 3;
  last_review?: string;
}

/** How a structure has gone in the 3D quizzes. */
export interface QuizRecord {
  right: number;
  wrong: number;
  /** ISO time of the last answer. */
  last: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** By card id: `s:<structure id>` or `g:<glossary term id>`. */
  cards: Record<string, StoredCard>;
  quiz: Record<string, QuizRecord>;
  /** Cards reviewed on one local day (YYYY-MM-DD). */
  today: { date: string; reviewed: number; introduced: number };
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, cards: {}, quiz: {}, today: { date: "", reviewed: 0, introduced: 0 } };
}

/** A progress file or stored value that cannot be used, with a sentence naming the field. */
export class ProgressError extends Error {
  override name = "ProgressError";
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const CARD_ID = /^[sg]:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STRUCTURE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ENTRIES = 5000;

function number(where: string, value: unknown, min = 0): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new ProgressError(`${where} must be a number${min === 0 ? " of 0 or more" : ""}.`);
  }
  return value;
}

function date(where: string, value: unknown): string {
  if (typeof value !== "string" || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ProgressError(`${where} must be a date like 2026-01-31T12:00:00.000Z.`);
  }
  return value;
}

function readCard(where: string, v: unknown): StoredCard {
  if (!isObject(v)) throw new ProgressError(`${where} must be an object.`);
  const state = v["state"];
  if (state !== 0 && state !== 1 && state !== 2 && state !== 3)
    throw new ProgressError(`${where}.state must be 0, 1, 2 or 3.`);
  const card: StoredCard = {
    due: date(`${where}.due`, v["due"]),
    stability: number(`${where}.stability`, v["stability"]),
    difficulty: number(`${where}.difficulty`, v["difficulty"]),
    elapsed_days: number(`${where}.elapsed_days`, v["elapsed_days"]),
    scheduled_days: number(`${where}.scheduled_days`, v["scheduled_days"]),
    learning_steps: number(`${where}.learning_steps`, v["learning_steps"]),
    reps: number(`${where}.reps`, v["reps"]),
    lapses: number(`${where}.lapses`, v["lapses"]),
    state,
  };
  if (v["last_review"] !== undefined) card.last_review = date(`${where}.last_review`, v["last_review"]);
  return card;
}

/**
 * Checks a parsed progress value field by field. Throws a ProgressError whose message names `source` and the
 * first bad field, e.g. `palpate-progress.json: cards["s:deltoid"].due must be a date ...`.
 */
export function validateProgress(value: unknown, source: string): Progress {
  try {
    if (!isObject(value)) throw new ProgressError("the file must hold one JSON object.");
    if (value["version"] !== PROGRESS_VERSION) {
      throw new ProgressError(
        `version must be ${PROGRESS_VERSION} (this file says ${JSON.stringify(value["version"]) ?? "nothing"}); it was not made by this site's progress export.`,
      );
    }
    const cards = value["cards"] ?? {};
    const quiz = value["quiz"] ?? {};
    if (!isObject(cards)) throw new ProgressError("cards must be an object.");
    if (!isObject(quiz)) throw new ProgressError("quiz must be an object.");
    if (Object.keys(cards).length + Object.keys(quiz).length > MAX_ENTRIES)
      throw new ProgressError("the file holds too many entries to be progress from this site.");
    const out = emptyProgress();
    for (const [id, card] of Object.entries(cards)) {
      if (!CARD_ID.test(id))
        throw new ProgressError(`cards has an unknown card name ${JSON.stringify(id.slice(0, 60))}.`);
      out.cards[id] = readCard(`cards[${JSON.stringify(id)}]`, card);
    }
    for (const [id, entry] of Object.entries(quiz)) {
      const where = `quiz[${JSON.stringify(id.slice(0, 60))}]`;
      if (!STRUCTURE_ID.test(id))
        throw new ProgressError(`quiz has an unknown structure name ${JSON.stringify(id.slice(0, 60))}.`);
      if (!isObject(entry)) throw new ProgressError(`${where} must be an object.`);
      out.quiz[id] = {
        right: number(`${where}.right`, entry["right"]),
        wrong: number(`${where}.wrong`, entry["wrong"]),
        last: date(`${where}.last`, entry["last"]),
      };
    }
    const today = value["today"];
    if (isObject(today) && typeof today["date"] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(today["date"])) {
      out.today = {
        date: today["date"],
        reviewed: number("today.reviewed", today["reviewed"]),
        introduced: number("today.introduced", today["introduced"] ?? 0),
      };
    }
    return out;
  } catch (error) {
    if (error instanceof ProgressError) throw new ProgressError(`${source}: ${error.message}`);
    throw error;
  }
}

/** Reads an exported progress file's text; a clear ProgressError for anything that is not one. */
export function parseProgressFile(text: string, fileName: string): Progress {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProgressError(`${fileName}: not a JSON file (it could not be read as JSON).`);
  }
  return validateProgress(value, fileName);
}

/** The file an export writes: the progress itself, pretty-printed. */
export function serialiseProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

export const STORAGE_NOTICE =
  "This browser is not letting the site store anything (private browsing, blocked storage or a full disk). Everything works for this visit, but your progress will be lost when you leave. Export it to a file to keep it.";

/** Where progress is read and written; the window's localStorage in the browser. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class ProgressStore {
  progress: Progress;
  /** False once storage failed: progress lives in memory for this visit. */
  persistent = true;
  /** A sentence for the reader when progress will not be kept, or when stored progress could not be read. */
  notice: string | null = null;

  constructor(private readonly storage: ProgressStorage | null) {
    this.progress = emptyProgress();
    if (!storage) {
      this.persistent = false;
      this.notice = STORAGE_NOTICE;
      return;
    }
    let raw: string | null = null;
    try {
      raw = storage.getItem(PROGRESS_KEY);
    } catch {
      this.persistent = false;
      this.notice = STORAGE_NOTICE;
      return;
    }
    if (raw === null) return;
    try {
      this.progress = parseProgressFile(raw, "Saved progress");
    } catch (error) {
      // Kept aside rather than overwritten, so nothing is lost silently.
      try {
        storage.setItem(`${PROGRESS_KEY}.unreadable`, raw);
      } catch {}
      this.notice = `${(error as Error).message} It was set aside and progress starts afresh.`;
    }
  }

  /** Writes the progress; on failure switches to memory for the visit and sets the notice. Returns success. */
  save(): boolean {
    if (!this.persistent || !this.storage) return false;
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(this.progress));
      return true;
    } catch {
      this.persistent = false;
      this.notice = STORAGE_NOTICE;
      return false;
    }
  }

  replace(progress: Progress): void {
    this.progress = progress;
    this.save();
  }

  reset(): void {
    this.progress = emptyProgress();
    if (!this.persistent || !this.storage) return;
    try {
      this.storage.removeItem(PROGRESS_KEY);
    } catch {
      this.persistent = false;
      this.notice = STORAGE_NOTICE;
    }
  }
}

/** The page's localStorage, or null when even reading the property throws (some privacy settings do). */
export function browserStorage(): ProgressStorage | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}
