// The key that names a viewer in a shared link (#viewer=<key>&...): its base (the first focus id, or "explore"),
// then -2, -3 ... for later viewers on the page with the same base, in document order. The island and the
// page script that scrolls a linked figure into view both number viewers with this one function.

/** Keys of the page's viewers, in document order, given each one's base. */
export function viewerKeys(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The page's viewer elements and their keys, in document order. */
export function pageViewers(doc: Document = document): { el: HTMLElement; key: string }[] {
  const els = [...doc.querySelectorAll<HTMLElement>("[data-anatomy-viewer]")];
  const keys = viewerKeys(els.map((el) => el.dataset["viewerBase"] ?? ""));
  return els.map((el, i) => ({ el, key: keys[i] ?? "" }));
}
