import type { Limits } from './limits';
import type { LanguageCode } from './schema';

/** Matches `{{group.key}}` placeholders in answer texts. */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

const LOCALES: Record<LanguageCode, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };
const formatters = new Map<LanguageCode, Intl.NumberFormat>();

/**
 * Formats a number for a language: en "5,000", ru "5 000" (plain space, so travellers can
 * copy it), zh "5,000". Decimals are kept (0.5, 1.5).
 */
/**
 * An amount in a currency named in the reply's language ("5,000美元", "5 000 долларов США",
 * "5,000 US dollars"), by Intl.NumberFormat, so plural forms and grouping come from one place.
 */
export function formatMoney(value: number, currency: string, lang: LanguageCode): string {
  const f = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency, currencyDisplay: 'name', maximumFractionDigits: 2, minimumFractionDigits: 0 });
  return f.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

export function formatNumber(value: number, lang: LanguageCode): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
    formatters.set(lang, f);
  }
  return f.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

/** Fills `{{path}}` placeholders from limits; an unknown path throws (kb:check catches it first). */
export function renderText(text: string, limits: Limits, lang: LanguageCode): string {
  return text.replace(PLACEHOLDER, (_m, path: string) => {
    const value = limits.values.get(path);
    if (value === undefined) throw new Error(`bot: unknown placeholder {{${path}}}`);
    return formatNumber(value, lang);
  });
}

/** Placeholder paths used in a text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}
