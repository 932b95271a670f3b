import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Any markup declaration (DOCTYPE, ENTITY, ...) is refused before parsing, so no entity can be
// declared or expanded (XXE, billion laughs); comments and CDATA sections stay allowed.
const MARKUP_DECLARATION = /<!(?!--|\[CDATA\[)/;

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;

// With entity processing off the parser leaves even `&amp;` alone; the five predefined entities
// and character references are part of XML itself (no DTD needed), so they are decoded here.
function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (_match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED_ENTITIES[name] as string;
    return String.fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal));
  });
}

/** Names that may repeat in an inventory response; always parsed as arrays so one element looks like many. */
const REPEATABLE = new Set(['item', 'missing']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Prefixes are chosen by the sender (soap:, SOAP-ENV:, ...); the parsed shape is checked by name.
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
  tagValueProcessor: (_name, value) => decodeReferences(value),
  attributeValueProcessor: (_name, value) => decodeReferences(value),
});

/** The XML was refused: a markup declaration, or not well-formed. */
export class UnsafeXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

/**
 * Parses an XML document from the network into fast-xml-parser's object shape (namespace
 * prefixes removed, attributes as `@_name`, all text as strings, `item` and `missing` always
 * arrays). Throws {@link UnsafeXmlError} for a DOCTYPE or entity declaration (never expanded)
 * or for XML that is not well-formed.
 */
export function parseUntrustedXml(xml: string): unknown {
  if (MARKUP_DECLARATION.test(xml)) throw new UnsafeXmlError('DOCTYPE and entity declarations are refused');
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new UnsafeXmlError(`Malformed XML: ${verdict.err.msg}`);
  try {
    return parser.parse(xml);
  } catch (error) {
    throw new UnsafeXmlError(`Malformed XML: ${(error as Error).message}`);
  }
}
