import { SoapFault } from './soap.ts';
import { parseXmlTree, type XmlElement } from './xml-tree.ts';

// Any markup declaration (DOCTYPE, ENTITY, ELEMENT, ATTLIST, NOTATION) is refused before parsing,
// so no entity can ever be declared, let alone expanded (XXE, billion laughs).
const MARKUP_DECLARATION = /<!(?!--|\[CDATA\[)/;

/**
 * Parses an untrusted XML document (see {@link parseXmlTree}). Throws a soap:Client
 * {@link SoapFault}: `DTD_NOT_ALLOWED` for any markup declaration, `MALFORMED_XML` for anything
 * not well-formed (an unbound namespace prefix included).
 */
export function parseUntrustedXml(xml: string): XmlElement {
  if (MARKUP_DECLARATION.test(xml)) {
    throw new SoapFault('Client', 'DTD_NOT_ALLOWED', 'DOCTYPE and entity declarations are not accepted');
  }
  try {
    return parseXmlTree(xml);
  } catch (error) {
    throw new SoapFault('Client', 'MALFORMED_XML', `Malformed XML: ${(error as Error).message}`);
  }
}
