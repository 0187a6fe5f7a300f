// Toolbar and list icons: 20px line drawings that take the text colour; always shown next to a text label.
import type { ReactNode } from "react";

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="av-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const IconReset = () => (
  <Icon>
    <path d="M4 10a6 6 0 1 0 2-4.5" />
    <path d="M4 3v3.5h3.5" />
  </Icon>
);
export const IconLabels = () => (
  <Icon>
    <path d="M3 5h9l3 3-3 3H3z" />
    <path d="M12 11l4 5" />
  </Icon>
);
/** A label with a question mark: names hidden for a quiz. */
export const IconQuiz = () => (
  <Icon>
    <path d="M3 5h9l3 3-3 3H3z" />
    <path d="M6 7a1.6 1.6 0 1 1 2 1.5V9.5" />
    <path d="M8 16v.01" strokeWidth="2.2" />
  </Icon>
);
export const IconXray = () => (
  <Icon>
    <circle cx="10" cy="10" r="6.5" strokeDasharray="2.5 2" />
    <circle cx="10" cy="10" r="2.5" />
  </Icon>
);
export const IconLayers = () => (
  <Icon>
    <path d="M10 3l7 4-7 4-7-4z" />
    <path d="M3 10.5l7 4 7-4" />
    <path d="M3 14l7 4 7-4" />
  </Icon>
);
export const IconShowAll = () => (
  <Icon>
    <path d="M2 10s3-5.5 8-5.5 8 5.5 8 5.5-3 5.5-8 5.5S2 10 2 10z" />
    <circle cx="10" cy="10" r="2.3" />
  </Icon>
);
export const IconHide = () => (
  <Icon>
    <path d="M2 10s3-5.5 8-5.5 8 5.5 8 5.5-3 5.5-8 5.5S2 10 2 10z" />
    <path d="M4 16L16 4" />
  </Icon>
);
export const IconIsolate = () => (
  <Icon>
    <circle cx="10" cy="10" r="3" />
    <path d="M10 2v3M10 15v3M2 10h3M15 10h3" />
  </Icon>
);
export const IconLink = () => (
  <Icon>
    <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1" />
    <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1" />
  </Icon>
);
export const IconFullscreen = () => (
  <Icon>
    <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
  </Icon>
);
export const IconExitFullscreen = () => (
  <Icon>
    <path d="M7 3v4H3M17 7h-4V3M13 17v-4h4M3 13h4v4" />
  </Icon>
);
export const IconFrame = () => (
  <Icon>
    <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
    <circle cx="10" cy="10" r="2.5" />
  </Icon>
);
export const IconClose = () => (
  <Icon>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);
export const IconEmbed = () => (
  <Icon>
    <path d="M7 6l-4 4 4 4M13 6l4 4-4 4" />
  </Icon>
);
