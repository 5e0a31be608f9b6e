import { normalizeText } from './normalize';

/** Text prepared once for many phrase look-ups: words separated by single spaces. */
export type PreparedText = { spaced: string };

/**
 * Prepares text for `PhraseMatcher.match`: normalised, punctuation as spaces, a space where the
 * script changes ("带两瓶whisky" → "带两瓶 whisky", so the brand matches at a word start), padded.
 */
export function prepareText(text: string): PreparedText {
  // (a percent sign is a word of its own: "what % tax", "多少%")
  const spaced = normalizeText(text)
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .replace(/%+/gu, ' % ')
    .replace(/(\p{Script=Han})(?=[\p{Script=Latin}\p{Script=Cyrillic}\p{N}])|([\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(?=\p{Script=Han})/gu, '$1$2 ')
    .trim();
  return { spaced: ` ${spaced} ` };
}

const HAN = /\p{Script=Han}/u;
const DIGIT = /\p{N}/u;

/** One phrase as looked up: its needle, the order it was given in, and whether it starts or ends with a digit. */
type Phrase<K> = { key: K; needle: string; order: number; digitFirst: boolean; digitLast: boolean };

/** A phrase's number is a whole number of the text: "5000元" is not found in "25000元", nor "500" in "5000". */
function wholeNumbers(s: string, at: number, phrase: Phrase<string>): boolean {
  if (phrase.digitFirst && DIGIT.test(s[at - 1] ?? '')) return false;
  return !(phrase.digitLast && DIGIT.test(s[at + phrase.needle.length] ?? ''));
}
/** How many first characters key a phrase in the look-up map. */
const PREFIX_CHARS = 4;

/**
 * Finds which keys' phrases occur in a text. Chinese phrases match anywhere (no spaces in
 * Chinese); other phrases match at the start of a word, so a stem ("колбас") or a singular
 * ("sausage") also matches its other forms ("колбасу", "sausages"). A phrase ending in "$"
 * matches whole words only ("cat$" does not match "category", "кот$" not "который").
 */
export class PhraseMatcher<K extends string> {
  private readonly phrases: Phrase<K>[] = [];
  /**
   * Phrases by their first characters (up to PREFIX_CHARS), so a look-up probes each text position a few
   * times and compares only phrases that start like the text there; `lengths` are the prefix lengths in use.
   */
  private readonly byPrefix = new Map<string, Phrase<K>[]>();
  private readonly lengths: number[];
  /** Characters some phrase starts with: at any other position of a text no phrase can start. */
  private readonly firstChars = new Set<string>();
  /** Longer phrases inside which a key's phrases do not count ("凤梨酥" is no pineapple, "dried mango" no fresh fruit). */
  private readonly exceptions: PhraseMatcher<K> | undefined;
  private readonly exceptionKeys: ReadonlySet<K>;

  constructor(lists: Iterable<readonly [K, readonly string[]]>, exceptions?: Iterable<readonly [K, readonly string[]]>) {
    const exceptionLists = exceptions ? [...exceptions] : [];
    this.exceptions = exceptionLists.length > 0 ? new PhraseMatcher(exceptionLists) : undefined;
    this.exceptionKeys = new Set(exceptionLists.map(([key]) => key));
    for (const [key, list] of lists) {
      for (const phrase of list) {
        const whole = phrase.trimEnd().endsWith('$');
        const norm = prepareText(whole ? phrase.trimEnd().slice(0, -1) : phrase).spaced.trim();
        if (!norm) continue;
        const needle = HAN.test(norm) ? norm : whole ? ` ${norm} ` : ` ${norm}`;
        const entry: Phrase<K> = { key, needle, order: this.phrases.length, digitFirst: DIGIT.test(norm[0] ?? ''), digitLast: DIGIT.test(norm.at(-1) ?? '') };
        this.phrases.push(entry);
        this.firstChars.add(entry.needle[0] ?? '');
        const prefix = entry.needle.slice(0, PREFIX_CHARS);
        const bucket = this.byPrefix.get(prefix);
        if (bucket) bucket.push(entry);
        else this.byPrefix.set(prefix, [entry]);
      }
    }
    this.lengths = [...new Set([...this.byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  }

  /** Every phrase occurrence, in text order (one probe of the prefix map per position), with where it starts in `text.spaced`; none inside an exception of its key. */
  private *occurrences(text: PreparedText): Generator<{ key: K; needle: string; at: number }> {
    if (!this.exceptions) {
      yield* this.raw(text);
      return;
    }
    const found = [...this.raw(text)];
    // (the exceptions are looked for only when a key that has some was found)
    const excepted = found.some((o) => this.exceptionKeys.has(o.key)) ? this.exceptions.positions(text) : [];
    for (const o of found) {
      if (!excepted.some((e) => e.key === o.key && e.at <= o.at && o.at + o.needle.trimEnd().length <= e.end)) yield o;
    }
  }

  private *raw(text: PreparedText): Generator<{ key: K; needle: string; at: number }> {
    const s = text.spaced;
    const here: Phrase<K>[] = [];
    for (let i = 0; i < s.length; i++) {
      if (!this.firstChars.has(s[i] ?? '')) continue;
      // (one-character phrases, Chinese 烟 or 酒, are keyed by that character alone; longer ones by their first characters)
      here.length = 0;
      for (const n of this.lengths) {
        if (i + n > s.length) break;
        for (const phrase of this.byPrefix.get(s.slice(i, i + n)) ?? []) if ((phrase.needle.length === n || s.startsWith(phrase.needle, i)) && wholeNumbers(s, i, phrase)) here.push(phrase);
      }
      // (in the order the phrases were given, as one bucket per position would give them)
      if (here.length > 1) here.sort((a, b) => a.order - b.order);
      for (const phrase of here) yield { key: phrase.key, needle: phrase.needle, at: i };
    }
  }

  /** Every occurrence's key and start position in `text.spaced`, in text order. */
  positions(text: PreparedText): { key: K; at: number; end: number }[] {
    return [...this.occurrences(text)].map(({ key, needle, at }) => ({ key, at, end: at + needle.length }));
  }

  /** Keys with at least one phrase in the text. */
  match(text: PreparedText): Set<K> {
    const found = new Set<K>();
    for (const { key } of this.occurrences(text)) found.add(key);
    return found;
  }

  /** Number of distinct phrases found (for scoring how strongly a text leans one way). */
  count(text: PreparedText): number {
    return new Set([...this.occurrences(text)].map((p) => p.needle)).size;
  }
}
