// A small XML reader for the reference model files (OpenSim .osim, MuJoCo .xml, VTK .vtp): elements, attributes
// and text; comments, processing instructions and CDATA are skipped. Enough for these well-formed files.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element. */
  text: string;
  parent: XmlElement | null;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? "";
  });
}

/** Parses a document and returns its root element. Throws with the byte offset on malformed input. */
export function parseXml(source: string, file = "(xml)"): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf("<", i);
    if (lt < 0) break;
    if (lt > i) current.text += decode(source.slice(i, lt));
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4);
      if (end < 0) throw new Error(`${file}: unterminated comment at ${lt}`);
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", lt)) {
      const end = source.indexOf("]]>", lt);
      if (end < 0) throw new Error(`${file}: unterminated CDATA at ${lt}`);
      current.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith("<?", lt) || source.startsWith("<!", lt)) {
      const end = source.indexOf(">", lt);
      i = end + 1;
    } else if (source.startsWith("</", lt)) {
      const end = source.indexOf(">", lt);
      const name = source.slice(lt + 2, end).trim();
      if (name !== current.name) throw new Error(`${file}: </${name}> closes <${current.name}> at ${lt}`);
      current = current.parent ?? root;
      i = end + 1;
    } else {
      // Find the end of the tag, skipping quoted attribute values.
      let j = lt + 1;
      let quote = "";
      while (j < n) {
        const c = source[j];
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
        j++;
      }
      if (j >= n) throw new Error(`${file}: unterminated tag at ${lt}`);
      let body = source.slice(lt + 1, j);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new Error(`${file}: tag without a name at ${lt}`);
      const el: XmlElement = { name: nameMatch[0], attrs: {}, children: [], text: "", parent: current };
      const attrRe = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      for (let m = attrRe.exec(body); m; m = attrRe.exec(body)) {
        el.attrs[m[1] as string] = decode(m[3] ?? m[4] ?? "");
      }
      current.children.push(el);
      if (!selfClosing) current = el;
      i = j + 1;
    }
  }
  return root;
}

/** Direct children named `name`. */
export function kids(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** First direct child named `name`, or undefined. */
export function kid(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** All descendants (depth first) whose name matches. */
export function descendants(el: XmlElement, match: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (match(c)) out.push(c);
    descendants(c, match, out);
  }
  return out;
}

/** Trimmed text of the child `name`, or undefined. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = kid(el, name);
  return c ? c.text.trim() : undefined;
}

/** Whitespace-separated numbers. */
export function numbers(text: string | undefined): number[] {
  if (!text) return [];
  return text
    .trim()
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map(Number);
}
