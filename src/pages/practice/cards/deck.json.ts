// The flashcard deck as one JSON file, fetched by /practice/cards/.
import type { APIRoute } from "astro";
import { flashcardDeck } from "../../../components/quiz/flashcard-deck.ts";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await flashcardDeck()), { headers: { "Content-Type": "application/json" } });
