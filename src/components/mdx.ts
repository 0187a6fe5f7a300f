// The one list of components MDX authors may use (a 3D figure is frontmatter `anatomy[n]` placed with <Figure n>). Layouts pass it to <Content components={mdxComponents} />.
import EndangermentSite from "./anatomy/EndangermentSite.astro";
import Figure from "./content/Figure.astro";
import PressureScale from "./content/PressureScale.astro";
import TriageTable from "./content/TriageTable.astro";
import Term from "./glossary/Term.astro";
import Cite from "./lesson/Cite.astro";
import PageLink from "./lesson/PageLink.astro";
import ScrollTable from "./lesson/ScrollTable.astro";
import SessionSteps from "./lesson/SessionSteps.astro";
import Step from "./lesson/Step.astro";
import PresentStep from "./present/PresentStep.astro";

export const mdxComponents = {
  Cite,
  EndangermentSite,
  Figure,
  PageLink,
  PresentStep,
  PressureScale,
  ScrollTable,
  SessionSteps,
  Step,
  Term,
  TriageTable,
};
