// How presentation mode splits a page into steps (collectSteps in src/components/present/presenter.ts), over a
// small parsed page: the header is the first step, then one per ## section, per step-through step and per
// <PresentStep> marker; navigation is left out; a figure carries on to the steps after it; hiding the answer keeps
// each step's heading and figure.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { collectSteps } from "../../src/components/present/presenter.ts";

const figure = (id: string) =>
  `<div class="viewer-search-ignore"><astro-island><figure data-anatomy-viewer data-viewer-base="${id}"></figure></astro-island></div>`;

const page = `<html><head><title>Test page · Palpate</title></head><body><main><article>
  <header><p class="eyebrow">Conditions</p><h1>Test page</h1><p class="lede">Lede.</p><present-mode></present-mode></header>
  <section class="box"><h2>In plain words</h2><p>Plain.</p></section>
  <nav class="contents"><h2>On this page</h2><ol><li>x</li></ol></nav>
  <section><h2>The anatomy involved</h2><p>Tissues.</p>${figure("median-nerve")}</section>
  <div class="body">
    <h2>How it develops</h2><p>Develops.</p>
    <div class="present-step" data-present-step data-view='{"focus":["median-nerve"],"view":"palmar"}'></div>
    <h2>Symptoms</h2><p>Tingling.</p>
    <div class="present-step" data-present-step data-title="A question" data-view='{"labels":false}'></div>
    <p>What is highlighted?</p>
    <session-steps><div class="steps-status"></div><ol class="steps">
      <li class="step" data-step-title="One" data-view='{"focus":["scapula"]}'><h3>One</h3><p>First.</p></li>
      <li class="step" data-step-title="Two"><h3>Two</h3><p>Second.</p></li>
    </ol></session-steps>
  </div>
  <section class="related"><h2>Related</h2></section>
</article></main></body></html>`;

describe("presentation steps", () => {
  const { document } = parseHTML(page);
  const article = document.querySelector("article") as unknown as HTMLElement;
  const steps = collectSteps(article);

  it("start at the header, each ## section, each marker with a title and each step-through step", () => {
    expect(steps.map((s) => s.title)).toEqual([
      "Test page",
      "In plain words",
      "The anatomy involved",
      "How it develops",
      "Symptoms",
      "A question",
      "One",
      "Two",
    ]);
  });

  it("leave out page navigation and related links", () => {
    const parts = steps.flatMap((s) => s.parts);
    expect(parts.some((p) => p.closest("nav, .related"))).toBe(false);
    expect(parts.map((p) => p.textContent).join(" ")).not.toContain("On this page");
  });

  it("take a marker's view; a marker right before a heading gives that section its view", () => {
    const symptoms = steps.find((s) => s.title === "Symptoms");
    expect(symptoms?.view).toEqual({ focus: ["median-nerve"], view: "palmar" });
    expect(symptoms?.heading?.textContent).toBe("Symptoms");
    expect(steps.find((s) => s.title === "How it develops")?.view).toEqual({});
    expect(steps.find((s) => s.title === "A question")?.view).toEqual({ labels: false });
    expect(steps.find((s) => s.title === "One")?.view).toEqual({ focus: ["scapula"] });
    expect(steps.find((s) => s.title === "Two")?.view).toEqual({});
  });

  it("show the page's figure: its own step, the steps after it, and the steps before it", () => {
    const figures = steps.map((s) => s.figure?.getAttribute("data-viewer-base") ?? null);
    expect(new Set(figures)).toEqual(new Set(["median-nerve"]));
    const anatomy = steps.find((s) => s.title === "The anatomy involved");
    expect(anatomy?.parts.some((p) => p.querySelector("[data-anatomy-viewer]"))).toBe(true);
  });

  it("hide the text but not the heading or the figure when the answer is hidden", () => {
    const anatomy = steps.find((s) => s.title === "The anatomy involved");
    expect(anatomy?.answer.map((a) => a.textContent)).toEqual(["Tissues."]);
    const one = steps.find((s) => s.title === "One");
    expect(one?.answer.map((a) => a.textContent)).toEqual(["First."]);
    const header = steps[0];
    expect(header?.answer.map((a) => a.className)).toEqual(["eyebrow", "lede"]);
  });
});
