// Reading an IntersectionObserver callback for one observed element. A callback may carry several entries for the
// same element, oldest first: when the page is busy (software WebGL drawing a frame) and the reader scrolls away
// and back, one callback can report "left" then "came back" (seen in Chromium with a scripted scroll away and
// back). Only the last entry says where the element is now; reading the first leaves a figure in view believing
// it is off screen, so it stops drawing changes until the next scroll.

/** Whether the element is in view now, from the entries of one callback (`fallback` when there are none). */
export function inViewNow(entries: readonly { isIntersecting: boolean }[], fallback = true): boolean {
  const last = entries[entries.length - 1];
  return last ? last.isIntersecting : fallback;
}
