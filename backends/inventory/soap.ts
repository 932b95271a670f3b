// The contract's names and the escaping are the client's: one definition of the wire format.
import { escapeXml, GET_STOCK_LEVELS_ACTION, INVENTORY_NS, SOAP_ENV_NS } from '../../clients/inventory/soap.ts';

/** The one operation of the service. */
export const OPERATION = 'GetStockLevels';
/** SOAPAction header value of {@link OPERATION}, as the WSDL binding declares it (without quotes). */
export const SOAP_ACTION = GET_STOCK_LEVELS_ACTION;
/** Content type of every SOAP 1.1 message this service sends. */
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** SOAP 1.1 fault codes this service uses (sent as `soap:<code>`). */
export type SoapFaultCode = 'Client' | 'Server' | 'VersionMismatch';

/** Machine-readable fault reasons, carried in `detail` as `inv:code` (FaultCode in the XSD). */
export const FAULT_REASONS = [
  'TOO_MANY_SKUS',
  'NO_SKU',
  'UNKNOWN_CURRENCY',
  'INVALID_REQUEST',
  'MALFORMED_XML',
  'DTD_NOT_ALLOWED',
  'UNKNOWN_OPERATION',
  'WRONG_CONTENT_TYPE',
  'BODY_TOO_LARGE',
  'VERSION_MISMATCH',
  'INTERNAL_ERROR',
] as const;
/** One of {@link FAULT_REASONS}. */
export type FaultReason = (typeof FAULT_REASONS)[number];

/** A request the service refuses; the route turns it into a SOAP Fault with HTTP 500. */
export class SoapFault extends Error {
  readonly faultcode: SoapFaultCode;
  readonly reason: FaultReason;

  constructor(faultcode: SoapFaultCode, reason: FaultReason, faultstring: string) {
    super(faultstring);
    this.name = 'SoapFault';
    this.faultcode = faultcode;
    this.reason = reason;
  }
}

/** Wraps the body's markup (every value in it already escaped) in a SOAP 1.1 envelope. */
export function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:inv="${INVENTORY_NS}">` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** The SOAP 1.1 Fault envelope for a refused or failed call. */
export function faultEnvelope(fault: SoapFault): string {
  return envelope(
    `<soap:Fault><faultcode>soap:${fault.faultcode}</faultcode><faultstring>${escapeXml(fault.message)}</faultstring>` +
      `<detail><inv:code>${fault.reason}</inv:code></detail></soap:Fault>`,
  );
}
