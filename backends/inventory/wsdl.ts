import { readFileSync } from 'node:fs';

const contract = (name: string): string => readFileSync(new URL(`../../contracts/${name}`, import.meta.url), 'utf8');

/** The contract documents the service serves, read once from `contracts/`. */
export interface ServedContracts {
  /** The WSDL with its address set to `endpointUrl` and the XSD import pointing at `?xsd=inventory.xsd`. */
  wsdl(endpointUrl: string): string;
  /** `contracts/inventory.xsd` as is. */
  xsd: string;
}

/** Loads contracts/inventory.wsdl and inventory.xsd. */
export function loadContracts(): ServedContracts {
  const wsdl = contract('inventory.wsdl').replace('schemaLocation="inventory.xsd"', 'schemaLocation="?xsd=inventory.xsd"');
  const xsd = contract('inventory.xsd');
  return {
    // The endpoint comes from the Host header, so it is escaped before it goes into an attribute.
    wsdl: (endpointUrl) => wsdl.replace(/<soap:address location="[^"]*"\/>/, () => `<soap:address location="${escapeAttribute(endpointUrl)}"/>`),
    xsd,
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
