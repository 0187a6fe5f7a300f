// The 3D quiz island (/practice/3d/): Name it, Find it and the guides' target questions on the 3D model, in seeded
// rounds of ten. Mounts the viewer's 3D stage with no labels and no hover names (they would give the answer away),
// keeps score, records every answer in the on-device progress (a miss makes the structure's flashcard due) and ends
// with the score, the missed ones (each with a link that shows it in the explorer) and a round of just those.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ModelPart, partsNeeded } from "../lib/model-parts.ts";
import { matchAnswer } from "../lib/practice/answer-match.ts";
import { browserStorage, ProgressStore } from "../lib/practice/progress-store.ts";
import {
  type BankStructure,
  clueOf,
  dealRound,
  type Question,
  type QuestionBank,
} from "../lib/practice/question-bank.ts";
import { recordQuizAnswer, weakStructures } from "../lib/practice/schedule.ts";
import { encodeViewState, LAYER_KEYS, LAYER_LABELS, type LayerKey, layerGroupOf } from "../lib/view-state.ts";
import type { Appearance } from "../viewer/anatomy-model.ts";
import { isDarkTheme, prefersReducedMotion } from "../viewer/page-prefs.ts";
import type { CameraCommand, CameraRequest, StageApi } from "../viewer/Stage3D.tsx";
import { probeWebGL } from "../viewer/webgl.ts";
import "./practice.css";
import "./quiz3d.css";

const Stage3D = lazy(() => import("../viewer/Stage3D.tsx"));

export interface QuizSetSummary {
  id: string;
  label: string;
  kind: string;
  count: number;
}

export interface Quiz3DPayload {
  sets: QuizSetSummary[];
  /** Each model's first-load file and its parts (src/lib/model-parts.ts). */
  models: { model: string; url: string; parts: ModelPart[] }[];
  bankUrl: string;
}

interface Answer {
  question: Question;
  /** What the student chose or clicked (an id), or null when they gave up or typed nothing known. */
  given: string | null;
  right: boolean;
  /** What they typed, when they typed. */
  typed?: string;
}

type Phase = "loading" | "question" | "feedback" | "end" | "empty";

const NAME_LAYERS: LayerKey[] = LAYER_KEYS.filter((k) => k !== "skin");

