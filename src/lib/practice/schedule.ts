// Flashcard scheduling with FSRS (ts-fsrs) over the stored progress: rate a card, deal due cards first then a daily
// ration of new ones, count progress per region, and let a missed 3D-quiz answer make its card due.
import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from "ts-fsrs";
import type { Progress, StoredCard } from "./progress-store.ts";

/** New cards introduced per day at most, so reviews stay manageable. */
export const NEW_CARDS_PER_DAY = 20;

const scheduler = fsrs({ enable_fuzz: false });

export const GRADES = [
  { grade: Rating.Again, label: "Again", key: "1" },
  { grade: Rating.Hard, label: "Hard", key: "2" },
  { grade: Rating.Good, label: "Good", key: "3" },
  { grade: Rating.Easy, label: "Easy", key: "4" },
] as const;

export function toCard(stored: StoredCard): Card {
  const card: Card = {
    ...stored,
    due: new Date(stored.due),
    state: stored.state as State,
    last_review: stored.last_review ? new Date(stored.last_review) : undefined,
  } as Card;
  if (!stored.last_review) delete card.last_review;
  return card;
}

export function toStored(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard["state"],
  };
  if (card.last_review) stored.last_review = card.last_review.toISOString();
  return stored;
}

/** The local calendar day of a time, YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function rollDay(progress: Progress, now: Date): void {
  const day = localDay(now);
  if (progress.today.date !== day) progress.today = { date: day, reviewed: 0, introduced: 0 };
}

/** Records a review of a card; returns the card's next due time. */
export function rateCard(progress: Progress, cardId: string, grade: Grade, now: Date): Date {
  rollDay(progress, now);
  const stored = progress.cards[cardId];
  if (!stored) progress.today.introduced += 1;
  const card = stored ? toCard(stored) : createEmptyCard(now);
  const next = scheduler.next(card, now, grade).card;
  progress.cards[cardId] = toStored(next);
  progress.today.reviewed += 1;
  return next.due;
}

/** A structure answered in a 3D quiz: counted, and when missed its flashcard is due at once. */
export function recordQuizAnswer(progress: Progress, structureId: string, right: boolean, now: Date): void {
  const entry = progress.quiz[structureId] ?? { right: 0, wrong: 0, last: now.toISOString() };
  if (right) entry.right += 1;
  else entry.wrong += 1;
  entry.last = now.toISOString();
  progress.quiz[structureId] = entry;
  if (right) return;
  const cardId = `s:${structureId}`;
  const stored = progress.cards[cardId];
  const card = stored ? toCard(stored) : createEmptyCard(now);
  if (card.due.getTime() > now.getTime()) card.due = now;
  progress.cards[cardId] = toStored(card);
}

/** Structures missed more often than answered, worst first (the "my weak ones" set). */
export function weakStructures(progress: Progress, limit = 30): string[] {
  return Object.entries(progress.quiz)
    .filter(([, q]) => q.wrong > 0 && q.wrong >= q.right)
    .sort(([, a], [, b]) => b.wrong - b.right - (a.wrong - a.right) || b.last.localeCompare(a.last))
    .slice(0, limit)
    .map(([id]) => id);
}

export interface DeckCard {
  id: string;
  region: string;
}

/** Today's queue: stored cards that are due (earliest first), then new cards up to the day's ration. */
export function dueQueue(progress: Progress, deck: readonly DeckCard[], now: Date): string[] {
  rollDay(progress, now);
  const due: [string, number][] = [];
  const fresh: string[] = [];
  for (const c of deck) {
    const stored = progress.cards[c.id];
    if (stored) {
      const t = Date.parse(stored.due);
      if (t <= now.getTime()) due.push([c.id, t]);
    } else fresh.push(c.id);
  }
  due.sort((a, b) => a[1] - b[1]);
  const room = Math.max(0, NEW_CARDS_PER_DAY - progress.today.introduced);
  return [...due.map(([id]) => id), ...fresh.slice(0, room)];
}

export interface RegionProgress {
  region: string;
  total: number;
  /** Cards in review (past the learning steps). */
  learned: number;
  /** Stored cards due by the end of today. */
  dueToday: number;
  /** Mean predicted recall now over the cards studied, 0-1; null when none studied. */
  retention: number | null;
}

export function progressByRegion(progress: Progress, deck: readonly DeckCard[], now: Date): RegionProgress[] {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  const out = new Map<string, RegionProgress & { recallSum: number; studied: number }>();
  for (const c of deck) {
    const r = out.get(c.region) ?? {
      region: c.region,
      total: 0,
      learned: 0,
      dueToday: 0,
      retention: null,
      recallSum: 0,
      studied: 0,
    };
    r.total += 1;
    const stored = progress.cards[c.id];
    if (stored) {
      if (stored.state === State.Review) r.learned += 1;
      if (Date.parse(stored.due) <= end.getTime()) r.dueToday += 1;
      if (stored.reps > 0) {
        r.studied += 1;
        r.recallSum += scheduler.get_retrievability(toCard(stored), now, false);
      }
    }
    out.set(c.region, r);
  }
  return [...out.values()].map(({ recallSum, studied, ...r }) => ({
    ...r,
    retention: studied > 0 ? recallSum / studied : null,
  }));
}
