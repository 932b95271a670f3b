import { z } from 'zod';
import { CURRENCIES, type StockLevel } from './types.ts';

const XS_INT_MAX = 2_147_483_647;

const stockItem = z
  .object({
    sku: z.string().min(1),
    available: z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().max(XS_INT_MAX)),
    warehouse: z.string(),
    price: z.object({ '#text': z.string().regex(/^\d+(\.\d{1,2})?$/), '@_currency': z.enum(CURRENCIES) }),
  })
  .transform(
    (item): StockLevel => ({
      sku: item.sku,
      available: item.available,
      warehouse: item.warehouse,
      price: { amount: item.price['#text'], currency: item.price['@_currency'] },
    }),
  );

// An element with no children parses as '' (e.g. a response with neither item nor missing).
const emptyAsObject = (value: unknown): unknown => (value === '' ? {} : value);

const stockLevelsResponse = z.preprocess(
  emptyAsObject,
  z.object({ item: z.array(stockItem).default([]), missing: z.array(z.string()).default([]) }),
);

const fault = z.object({
  faultcode: z.string().min(1),
  faultstring: z.string().default(''),
  detail: z.preprocess(emptyAsObject, z.object({ code: z.string().optional() }).optional()),
});

/**
 * The shape of a GetStockLevels answer as parsed by `parseUntrustedXml` (prefixes removed):
 * a SOAP envelope whose body holds either a Fault or a GetStockLevelsResponse.
 */
export const stockLevelsEnvelopeSchema = z.object({
  Envelope: z.object({
    Body: z.union([z.object({ Fault: fault }), z.object({ GetStockLevelsResponse: stockLevelsResponse })]),
  }),
});
