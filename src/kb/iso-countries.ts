// English country names from i18n-iso-countries, loaded once on first use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let isoLoaded: ((code: string) => string[]) | undefined;

/** English names of a country from i18n-iso-countries (official first). */
export function isoCountryNames(alpha3: string): string[] {
  if (!isoLoaded) {
    const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
    countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
    isoLoaded = (code: string) => {
      const names = countries.getName(code, 'en', { select: 'all' }) as string[] | undefined;
      return names ?? [];
    };
  }
  return isoLoaded(alpha3);
}
