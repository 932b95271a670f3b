import type { Product, ProductPage } from '../../clients/catalog/catalog-client.ts';
import type { StockLevel } from '../../clients/inventory/inventory-client.ts';
import type { GatewayContext } from '../../src/context.ts';
import { formatMoney, type MoneyValue } from './money.ts';

/** Stock and price of a product, batched per request through the stock loader. */
export function stockOf(product: Product, context: GatewayContext): Promise<StockLevel> {
  return context.loaders.stock.load(product.sku);
}

/** The product's current price in the viewer's currency; fails when the viewer's currency cannot be read. */
export async function priceOf(product: Product, context: GatewayContext): Promise<MoneyValue> {
  const [stock] = await Promise.all([stockOf(product, context), context.region()]);
  return stock.price;
}

/** The product's price formatted for the viewer's locale. */
export async function priceLabelOf(product: Product, context: GatewayContext): Promise<string> {
  const [price, region] = await Promise.all([priceOf(product, context), context.region()]);
  return formatMoney(price, region.locale);
}

/** Whether at least one unit can be ordered now. */
export async function inStockOf(product: Product, context: GatewayContext): Promise<boolean> {
  return (await stockOf(product, context)).available > 0;
}

/** A page of catalog results as a connection; the products are primed into the per-request loader. */
export function productConnection(page: ProductPage, context: GatewayContext) {
  for (const product of page.items) context.loaders.product.prime(product.id, product);
  return {
    nodes: page.items,
    pageInfo: { hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor ?? null },
    totalCount: page.totalCount,
  };
}
