// Per page render (keyed by the page's request: one per page in a static build, so pages never share state):
// how many viewers it has placed so far, so every viewer's skip link gets its own target id.
export const skipTargets = new WeakMap<Request, number>();
