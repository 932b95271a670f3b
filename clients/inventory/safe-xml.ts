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
  attributes: Record<string, string>;
  children: Map<string, unknown[]>;
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
  const root: Frame = { name: '', attributes: {}, children: new Map(), text: '' };
  const stack: Frame[] = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) attributes[`@_${localName(name)}`] = value;
    }
    stack.push({ name: localName(tag.name), attributes, children: new Map(), text: '' });
  });
  parser.on('text', (text) => {
    (stack.at(-1) as Frame).text += text;
  });
  parser.on('cdata', (text) => {
    (stack.at(-1) as Frame).text += text;
  });
  parser.on('closetag', () => {
    const frame = stack.pop() as Frame;
    const parent = stack.at(-1) as Frame;
    const siblings = parent.children.get(frame.name);
    if (siblings) siblings.push(valueOf(frame));
    else parent.children.set(frame.name, [valueOf(frame)]);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new UnsafeXmlError(`Malformed XML: ${(error as Error).message}`);
  }
  return valueOf(root);
}

function valueOf(frame: Frame): unknown {
  const hasAttributes = Object.keys(frame.attributes).length > 0;
  if (frame.children.size === 0) {
    // Values are trimmed: the contract's simple types (xs:int, xs:decimal, tokens) allow no padding.
    const text = frame.text.trim();
    if (!hasAttributes) return text;
    return text === '' ? { ...frame.attributes } : { '#text': text, ...frame.attributes };
  }
  const value: Record<string, unknown> = { ...frame.attributes };
  for (const [name, values] of frame.children) value[name] = values.length > 1 || REPEATABLE.has(name) ? values : values[0];
  return value;
}
