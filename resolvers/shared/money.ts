/** Money as the schema shows it. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0 };
const formatters = new Map<string, Intl.NumberFormat>();

/** Minor units (cents) to an exact decimal amount in the currency's own precision. */
export function fromMinorUnits(minor: number, currency: string): MoneyValue {
  const digits = MINOR_DIGITS[currency] ?? 2;
  if (digits === 0) return { amount: String(minor), currency };
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  return { amount: `${sign}${Math.trunc(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`, currency };
}

/** A price label in the viewer's locale, e.g. `12,34 €` for de-DE. Formatters are built once per locale and currency. */
export function formatMoney(money: MoneyValue, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    formatters.set(key, formatter);
  }
  return formatter.format(Number(money.amount));
}
