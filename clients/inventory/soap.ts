import { stockLevelsEnvelopeSchema } from './response-schema.ts';
import { parseUntrustedXml } from './safe-xml.ts';
import type { Currency, StockLevel } from './types.ts';

/** SOAP 1.1 envelope namespace. */
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Target namespace of contracts/inventory.wsdl. */
export const INVENTORY_NS = 'urn:shop:inventory:v1';
/** SOAPAction of GetStockLevels, as the WSDL binding declares it. */
export const GET_STOCK_LEVELS_ACTION = `${INVENTORY_NS}#GetStockLevels`;

/** A SOAP 1.1 Fault as received. */
export interface SoapFault {
  /** Local part of `faultcode`: `Client`, `Server`, `VersionMismatch`, `MustUnderstand` (possibly dotted, `Client.X`). */
  faultcode: string;
  faultstring: string;
  /** The service's machine-readable reason from `detail` (`inv:code`), e.g. `TOO_MANY_SKUS`. */
  code: string | undefined;
}

/** What a GetStockLevels call came back with: a fault, or the stock of the known SKUs (unknown SKUs are left out). */
export type StockLevelsReply = { fault: SoapFault } | { items: StockLevel[] };

/** The answer could not be trusted: unsafe or malformed XML, or not the contract's shape. */
export class BadSoapResponseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BadSoapResponseError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text escaped for XML content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** The SOAP 1.1 request envelope of GetStockLevels (a fixed shape: a template with every value escaped). */
export function getStockLevelsEnvelope(skus: readonly string[], currency: Currency): string {
  const skuElements = skus.map((sku) => `<inv:sku>${escapeXml(sku)}</inv:sku>`).join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:inv="${INVENTORY_NS}">` +
    `<soap:Body><inv:GetStockLevels><inv:currency>${escapeXml(currency)}</inv:currency>${skuElements}</inv:GetStockLevels></soap:Body></soap:Envelope>`
  );
}

/** Parses and validates a GetStockLevels answer (a 200 response or a 500 Fault). Throws {@link BadSoapResponseError}. */
export function readStockLevelsReply(xml: string): StockLevelsReply {
  let parsed: unknown;
  try {
    parsed = parseUntrustedXml(xml);
  } catch (error) {
    throw new BadSoapResponseError((error as Error).message, { cause: error });
  }
  const checked = stockLevelsEnvelopeSchema.safeParse(parsed);
  if (!checked.success) throw new BadSoapResponseError('The response is not a GetStockLevels envelope', { cause: checked.error });
  const body = checked.data.Envelope.Body;
  if ('Fault' in body) {
    const { faultcode, faultstring, detail } = body.Fault;
    return { fault: { faultcode: faultcode.slice(faultcode.indexOf(':') + 1), faultstring, code: detail?.code } };
  }
  return { items: body.GetStockLevelsResponse.item };
}
