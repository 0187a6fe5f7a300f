// How many viewers each page render has placed so far, so every viewer's skip link gets its own target id.
// Keyed by the page's request (one per page in a static build), so pages never share a count.
export const skipTargets = new WeakMap<Request, number>();
