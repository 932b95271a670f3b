import { CURRENCIES, type Currency } from '../../clients/inventory/types.ts';

/**
 * Fixed conversion from US dollars, as documented in the contract: units of the currency per
 * 1 USD are `perUsdHundredths / 100` (USD 1, EUR 0.92, GBP 0.79, JPY 150); `decimals` is the
 * number of minor-unit digits on the wire.
 */
export const RATES: Readonly<Record<Currency, { perUsdHundredths: number; decimals: number }>> = {
  USD: { perUsdHundredths: 100, decimals: 2 },
  EUR: { perUsdHundredths: 92, decimals: 2 },
  GBP: { perUsdHundredths: 79, decimals: 2 },
  JPY: { perUsdHundredths: 15_000, decimals: 0 },
};

/** Whether a wire value names a supported currency. */
export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/**
 * Converts a price in US cents to a decimal string in `currency`, rounded half up to the
 * currency's minor unit: `formatPrice(1999, 'EUR')` is `"18.39"`, `formatPrice(1999, 'JPY')` is `"2999"`.
 */
export function formatPrice(usdCents: number, currency: Currency): string {
  const { perUsdHundredths, decimals } = RATES[currency];
  // Integer arithmetic only: minor = cents / 100 * (rate / 100) * 10^decimals, rounded half up.
  const scaled = usdCents * perUsdHundredths * 10 ** decimals;
  const minor = Math.floor((scaled + 5_000) / 10_000);
  if (decimals === 0) return String(minor);
  const unit = 10 ** decimals;
  return `${Math.floor(minor / unit)}.${String(minor % unit).padStart(decimals, '0')}`;
}
