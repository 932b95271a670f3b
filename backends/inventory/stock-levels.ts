import type { Dataset } from '../data/model.ts';
import { formatPrice } from './pricing.ts';
import type { StockLevelsRequest } from './request.ts';
import { envelope } from './soap.ts';

/**
 * Answers a valid GetStockLevels request as a SOAP envelope: one item per known SKU in request
 * order (duplicates answered once), unknown SKUs in `missing`.
 */
export function stockLevelsEnvelope(dataset: Dataset, request: StockLevelsRequest): string {
  const items: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const sku of new Set(request.skus)) {
    const stock = dataset.stock.get(sku);
    if (!stock) {
      missing.push(sku);
      continue;
    }
    items.push({
      'inv:sku': stock.sku,
      'inv:available': String(stock.available),
      'inv:warehouse': stock.warehouse,
      'inv:price': { '#text': formatPrice(stock.priceCents, request.currency), '@_currency': request.currency },
    });
  }
  return envelope({ 'inv:GetStockLevelsResponse': { 'inv:item': items, 'inv:missing': missing } });
}
