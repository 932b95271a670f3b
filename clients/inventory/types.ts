/** Currencies the inventory service prices in (Currency in contracts/inventory.xsd). */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'] as const;
/** One of {@link CURRENCIES}. */
export type Currency = (typeof CURRENCIES)[number];

/** Stock and price of one SKU, as the inventory service answered it. */
export interface StockLevel {
  sku: string;
  /** Units available to sell now (0 or more). */
  available: number;
  /** Code of the warehouse holding the stock, e.g. `FRA-2`. */
  warehouse: string;
  price: {
    /** Decimal exactly as on the wire: `"12.34"` (USD, EUR, GBP) or `"1845"` (JPY). */
    amount: string;
    currency: Currency;
  };
}
