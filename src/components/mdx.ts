// The one list of components MDX authors may use. Layouts pass it to <Content components={mdxComponents} />.
import EndangermentSite from "./anatomy/EndangermentSite.astro";
import PressureScale from "./content/PressureScale.astro";
import TriageTable from "./content/TriageTable.astro";
import Term from "./glossary/Term.astro";
import Cite from "./lesson/Cite.astro";
import PageLink from "./lesson/PageLink.astro";
import ScrollTable from "./lesson/ScrollTable.astro";
import SessionSteps from "./lesson/SessionSteps.astro";
import Step from "./lesson/Step.astro";
import PresentStep from "./present/PresentStep.astro";
import AnatomyViewer from "./viewer/AnatomyViewer.astro";

export const mdxComponents = {
  AnatomyViewer,
  Cite,
  EndangermentSite,
  PageLink,
  PresentStep,
  PressureScale,
  ScrollTable,
  SessionSteps,
  Step,
  Term,
  TriageTable,
};
