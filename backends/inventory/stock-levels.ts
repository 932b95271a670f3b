import type { Dataset } from '../data/model.ts';
import { formatPrice } from './pricing.ts';
import type { StockLevelsRequest } from './request.ts';
import { escapeXml } from '../../clients/inventory/soap.ts';
import { envelope } from './soap.ts';

/**
 * Answers a valid GetStockLevels request as a SOAP envelope: one item per known SKU in request
 * order (duplicates answered once), unknown SKUs in `missing`.
 */
export function stockLevelsEnvelope(dataset: Dataset, request: StockLevelsRequest): string {
  const items: string[] = [];
  const missing: string[] = [];
  for (const sku of new Set(request.skus)) {
    const stock = dataset.stock.get(sku);
    if (!stock) {
      missing.push(`<inv:missing>${escapeXml(sku)}</inv:missing>`);
      continue;
    }
    items.push(
      `<inv:item><inv:sku>${escapeXml(stock.sku)}</inv:sku><inv:available>${stock.available}</inv:available>` +
        `<inv:warehouse>${escapeXml(stock.warehouse)}</inv:warehouse>` +
        `<inv:price currency="${request.currency}">${formatPrice(stock.priceCents, request.currency)}</inv:price></inv:item>`,
    );
  }
  return envelope(`<inv:GetStockLevelsResponse>${items.join('')}${missing.join('')}</inv:GetStockLevelsResponse>`);
}
