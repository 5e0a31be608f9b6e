import type { LanguageCode } from '../knowledge/schema';

const LOCALES: Record<LanguageCode, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/**
 * A country's name in a language, from the runtime's ICU data (Intl.DisplayNames), so no list of
 * ~250 names is kept by hand; undefined for a code that names no region ("QQ").
 * @example countryName('RU', 'zh') // "俄罗斯"
 */
export function countryName(code: string, lang: LanguageCode): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  return new Intl.DisplayNames([LOCALES[lang]], { type: 'region', fallback: 'none' }).of(code);
}

/** True for an ISO 3166 alpha-2 code of a real region (including Hong Kong, Macao, Taiwan). */
export function isCountryCode(code: string): boolean {
  return countryName(code, 'en') !== undefined && !/^(?:Q[M-Z]|X[A-Z]|ZZ|AA|EU|EZ|UN)$/.test(code);
}
