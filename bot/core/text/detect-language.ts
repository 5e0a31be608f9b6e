import type { LanguageCode } from '../knowledge/schema';
import { scriptOf, type Script } from './normalize';

const LANG_OF_SCRIPT: Record<Script, LanguageCode> = { han: 'zh', latin: 'en', cyrillic: 'ru' };

/**
 * Weight of one character of each script: a Chinese character carries about as much as a
 * short word, a Latin or Cyrillic letter about a quarter of one. With these weights
 * "带两瓶whisky可以吗" and "从Bangkok回来，live in 哈尔滨，买了 2 bottles whisky" are Chinese,
 * and "how many 条 can i bring" or "I live in 哈尔滨, what is the limit" are English.
 */
const WEIGHT: Record<Script, number> = { han: 4, latin: 1, cyrillic: 1 };

export type LanguageGuess = { lang: LanguageCode; confident: boolean };

/**
 * Detects the dominant language of a message from its scripts (zh: Han, ru: Cyrillic,
 * en: Latin). A message without letters (digits, emoji) is not confident and falls back.
 * @param fallback language used when the message has no letters (default "en").
 */
export function detectLanguage(text: string, fallback: LanguageCode = 'en'): LanguageGuess {
  const score: Record<Script, number> = { han: 0, latin: 0, cyrillic: 0 };
  // Markup and links are not the traveller's language: "<script>…</script> 能带白酒吗" is Chinese.
  const prose = text.replace(/<\/?[a-z][^>]*>/gi, ' ').replace(/https?:\/\/\S+/gi, ' ');
  for (const char of prose) {
    const script = scriptOf(char);
    if (script) score[script] += WEIGHT[script];
  }
  const [best, bestScore] = (Object.entries(score) as [Script, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  if (bestScore === 0) return { lang: fallback, confident: false };
  return { lang: LANG_OF_SCRIPT[best], confident: true };
}
