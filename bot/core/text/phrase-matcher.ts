import { normalizeText } from './normalize';

/** Text prepared once for many phrase look-ups: words separated by single spaces. */
export type PreparedText = { spaced: string };

/** Prepares text for `PhraseMatcher.match`: normalised, punctuation as spaces, padded. */
export function prepareText(text: string): PreparedText {
  return { spaced: ` ${normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} ` };
}

const HAN = /\p{Script=Han}/u;

/**
 * Finds which keys' phrases occur in a text. Chinese phrases match anywhere (no spaces in
 * Chinese); other phrases match at the start of a word, so a stem ("колбас") or a singular
 * ("sausage") also matches its other forms ("колбасу", "sausages").
 */
export class PhraseMatcher<K extends string> {
  private readonly phrases: { key: K; needle: string }[] = [];

  constructor(lists: Iterable<readonly [K, readonly string[]]>) {
    for (const [key, list] of lists) {
      for (const phrase of list) {
        const norm = prepareText(phrase).spaced.trim();
        if (!norm) continue;
        this.phrases.push({ key, needle: HAN.test(norm) ? norm : ` ${norm}` });
      }
    }
  }

  /** Keys with at least one phrase in the text. */
  match(text: PreparedText): Set<K> {
    const found = new Set<K>();
    for (const { key, needle } of this.phrases) {
      if (!found.has(key) && text.spaced.includes(needle)) found.add(key);
    }
    return found;
  }

  /** Number of phrases of any key found (for scoring how strongly a text leans one way). */
  count(text: PreparedText): number {
    let n = 0;
    for (const { needle } of this.phrases) if (text.spaced.includes(needle)) n++;
    return n;
  }
}
