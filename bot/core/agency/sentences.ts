import type { LanguageCode } from '../knowledge/schema';

/** A short version is at least this long, so "No." is followed by what is not allowed. */
const MIN_CHARS: Record<LanguageCode, number> = { zh: 12, en: 30, ru: 30 };

/**
 * The first sentence of a text, and the next ones while it is shorter than MIN_CHARS ("No. Meat
 * and offal … may not be brought into China."). A full stop ends a sentence only before a capital
 * letter or the end ("Ann. 2010 No. 54", "и т. п." do not).
 */
export function firstSentences(text: string, lang: LanguageCode): string {
  const sentences = text.match(/(?:[^。！？.!?]|[.!?](?!\s+\p{Lu}|\s*$))*(?:[。！？]+|[.!?]+|$)/gu) ?? [text];
  let out = '';
  for (const s of sentences) {
    out += s;
    if ([...out.trim()].length >= MIN_CHARS[lang] && /[。！？.!?]$/.test(out.trim())) break;
  }
  return out.trim() || text;
}
