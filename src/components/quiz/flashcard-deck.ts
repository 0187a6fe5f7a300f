// The spaced-repetition deck, built at build time: one card per quizzed structure (front: its name; back: the
// record's attachments, action, nerve supply and palpation, or its summary) and one per glossary term.
import { getCollection } from "astro:content";
import { REGION_LABELS, type Region } from "../../lib/regions.ts";
import { questionBank } from "./question-bank-data.ts";

export interface DeckEntry {
  /** `s:<structure id>` or `g:<term id>`. */
  id: string;
  front: string;
  /** Under the front: tissue and region, or "Glossary term". */
  hint: string;
  /** Region key for the progress view ("glossary" for terms). */
  region: string;
  back: { label: string; text: string }[];
  href: string;
}

export const DECK_REGION_LABELS: Record<string, string> = { ...REGION_LABELS, glossary: "Glossary terms" };

export async function flashcardDeck(): Promise<DeckEntry[]> {
  const bank = await questionBank();
  const records = new Map((await getCollection("anatomy")).map((e) => [e.id, e.data]));
  const cards: DeckEntry[] = [];
  for (const s of bank.structures) {
    const r = records.get(s.id);
    if (!r) continue;
    const back: DeckEntry["back"] = [];
    const add = (label: string, text: string | undefined) => {
      if (text) back.push({ label, text: text.replace(/\s+/g, " ").trim() });
    };
    add("Origin", r.origin);
    add("Insertion", r.insertion);
    add("Action", r.action);
    add("Innervation", r.innervation);
    if (!r.origin) add("What it is", r.summary);
    add("Palpation", r.palpation);
    const region = REGION_LABELS[s.region as Region] ?? s.region;
    cards.push({
      id: `s:${s.id}`,
      front: s.name,
      hint: `${s.tissue.replace("-", " ")} · ${region}`,
      region: s.region,
      back,
      href: `/anatomy/${s.id}/`,
    });
  }
  for (const t of (await getCollection("glossary")).sort((a, b) => a.data.term.localeCompare(b.data.term))) {
    cards.push({
      id: `g:${t.id}`,
      front: t.data.term,
      hint: "Glossary term",
      region: "glossary",
      back: [{ label: "Meaning", text: t.data.definition.replace(/\s+/g, " ").trim() }],
      href: `/glossary/#${t.id}`,
    });
  }
  return cards;
}
