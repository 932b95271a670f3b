import { SaxesParser, type SaxesTagNS } from 'saxes';

/** One element of a parsed document, its namespace resolved. */
export interface XmlElement {
  localName: string;
  /** Namespace URI; undefined for an unqualified name with no default namespace in scope. */
  namespace: string | undefined;
  children: XmlElement[];
  /** The element's own text (entity and character references decoded), untrimmed. */
  text: string;
}

/**
 * Parses a document into elements with saxes (the XML parser the gateway's inventory client uses
 * too): well-formedness and namespace bindings checked in the same pass, only XML's predefined
 * entities and character references decoded. Returns a document node whose children are the root
 * element. Throws saxes' error for XML that is not well-formed.
 */
export function parseXmlTree(xml: string): XmlElement {
  const document: XmlElement = { localName: '', namespace: undefined, children: [], text: '' };
  const open: XmlElement[] = [document];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element: XmlElement = { localName: tag.local, namespace: tag.uri === '' ? undefined : tag.uri, children: [], text: '' };
    (open.at(-1) as XmlElement).children.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    (open.at(-1) as XmlElement).text += text;
  });
  parser.on('cdata', (text) => {
    (open.at(-1) as XmlElement).text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  return document;
}

/** The text of a text-only element; undefined when it has child elements. */
export function textOf(element: XmlElement): string | undefined {
  return element.children.length === 0 ? element.text : undefined;
}
