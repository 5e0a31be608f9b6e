/**
 * Canonical form of traveller text before anything else reads it: Unicode NFKC (full-width
 * digits and letters become ASCII), lower case, "ё" as "е", whitespace collapsed.
 * @example normalizeText('１５条  Сигарет Ё') // '15条 сигарет е'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** Scripts the assistant reads; each maps to one language. */
export type Script = 'han' | 'latin' | 'cyrillic';

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The script of one character, or undefined for digits, punctuation and emoji. */
export function scriptOf(char: string): Script | undefined {
  if (HAN.test(char)) return 'han';
  if (CYRILLIC.test(char)) return 'cyrillic';
  if (LATIN.test(char)) return 'latin';
  return undefined;
}
