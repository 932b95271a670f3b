import type { IncomingHttpHeaders } from 'node:http';
import type { Currency } from '../../clients/inventory/types.ts';
import { isCurrency } from './pricing.ts';
import { parseUntrustedXml } from './safe-xml.ts';
import { INVENTORY_NS, SOAP_ENV_NS } from '../../clients/inventory/soap.ts';
import { OPERATION, SOAP_ACTION, SoapFault } from './soap.ts';
import { textOf, type XmlElement } from './xml-tree.ts';

/** Most SKUs one call may ask for (the contract's batch limit). */
export const MAX_SKUS = 25;
const MAX_SKU_LENGTH = 64;

/** A valid GetStockLevels request. */
export interface StockLevelsRequest {
  currency: Currency;
  /** As sent, duplicates included. */
  skus: string[];
}

/** What a received SOAP call asked for: enough to record it, and either the request or the fault to answer. */
export interface SoapCall {
  /** `GetStockLevels` when the SOAPAction names it, otherwise `unknown`. */
  method: string;
  /** Number of `sku` elements, once the body could be read that far. */
  keys?: number;
  outcome: { request: StockLevelsRequest } | { fault: SoapFault };
}

const client = (reason: ConstructorParameters<typeof SoapFault>[1], message: string): SoapFault =>
  new SoapFault('Client', reason, message);

function single(elements: XmlElement[], what: string): XmlElement {
  const [only] = elements;
  if (elements.length !== 1 || !only) throw client('INVALID_REQUEST', `Expected exactly one ${what}`);
  return only;
}

function checkHeaders(headers: IncomingHttpHeaders): void {
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/xml') {
    throw client('WRONG_CONTENT_TYPE', `SOAP 1.1 requests must be sent as text/xml, got ${mediaType || 'none'}`);
  }
}

function soapActionOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.soapaction;
  return (Array.isArray(value) ? value[0] : value)?.trim().replace(/^"(.*)"$/, '$1');
}

function operationElement(xml: string): XmlElement {
  const envelope = single(parseUntrustedXml(xml).children, 'root element');
  if (envelope.localName !== 'Envelope') throw client('INVALID_REQUEST', 'The root element must be soap:Envelope');
  if (envelope.namespace !== SOAP_ENV_NS) {
    throw new SoapFault('VersionMismatch', 'VERSION_MISMATCH', `Only SOAP 1.1 envelopes (${SOAP_ENV_NS}) are accepted`);
  }
  const inSoap = envelope.children.filter((e) => e.namespace === SOAP_ENV_NS);
  const body = single(inSoap.filter((e) => e.localName === 'Body'), 'soap:Body');
  const operation = single(body.children, 'element in soap:Body');
  if (operation.localName !== OPERATION || operation.namespace !== INVENTORY_NS) {
    throw client('UNKNOWN_OPERATION', `Unknown operation {${operation.namespace ?? ''}}${operation.localName}`);
  }
  return operation;
}

function readCurrency(elements: XmlElement[]): Currency {
  if (elements.length === 0) return 'USD';
  const value = textOf(single(elements, 'currency')) ?? '';
  if (!isCurrency(value)) throw client('UNKNOWN_CURRENCY', `Unknown currency "${value}": use USD, EUR, GBP or JPY`);
  return value;
}

function readSku(element: XmlElement): string {
  const sku = textOf(element);
  if (!sku || sku.length > MAX_SKU_LENGTH) throw client('INVALID_REQUEST', `A sku must be 1 to ${MAX_SKU_LENGTH} characters of text`);
  return sku;
}

function readRequest(headers: IncomingHttpHeaders, soapAction: string | undefined, body: unknown, counted: { keys?: number }): StockLevelsRequest {
  checkHeaders(headers);
  if (soapAction !== SOAP_ACTION) throw client('UNKNOWN_OPERATION', `Unknown SOAPAction "${soapAction ?? ''}": use "${SOAP_ACTION}"`);
  const operation = operationElement(typeof body === 'string' ? body : '');
  const fields = operation.children;
  const unexpected = fields.find((e) => e.namespace !== INVENTORY_NS || (e.localName !== 'sku' && e.localName !== 'currency'));
  if (unexpected) throw client('INVALID_REQUEST', `Unexpected element {${unexpected.namespace ?? ''}}${unexpected.localName}`);
  const skuElements = fields.filter((e) => e.localName === 'sku');
  counted.keys = skuElements.length;
  if (skuElements.length === 0) throw client('NO_SKU', 'At least one sku is required');
  if (skuElements.length > MAX_SKUS) throw client('TOO_MANY_SKUS', `At most ${MAX_SKUS} SKUs per call, got ${skuElements.length}`);
  return { currency: readCurrency(fields.filter((e) => e.localName === 'currency')), skus: skuElements.map(readSku) };
}

/** Reads and validates a POST to the SOAP endpoint. Never throws: refusals come back as `outcome.fault`. */
export function readSoapCall(headers: IncomingHttpHeaders, body: unknown): SoapCall {
  const soapAction = soapActionOf(headers);
  const counted: { keys?: number } = {};
  let outcome: SoapCall['outcome'];
  try {
    outcome = { request: readRequest(headers, soapAction, body, counted) };
  } catch (error) {
    if (!(error instanceof SoapFault)) throw error;
    outcome = { fault: error };
  }
  return { method: soapAction === SOAP_ACTION ? OPERATION : 'unknown', ...counted, outcome };
}
