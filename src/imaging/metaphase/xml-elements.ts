/**
 * A small, strict XML reader for annotation files: elements, attributes, text, comments, CDATA, the
 * XML declaration and the five named entities plus numeric ones. No DTDs (an annotation never needs one,
 * and entity expansion is how small XML files grow large). It runs in the worker, where DOMParser is
 * missing, and in Node.
 */

/** An element with its children; `text` is its own character data, entities decoded, trimmed. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** Why a text is not well-formed XML, with the line it was found on. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(detail: string, line: number) {
    super(`not well-formed XML (line ${line}: ${detail})`);
  }
}

/** Elements nested deeper than this are refused (an annotation is three levels deep). */
const MAX_DEPTH = 64;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ATTRIBUTE = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;

interface OpenElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/**
 * Parses a document into its root element.
 *
 * @throws XmlSyntaxError when the text is not well-formed (unclosed or mismatched tags, bad entities,
 *   text outside the root, a DOCTYPE, nesting deeper than 64)
 */
export function parseXml(source: string): XmlElement {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const stack: OpenElement[] = [];
  // Held in an object: it is set inside close(), where the compiler's narrowing of a local does not reach.
  const found: { root: XmlElement | null } = { root: null };
  let position = 0;
  const lineAt = (index: number): number => text.slice(0, index).split('\n').length;
  const fail = (detail: string, at = position): never => {
    throw new XmlSyntaxError(detail, lineAt(at));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
      if (!match.endsWith(';')) return fail(`"&" not followed by an entity`, at);
      const named = NAMED_ENTITIES[entity];
      if (named !== undefined) return named;
      const code = /^#x[0-9A-Fa-f]+$/.test(entity)
        ? parseInt(entity.slice(2), 16)
        : /^#[0-9]+$/.test(entity)
          ? parseInt(entity.slice(1), 10)
          : NaN;
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff)
        return fail(`unknown entity &${entity};`, at);
      return String.fromCodePoint(code);
    });
  const close = (element: OpenElement): void => {
    const done: XmlElement = {
      name: element.name,
      attributes: element.attributes,
      children: element.children,
      text: element.text.trim(),
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(done);
    else if (found.root === null) found.root = done;
    else fail('a second root element');
  };
  while (position < text.length) {
    const lt = text.indexOf('<', position);
    const chunkEnd = lt < 0 ? text.length : lt;
    const chunk = text.slice(position, chunkEnd);
    if (chunk.length > 0) {
      const open = stack[stack.length - 1];
      if (open) open.text += decode(chunk, position);
      else if (chunk.trim() !== '') fail('text outside the root element');
    }
    if (lt < 0) break;
    position = lt;
    if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position + 4);
      if (end < 0) fail('comment never closed');
      position = end + 3;
    } else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position + 9);
      const open = stack[stack.length - 1];
      if (end < 0 || !open) fail('CDATA outside an element or never closed');
      if (open) open.text += text.slice(position + 9, end);
      position = end + 3;
    } else if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position + 2);
      if (end < 0) fail('processing instruction never closed');
      position = end + 2;
    } else if (text.startsWith('<!', position)) {
      fail('DOCTYPE and other declarations are not read');
    } else if (text.startsWith('</', position)) {
      const name = NAME.exec(text.slice(position + 2))?.[0];
      const end = text.indexOf('>', position);
      const open = stack.pop();
      if (name === undefined || end < 0 || text.slice(position + 2 + name.length, end).trim() !== '')
        fail('malformed closing tag');
      if (!open || open.name !== name) fail(`</${name ?? ''}> does not close <${open?.name ?? 'nothing'}>`);
      if (open) close(open);
      position = end + 1;
    } else {
      const name = NAME.exec(text.slice(position + 1))?.[0];
      if (name === undefined) return fail('"<" not followed by a tag name');
      if (found.root !== null && stack.length === 0) fail('a second root element');
      let cursor = position + 1 + name.length;
      const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
      for (;;) {
        const match = ATTRIBUTE.exec(text.slice(cursor, cursor + 4096));
        if (match === null) break;
        const key = match[1] ?? '';
        if (key in attributes) fail(`attribute ${key} given twice`);
        attributes[key] = decode(match[3] ?? match[4] ?? '', cursor);
        cursor += match[0].length;
      }
      const rest = /^\s*(\/?)>/.exec(text.slice(cursor, cursor + 256));
      if (rest === null) return fail(`tag <${name}> never closed`);
      position = cursor + rest[0].length;
      const element: OpenElement = { name, attributes, children: [], text: '' };
      if (rest[1] === '/') close(element);
      else if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH}`);
      else stack.push(element);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`<${unclosed.name}> never closed`);
  return found.root ?? fail('no root element');
}

/** The first child element of that name, if any. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Every child element of that name, in document order. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
