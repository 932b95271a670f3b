import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SoapFault } from './soap.ts';

// Any markup declaration (DOCTYPE, ENTITY, ELEMENT, ATTLIST, NOTATION) is refused before parsing,
// so no entity can ever be declared, let alone expanded (XXE, billion laughs).
const MARKUP_DECLARATION = /<!(?!--|\[CDATA\[)/;

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;

// With entity processing off the parser leaves even `&amp;` alone; the five predefined entities
// and character references are part of XML itself and need no DTD, so they are decoded here.
function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (_match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED_ENTITIES[name] as string;
    return String.fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal));
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  tagValueProcessor: (_name, value) => decodeReferences(value),
  attributeValueProcessor: (_name, value) => decodeReferences(value),
});

/**
 * Parses an untrusted XML document into fast-xml-parser's object shape (prefixed names kept,
 * attributes as `@_name`, text as strings). Throws a soap:Client {@link SoapFault}:
 * `DTD_NOT_ALLOWED` for any markup declaration, `MALFORMED_XML` for anything not well-formed.
 */
export function parseUntrustedXml(xml: string): Record<string, unknown> {
  if (MARKUP_DECLARATION.test(xml)) {
    throw new SoapFault('Client', 'DTD_NOT_ALLOWED', 'DOCTYPE and entity declarations are not accepted');
  }
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new SoapFault('Client', 'MALFORMED_XML', `Malformed XML: ${verdict.err.msg}`);
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new SoapFault('Client', 'MALFORMED_XML', `Malformed XML: ${(error as Error).message}`);
  }
}
