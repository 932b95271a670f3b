import type { Dataset, ProductRecord, UserRecord } from '../../backends/data/model.ts';

/** Money as the gateway's schema shows it. */
export interface ExpectedMoney {
  amount: string;
  currency: string;
}

/**
 * Units of each currency per US dollar and its minor-unit digits, as the inventory contract
 * documents them (restated here on purpose: the test checks the gateway against the contract).
 */
const RATES: Readonly<Record<string, { perUsd: number; decimals: number }>> = {
  USD: { perUsd: 1, decimals: 2 },
  EUR: { perUsd: 0.92, decimals: 2 },
  GBP: { perUsd: 0.79, decimals: 2 },
  JPY: { perUsd: 150, decimals: 0 },
};

/** A price held in US cents, converted to `currency` and rounded half up to its minor unit. */
export function convertedPrice(usdCents: number, currency: string): ExpectedMoney {
  const rate = RATES[currency];
  if (!rate) throw new Error(`no rate for ${currency}`);
  // Work in hundredths of the rate so the arithmetic stays integral (0.92 → 92).
  const rateHundredths = Math.round(rate.perUsd * 100);
  const minor = Math.floor((usdCents * rateHundredths * 10 ** rate.decimals + 5_000) / 10_000);
  return { amount: minorToDecimal(minor, rate.decimals), currency };
}

/** An amount in minor units of `currency` (cents; yen have none) as a decimal string. */
export function minorUnits(minor: number, currency: string): ExpectedMoney {
  return { amount: minorToDecimal(minor, RATES[currency]?.decimals ?? 2), currency };
}

function minorToDecimal(minor: number, decimals: number): string {
  if (decimals === 0) return String(minor);
  const unit = 10 ** decimals;
  return `${Math.floor(minor / unit)}.${String(minor % unit).padStart(decimals, '0')}`;
}

/** What the inventory holds for a product, priced in `currency`. */
export function expectedStock(dataset: Dataset, product: ProductRecord, currency: string): { available: number; warehouse: string; price: ExpectedMoney } {
  const stock = dataset.stock.get(product.sku);
  if (!stock) throw new Error(`no stock record for ${product.sku}`);
  return { available: stock.available, warehouse: stock.warehouse, price: convertedPrice(stock.priceCents, currency) };
}

/** A label formatted the way a shop in `locale` writes money. */
export function moneyLabel(money: ExpectedMoney, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(Number(money.amount));
}

/** The image service's URL for an image at one size (`w` query parameter). */
export function sizedImage(baseUrl: string, size: number): string {
  const url = new URL(baseUrl);
  url.searchParams.set('w', String(size));
  return url.toString();
}

/** The first user of the dataset whose profile uses `locale`. */
export function userWithLocale(dataset: Dataset, locale: string): UserRecord {
  for (const user of dataset.users.values()) if (user.profile.locale === locale) return user;
  throw new Error(`no user with locale ${locale}`);
}

/** A product by id, failing loudly when the dataset lacks it. */
export function productOf(dataset: Dataset, id: string): ProductRecord {
  const product = dataset.products.get(id);
  if (!product) throw new Error(`no product ${id}`);
  return product;
}
