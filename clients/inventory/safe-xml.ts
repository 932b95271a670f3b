import { SaxesParser, type SaxesTagPlain } from 'saxes';

// Any markup declaration (DOCTYPE, ENTITY, ...) is refused before parsing, so no entity can be
// declared or expanded (XXE, billion laughs); comments and CDATA sections stay allowed.
const MARKUP_DECLARATION = /<!(?!--|\[CDATA\[)/;

/** Names that may repeat in an inventory response; always parsed as arrays so one element looks like many. */
const REPEATABLE = new Set(['item', 'missing']);

/** The XML was refused: a markup declaration, or not well-formed. */
export class UnsafeXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

interface Frame {
  name: string;
  /** `@_name` attributes; undefined when the element has none (most have none). */
  attributes: Record<string, string> | undefined;
  /** Child values by local name; undefined until the first child closes. */
  children: Map<string, unknown[]> | undefined;
  text: string;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/**
 * Parses an XML document from the network into a plain object: namespace prefixes removed,
 * attributes as `@_name`, trimmed text as strings (`#text` beside attributes), an empty element as `''`,
 * `item` and `missing` always arrays, other repeated names arrays too. saxes checks
 * well-formedness in the same pass and knows only XML's predefined entities, so nothing is
 * expanded. Throws {@link UnsafeXmlError} for a DOCTYPE or entity declaration, or for XML that
 * is not well-formed.
 */
export function parseUntrustedXml(xml: string): unknown {
  if (MARKUP_DECLARATION.test(xml)) throw new UnsafeXmlError('DOCTYPE and entity declarations are refused');
  const root: Frame = { name: '', attributes: undefined, children: undefined, text: '' };
  const stack: Frame[] = [root];
  // The innermost open element, kept beside the stack: every text and close event needs it.
  let current = root;
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    let attributes: Record<string, string> | undefined;
    for (const name in tag.attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) (attributes ??= {})[`@_${localName(name)}`] = tag.attributes[name] as string;
    }
    current = { name: localName(tag.name), attributes, children: undefined, text: '' };
    stack.push(current);
  });
  parser.on('text', (text) => {
    current.text += text;
  });
  parser.on('cdata', (text) => {
    current.text += text;
  });
  parser.on('closetag', () => {
    const frame = stack.pop() as Frame;
    current = stack[stack.length - 1] as Frame;
    const children = (current.children ??= new Map());
    const siblings = children.get(frame.name);
    if (siblings) siblings.push(valueOf(frame));
    else children.set(frame.name, [valueOf(frame)]);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new UnsafeXmlError(`Malformed XML: ${(error as Error).message}`);
  }
  return valueOf(root);
}

function valueOf(frame: Frame): unknown {
  const { attributes, children } = frame;
  if (children === undefined) {
    // Values are trimmed: the contract's simple types (xs:int, xs:decimal, tokens) allow no padding.
    const text = frame.text.trim();
    if (attributes === undefined) return text;
    return text === '' ? attributes : { '#text': text, ...attributes };
  }
  const value: Record<string, unknown> = attributes ?? {};
  for (const [name, values] of children) value[name] = values.length > 1 || REPEATABLE.has(name) ? values : values[0];
  return value;
}