/** Layers drawn for a Find-it question: the target's own layer group and everything deeper (the skin never). */
function findLayers(s: BankStructure): LayerKey[] {
  const group = layerGroupOf(s.tissue, s.layer);
  const from = LAYER_KEYS.indexOf(group);
  return LAYER_KEYS.filter((k, i) => k !== "skin" && i >= from);
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** The explorer opened on one structure: highlighted, selected, framed from its side. */
export function showMeHref(s: BankStructure): string {
  return `/anatomy/explore/${encodeViewState({
    viewer: "explore",
    model: s.model,
    side: "r",
    focus: [s.id],
    secondary: [],
    selected: s.id,
    hidden: [],
    isolated: [],
    layers: NAME_LAYERS,
    xray: false,
    quiz: false,
    labels: true,
    camera: { view: s.view },
  })}`;
}

const EMPTY = new Set<string>();

export default function Quiz3D({ data }: { data: string }) {
  const payload = useMemo(() => JSON.parse(data) as Quiz3DPayload, [data]);
  const [bank, setBank] = useState<QuestionBank | null>(null);
  const [setId, setSetId] = useState<string | null>(null);
  const [round, setRound] = useState<Question[]>([]);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [phase, setPhase] = useState<Phase>("loading");
  const [chosen, setChosen] = useState<number | null>(null);
  const [typed, setTyped] = useState("");
  const [listChoice, setListChoice] = useState("");
  const [layers, setLayers] = useState<LayerKey[]>(NAME_LAYERS);
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The model failed (or WebGL went away): the quiz goes on, Find it from the list. */
  const [stageError, setStageError] = useState<string | null>(null);
  const [webgl, setWebgl] = useState<{ available: boolean; software: boolean } | null>(null);
  const [stageReady, setStageReady] = useState(false);
  const [camera, setCamera] = useState<CameraCommand>({ seq: 0, kind: "view", view: "anterior", ids: [] });
  const [reducedMotion, setReducedMotion] = useState(false);
  const [dark, setDark] = useState(false);
  const store = useRef<ProgressStore | null>(null);
  const seq = useRef(0);
  const apiRef = useRef<StageApi | null>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const noTooltip = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const choiceRefs = useRef<(HTMLInputElement | null)[]>([]);
  const seedRef = useRef(0);

  const byId = useMemo(() => new Map((bank?.structures ?? []).map((s) => [s.id, s])), [bank]);
  const nameOf = useCallback(
    (id: string) => byId.get(id)?.name ?? id.charAt(0).toUpperCase() + id.slice(1).replaceAll("-", " "),
    [byId],
  );

  const announce = useCallback((text: string) => {
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);

  const question = round[index] ?? null;
  const target = question ? (byId.get(question.answer) ?? null) : null;
  const guide = question?.kind === "guide" ? bank?.guides.find((g) => g.id === question.guide) : undefined;
  const current = answers[index];

  const moveCamera = useCallback((command: CameraRequest) => {
    seq.current += 1;
    setCamera({ ...command, seq: seq.current } as CameraCommand);
  }, []);

  /** Puts a question on screen: layers, camera, focus, and an announcement of what to do. */
  const present = useCallback(
    (q: Question, i: number, total: number) => {
      const s = byId.get(q.answer);
      if (!s) return;
      setChosen(null);
      setTyped("");
      setListChoice("");
      if (q.kind === "find") {
        setLayers(findLayers(s));
        // Framed on the target's group (the metatarsals, the quadriceps) when it has a few members in this model, so a
        // small bone is findable on a phone; the student still has to pick the right one. Else the whole model.
        const peers = (bank?.structures ?? []).filter((x) => x.group === s.group && x.models.includes(s.model));
        moveCamera({ kind: "view", view: s.view, ids: peers.length >= 3 ? peers.map((x) => x.id) : [] });
        announce(
          `Question ${i + 1} of ${total}. Find it: ${s.name}. Click it on the model or choose it from the list.`,
        );
      } else if (q.kind === "name") {
        setLayers(NAME_LAYERS);
        // Framed with the other choices, so the highlighted structure is seen in its surroundings, not filling the view.
        moveCamera({
          kind: "view",
          view: s.view,
          ids: q.choices.filter((id) => byId.get(id)?.models.includes(s.model)),
        });
        announce(
          `Question ${i + 1} of ${total}. Name it: which structure is highlighted? Press 1 to 4 to choose, Enter to check, or type the name.`,
        );
      } else {
        setLayers(NAME_LAYERS);
        moveCamera({ kind: "view", view: s.view, ids: [] });
        const g = bank?.guides.find((x) => x.id === q.guide);
        announce(`Question ${i + 1} of ${total}. ${g?.prompt ?? ""} Press 1 to 4 to choose, Enter to check.`);
      }
      setPhase("question");
      requestAnimationFrame(() => headingRef.current?.focus({ preventScroll: true }));
    },
    [byId, bank, moveCamera, announce],
  );

  const start = useCallback(
    (id: string, seed: number, only?: string[]) => {
      if (!bank) return;
      seedRef.current = seed;
      const weak = id === "weak" ? (store.current ? weakStructures(store.current.progress) : []) : undefined;
      const ids = only ?? weak;
      const next = dealRound(bank, id === "weak" ? "tissue-muscles" : id, seed, ids ? { only: ids } : {});
      setSetId(id);
      setRound(next);
      setAnswers([]);
      setIndex(0);
      if (next.length === 0) {
        setPhase("empty");
        announce(
          id === "weak" ? "No weak ones yet: structures you miss in a quiz gather here." : "This set has no questions.",
        );
        return;
      }
      present(next[0] as Question, 0, next.length);
    },
    [bank, present, announce],
  );

  // Progress store, theme, motion, WebGL and the bank, once in the browser.
  useEffect(() => {
    store.current = new ProgressStore(browserStorage());
    setNotice(store.current.notice);
    setReducedMotion(prefersReducedMotion());
    setDark(isDarkTheme());
    probeWebGL().then(setWebgl);
    fetch(payload.bankUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`${payload.bankUrl}: ${r.status}`);
        return r.json() as Promise<QuestionBank>;
      })
      .then(setBank)
      .catch(() => setError("The questions could not be loaded. Check the connection and reload the page."));
  }, [payload.bankUrl]);

  // The set and seed come from the address (?set=...&seed=...), so a round can be shared or repeated.
  useEffect(() => {
    if (!bank) return;
    const params = new URLSearchParams(location.search);
    const id = params.get("set");
    if (!id || (id !== "weak" && !bank.sets.some((s) => s.id === id))) {
      setPhase("empty");
      if (id) setError(`There is no question set called "${id.slice(0, 40)}". Choose one from the list.`);
      return;
    }
    const seedParam = Number(params.get("seed"));
    start(id, Number.isInteger(seedParam) && seedParam > 0 ? seedParam : randomSeed());
  }, [bank, start]);

  const finish = useCallback(
    (answer: Answer) => {
      if (!question || !target) return;
      const all = [...answers];
      all[index] = answer;
      setAnswers(all);
      setPhase("feedback");
      const progress = store.current;
      if (progress) {
        recordQuizAnswer(progress.progress, question.answer, answer.right, new Date());
        progress.save();
        setNotice(progress.notice);
      }
      // The answer stays highlighted for a look around; a wrong click is shown in the second colour.
      setLayers(NAME_LAYERS);
      moveCamera({ kind: "view", view: target.view, ids: [target.id] });
      const given = answer.given ? nameOf(answer.given) : answer.typed ? `"${answer.typed}"` : "nothing";
      announce(
        answer.right
          ? `Right: ${target.name}. ${target.fact}`
          : `Not quite: ${question.kind === "find" ? "you picked" : "you answered"} ${given}. The answer is ${target.name}. ${target.fact}`,
      );
      requestAnimationFrame(() => nextRef.current?.focus());
    },
    [question, target, answers, index, moveCamera, nameOf, announce],
  );

  const check = useCallback(() => {
    if (phase !== "question" || !question) return;
    if (question.kind === "find") {
      announce("Click the structure on the model, or choose it from the list and press Enter.");
      return;
    }
    if (chosen === null) {
      announce("Choose one of the four answers first (keys 1 to 4), or type the name.");
      return;
    }
    const given = question.choices[chosen] ?? null;
    finish({ question, given, right: given === question.answer });
  }, [phase, question, chosen, finish, announce]);

  const checkTyped = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (!question || !bank || phase !== "question") return;
    if (typed.trim() === "") {
      announce("Type a name first.");
      return;
    }
    const match = matchAnswer(typed, bank.structures);
    finish({ question, given: match.id, right: match.id === question.answer, typed: typed.trim() });
  };

  const checkList = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (!question || phase !== "question") return;
    if (!listChoice) {
      announce("Choose a structure from the list first.");
      return;
    }
    finish({ question, given: listChoice, right: listChoice === question.answer });
  };

  const onPick = useCallback(
    (id: string | null) => {
      if (phase !== "question" || question?.kind !== "find") return;
      if (!id) {
        announce("Nothing there. Click on a structure, or turn the model by dragging.");
        return;
      }
      finish({ question, given: id, right: id === question.answer });
    },
    [phase, question, finish, announce],
  );

  const next = useCallback(() => {
    if (index + 1 >= round.length) {
      setPhase("end");
      const score = answers.filter((a) => a.right).length;
      announce(`Round over: ${score} of ${round.length} right.`);
      requestAnimationFrame(() => headingRef.current?.focus({ preventScroll: true }));
      return;
    }
    setIndex(index + 1);
    present(round[index + 1] as Question, index + 1, round.length);
  }, [index, round, answers, present, announce]);

  // Keys: 1-4 choose, Enter checks or goes on (a focused button or link keeps its own Enter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName ?? "";
      const typing =
        tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && (el as HTMLInputElement).type !== "radio");
      if (typing) return;
      if (phase === "question" && question && question.kind !== "find" && /^[1-4]$/.test(e.key)) {
        const i = Number(e.key) - 1;
        if (i < question.choices.length) {
          e.preventDefault();
          setChosen(i);
          choiceRefs.current[i]?.focus();
        }
        return;
      }
      if (e.key !== "Enter" || tag === "BUTTON" || tag === "A" || tag === "SUMMARY") return;
      if (phase === "question") {
        e.preventDefault();
        check();
      } else if (phase === "feedback") {
        e.preventDefault();
        next();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [phase, question, check, next]);

  const appearance = useMemo<Appearance>(() => {
    const focus =
      phase === "feedback" || (phase === "question" && question?.kind === "name") ? [question?.answer ?? ""] : [];
    const wrong = phase === "feedback" && current && !current.right && current.given ? [current.given] : [];
    return {
      side: "r",
      focus: new Set(focus),
      secondary: new Set(wrong.filter((id) => id !== question?.answer)),
      selected: null,
      hidden: EMPTY,
      isolated: EMPTY,
      layers: new Set(layers),
      xray: false,
    };
  }, [phase, question, current, layers]);

  const model = target?.model ?? "body";
  const modelInfo = payload.models.find((m) => m.model === model);
  const modelUrl = modelInfo?.url ?? `/models/${model}.glb`;
  const partKey = partsNeeded(modelInfo?.parts ?? [], layers, target ? [layerGroupOf(target.tissue, target.layer)] : [])
    .filter((p) => p.part !== "")
    .map((p) => p.url)
    .join(" ");
  const partUrls = useMemo(() => (partKey ? partKey.split(" ") : []), [partKey]);
  const score = answers.filter((a) => a?.right).length;
  const missed = answers.filter((a) => a && !a.right).map((a) => a.question.answer);
  const setLabel = setId === "weak" ? "My weak ones" : (payload.sets.find((s) => s.id === setId)?.label ?? "");
  const listed = useMemo(() => (bank?.structures ?? []).filter((s) => s.models.includes(model)), [bank, model]);
  const showStage = webgl?.available === true && !stageError && (phase === "question" || phase === "feedback");

  if (error) {
    return (
      <div className="quiz3d practice-tool" data-quiz3d="error">
        <p className="quiz3d-error" role="alert">
          {error}
        </p>
      </div>
    );
  }

  if (phase === "loading" || !bank) {
    return (
      <div className="quiz3d practice-tool" data-quiz3d="loading">
        <p className="quiz3d-status">Loading the questions…</p>
      </div>
    );
  }

  if (phase === "empty") {
    return (
      <div className="quiz3d practice-tool" data-quiz3d="empty">
        {setId === "weak" ? (
          <p>
            No weak ones yet. Every structure you miss in a 3D quiz is collected here, so you can drill exactly those.
          </p>
        ) : null}
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {notice ? <p className="practice-notice">{notice}</p> : null}
      </div>
    );
  }

  return (
    <div className="quiz3d practice-tool" data-quiz3d={phase} data-set={setId ?? ""} data-seed={seedRef.current}>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-quiz-announce>
        {announcement}
      </p>
      {notice ? (
        <p className="practice-notice" data-storage-notice>
          {notice}
        </p>
      ) : null}
      {phase === "end" ? (
        <section className="quiz3d-end" aria-labelledby="quiz3d-end-heading">
          <h2 id="quiz3d-end-heading" tabIndex={-1} ref={headingRef}>
            {setLabel}: {score} of {round.length} right
          </h2>
          <p className="quiz3d-date print-only">Round of {new Date().toLocaleDateString()}</p>
          <ol className="quiz3d-results">
            {answers.map((a) => {
              const s = byId.get(a.question.answer);
              const given = a.given ? nameOf(a.given) : a.typed ? `“${a.typed}”` : "no answer";
              return (
                <li key={a.question.answer} data-result={a.right ? "right" : "wrong"}>
                  <span className="quiz3d-mark">{a.right ? "Right" : "Missed"}</span>{" "}
                  <span>
                    {a.question.kind === "find" ? "Find" : a.question.kind === "name" ? "Name" : "Guide"}:{" "}
                    <strong>{s?.name}</strong>
                    {a.right ? null : <> (your answer: {given})</>}
                  </span>
                </li>
              );
            })}
          </ol>
          {missed.length > 0 ? (
            <>
              <h3>The ones you missed</h3>
              <ul className="quiz3d-missed" data-missed>
                {missed.map((id) => {
                  const s = byId.get(id);
                  if (!s) return null;
                  return (
                    <li key={id}>
                      <strong>{s.name}</strong>. <span className="quiz3d-fact">{s.fact}</span>
                      <span className="quiz3d-links">
                        <a href={showMeHref(s)}>
                          Show me<span className="visually-hidden"> {s.name} in the 3D explorer</span>
                        </a>
                        <a href={`/anatomy/${s.id}/`}>
                          Atlas page<span className="visually-hidden"> of {s.name}</span>
                        </a>
                      </span>
                    </li>
                  );
                })}
              </ul>
              <p className="quiz3d-note no-print">
                Each missed structure is now due in your <a href="/practice/cards/">flashcards</a>.
              </p>
            </>
          ) : (
            <p>Nothing missed. Try another set, or come back tomorrow and see what stuck.</p>
          )}
          <div className="quiz3d-actions no-print">
            {missed.length > 0 ? (
              <button type="button" className="primary" onClick={() => start(setId ?? "", randomSeed(), missed)}>
                Practise the missed ones
              </button>
            ) : null}
            <button type="button" onClick={() => start(setId ?? "", randomSeed())}>
              New round of this set
            </button>
            <button type="button" onClick={() => window.print()}>
              Print the results
            </button>
            <a href="/practice/3d/">Choose another set</a>
          </div>
        </section>
      ) : (
        <div className="quiz3d-play">
          <div className="quiz3d-view">
            <div className="quiz3d-stage" data-quiz-stage={stageReady ? "ready" : "loading"}>
              {showStage ? (
                <Suspense fallback={<p className="quiz3d-status">Loading the 3D model…</p>}>
                  <Stage3D
                    modelUrl={modelUrl}
                    partUrls={partUrls}
                    model={model}
                    side="r"
                    appearance={appearance}
                    camera={camera}
                    labelIds={[]}
                    // The quiz's stage is the activity itself (touch-action none): one finger turns the model.
                    touchEngaged
                    overlay={overlayRef}
                    tooltip={noTooltip}
                    api={apiRef}
                    active
                    reducedMotion={reducedMotion}
                    software={webgl?.software ?? false}
                    dark={dark}
                    pain={undefined}
                    pulseKey={`${index}|${phase}`}
                    onReady={() => setStageReady(true)}
                    onError={() =>
                      setStageError(
                        "The 3D model could not be loaded, so Name it cannot show the structure. Find it still works from the list; reload the page to try again.",
                      )
                    }
                    onPick={onPick}
                    onCameraMoved={() => {}}
                    onContextLost={(lost) => setStageReady(!lost)}
                    nameOf={nameOf}
                  />
                </Suspense>
              ) : stageError ? (
                <p className="quiz3d-status" role="alert">
                  {stageError}
                </p>
              ) : webgl && !webgl.available ? (
                <p className="quiz3d-status">
                  This browser cannot show 3D (WebGL is off or unsupported). Find it still works from the list; Name it
                  needs the model.
                </p>
              ) : null}
            </div>
            <p className="quiz3d-hint">
              Drag to turn the model, scroll or pinch to zoom.
              {question?.kind === "find" && phase === "question"
                ? ` Shown: ${layers.map((l) => LAYER_LABELS[l].toLowerCase()).join(", ")}.`
                : null}
            </p>
          </div>
          <div className="quiz3d-panel">
            <p className="quiz3d-progress">
              {setLabel} · Question {index + 1} of {round.length} · Score {score}
            </p>
            <progress max={round.length} value={answers.filter(Boolean).length} aria-hidden="true" />
            <h2 tabIndex={-1} ref={headingRef} data-question-kind={question?.kind}>
              {question?.kind === "find" ? (
                <>
                  Find it: <span data-target-name>{target?.name}</span>
                </>
              ) : question?.kind === "name" ? (
                "Name it: which structure is highlighted?"
              ) : (
                guide?.prompt
              )}
            </h2>
            {question && question.kind !== "find" ? (
              <>
                <fieldset className="quiz3d-choices" disabled={phase !== "question"}>
                  <legend className="visually-hidden">Choices (keys 1 to 4)</legend>
                  {question.choices.map((id, i) => {
                    const state =
                      phase === "feedback"
                        ? id === question.answer
                          ? "answer"
                          : current?.given === id
                            ? "wrong"
                            : ""
                        : "";
                    return (
                      <label key={id} className="quiz3d-choice" data-state={state}>
                        <input
                          type="radio"
                          name="quiz3d-choice"
                          value={id}
                          checked={chosen === i}
                          onChange={() => setChosen(i)}
                          ref={(el) => {
                            choiceRefs.current[i] = el;
                          }}
                        />
                        <kbd>{i + 1}</kbd> {nameOf(id)}
                        {state === "answer" ? <span className="quiz3d-tag"> (answer)</span> : null}
                        {state === "wrong" ? <span className="quiz3d-tag"> (your choice)</span> : null}
                      </label>
                    );
                  })}
                </fieldset>
                {phase === "question" && question.kind === "name" && target ? (
                  <details className="quiz3d-clue">
                    <summary>Need a clue?</summary>
                    <p>{clueOf(target)}</p>
                  </details>
                ) : null}
                {phase === "question" ? (
                  <>
                    <button type="button" className="primary" onClick={check}>
                      Check
                    </button>
                    {question.kind === "name" ? (
                      <form className="quiz3d-type" onSubmit={checkTyped}>
                        <label htmlFor="quiz3d-typed">Or type the name</label>
                        <input
                          id="quiz3d-typed"
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          value={typed}
                          onChange={(e) => setTyped(e.target.value)}
                        />
                        <button type="submit">Check typed name</button>
                      </form>
                    ) : null}
                  </>
                ) : null}
              </>
            ) : null}
            {question?.kind === "find" && phase === "question" ? (
              <form className="quiz3d-list" onSubmit={checkList}>
                <label htmlFor="quiz3d-list">Or choose it from the list of structures in this model</label>
                <select
                  id="quiz3d-list"
                  size={8}
                  value={listChoice}
                  onChange={(e) => setListChoice(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") checkList(e);
                  }}
                >
                  {listed.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <button type="submit">Check chosen structure</button>
              </form>
            ) : null}
            {phase === "feedback" && current && target ? (
              <div
                className="quiz3d-feedback"
                data-feedback={current.right ? "right" : "wrong"}
                data-picked={current.given ?? ""}
              >
                <p className="quiz3d-verdict">
                  {current.right ? (
                    <>
                      <strong>Right.</strong> {target.name}.
                    </>
                  ) : (
                    <>
                      <strong>Not quite.</strong>{" "}
                      {question?.kind === "find"
                        ? `You clicked ${current.given ? nameOf(current.given) : "nothing"}.`
                        : `You answered ${current.given ? nameOf(current.given) : current.typed ? `“${current.typed}”` : "nothing"}.`}{" "}
                      The answer is <strong>{target.name}</strong>, highlighted now.
                    </>
                  )}
                </p>
                <p className="quiz3d-fact">{target.fact}</p>
                <p>
                  <a href={`/anatomy/${target.id}/`}>Atlas page of {target.name}</a>
                  {guide ? (
                    <>
                      {" "}
                      · <a href={guide.href}>{guide.title}</a>
                    </>
                  ) : null}
                </p>
                <button type="button" className="primary" ref={nextRef} onClick={next}>
                  {index + 1 >= round.length ? "See the score" : "Next question"}
                </button>
              </div>
            ) : null}
            {phase === "question" && question?.kind === "find" ? (
              <fieldset className="quiz3d-layers">
                <legend>Layers shown</legend>
                {LAYER_KEYS.filter((k) => k !== "skin").map((k) => (
                  <label key={k}>
                    <input
                      type="checkbox"
                      checked={layers.includes(k)}
                      onChange={(e) =>
                        setLayers((list) =>
                          e.target.checked
                            ? LAYER_KEYS.filter((x) => x === k || list.includes(x))
                            : list.filter((x) => x !== k),
                        )
                      }
                    />{" "}
                    {LAYER_LABELS[k]}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </div>
        </div>
      )}
      <div ref={overlayRef} hidden />
    </div>
  );
}
