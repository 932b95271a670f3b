import type { Profile } from '../clients/accounts/types.ts';
import { CURRENCIES, type Currency } from '../clients/inventory/types.ts';

/** Locale and currency used to price and format for the viewer. */
export interface Region {
  /** BCP 47 tag, e.g. `de-DE`. */
  readonly locale: string;
  /** A currency inventory prices in. */
  readonly currency: Currency;
}

/** Used when the request is anonymous (a signed-in viewer's region is theirs or an error, never this silently). */
export const DEFAULT_REGION: Region = Object.freeze({ locale: 'en-US', currency: 'USD' });

const isCurrency = (code: string): code is Currency => (CURRENCIES as readonly string[]).includes(code);

/** The viewer's region from their profile: their locale, and their currency when inventory prices in it (else the default currency). */
export function regionOf(profile: Pick<Profile, 'locale' | 'currency'>): Region {
  return isCurrency(profile.currency) ? { locale: profile.locale, currency: profile.currency } : { ...DEFAULT_REGION, locale: profile.locale };
}
