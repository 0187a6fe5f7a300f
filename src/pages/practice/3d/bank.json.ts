// The 3D quiz's question bank as one JSON file, fetched by the quiz island (and read by the e2e tests, which deal the
// same seeded round to know the answers).
import type { APIRoute } from "astro";
import { questionBank } from "../../../components/quiz/question-bank-data.ts";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await questionBank()), { headers: { "Content-Type": "application/json" } });
