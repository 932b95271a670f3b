/** Namespace declarations in scope: prefix (`''` for the default namespace) to namespace URI. */
export type NamespaceScope = ReadonlyMap<string, string>;

/** One element of a document parsed by fast-xml-parser with prefixes kept, with its namespace resolved. */
export interface XmlElement {
  localName: string;
  /** Namespace URI; undefined for an unqualified name with no default namespace in scope. */
  namespace: string | undefined;
  /** The parsed value: a string for text-only elements, otherwise an object of attributes and children. */
  value: unknown;
  scope: NamespaceScope;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function withDeclarations(scope: NamespaceScope, value: unknown): NamespaceScope {
  if (!isObject(value)) return scope;
  let next: Map<string, string> | undefined;
  for (const [key, uri] of Object.entries(value)) {
    if (key !== '@_xmlns' && !key.startsWith('@_xmlns:')) continue;
    next ??= new Map(scope);
    next.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), String(uri));
  }
  return next ?? scope;
}

/**
 * The child elements of a parsed value, namespaces resolved. Order is kept among siblings of the
 * same name (fast-xml-parser groups them into one array), which is all the contract relies on.
 */
export function childElements(value: unknown, scope: NamespaceScope = new Map()): XmlElement[] {
  if (!isObject(value)) return [];
  const children: XmlElement[] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (name.startsWith('@_') || name === '#text') continue;
    for (const child of Array.isArray(raw) ? raw : [raw]) {
      const childScope = withDeclarations(scope, child);
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      children.push({ localName: name.slice(colon + 1), namespace: childScope.get(prefix), value: child, scope: childScope });
    }
  }
  return children;
}

/** The text of a text-only element; undefined when it has child elements. */
export function textOf(element: XmlElement): string | undefined {
  if (typeof element.value === 'string') return element.value;
  if (!isObject(element.value) || childElements(element.value).length > 0) return undefined;
  const text = element.value['#text'];
  return typeof text === 'string' ? text : '';
}
