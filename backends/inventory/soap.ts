import { XMLBuilder } from 'fast-xml-parser';

/** SOAP 1.1 envelope namespace. */
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Target namespace of contracts/inventory.wsdl and inventory.xsd. */
export const INVENTORY_NS = 'urn:shop:inventory:v1';
/** The one operation of the service. */
export const OPERATION = 'GetStockLevels';
/** SOAPAction header value of {@link OPERATION}, as the WSDL binding declares it (without quotes). */
export const SOAP_ACTION = `${INVENTORY_NS}#${OPERATION}`;
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

// The builder escapes text and attribute values (its processEntities default).
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

/** Wraps one body element (a JS object in fast-xml-parser's shape, `inv:` prefixed) in a SOAP 1.1 envelope. */
export function envelope(body: Record<string, unknown>): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP_ENV_NS, '@_xmlns:inv': INVENTORY_NS, 'soap:Body': body },
  }) as string;
}

/** The SOAP 1.1 Fault envelope for a refused or failed call. */
export function faultEnvelope(fault: SoapFault): string {
  return envelope({
    'soap:Fault': {
      faultcode: `soap:${fault.faultcode}`,
      faultstring: fault.message,
      detail: { 'inv:code': fault.reason },
    },
  });
}
