import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * Chinese typed by sound and picked wrong ("申抱" for 申报, "代够" for 代购, "电饭堡" for 电饭煲,
 * "免说额度" for 免税额度): the commonest Chinese typo, since most Chinese is typed in pinyin. A
 * character that is in no general word (chinese-words.ts) and no phrase of the language data where
 * it stands is replaced by the one character of the same sound (tones ignored) that completes such
 * a phrase there, if exactly one does. The commonest characters (particles, pronouns) are never
 * replaced: their homophones are too many to guess from.
 */
export type HomophoneFixer = { fix(text: string): string };

/** Phrases and the place of each of their characters in them, by character. */
type Places = Map<string, { phrase: string[]; at: number }[]>;

/**
 * Builds the fixer from the Chinese phrases of the language data (engine.ts: concepts, signals,
 * signal parts, categories, facets and the entries' keywords). `keep`: characters never replaced;
 * `words`: general words (chinese-words.ts).
 */
export function buildHomophoneFixer(phrases: Iterable<string>, keep: Iterable<string>, words: ReadonlySet<string>): HomophoneFixer {
  const places: Places = new Map();
  const bySound = new Map<string, Set<string>>();
  const phrasesOfOne = new Set<string>();
  for (const raw of phrases) {
    const phrase = [...raw];
    if (phrase.length === 1) phrasesOfOne.add(raw);
    if (phrase.length < 2 || !phrase.every((c) => HAN.test(c))) continue;
    phrase.forEach((c, at) => {
      const list = places.get(c);
      if (list) list.push({ phrase, at });
      else places.set(c, [{ phrase, at }]);
      for (const sound of soundsOf(c)) {
        const same = bySound.get(sound);
        if (same) same.add(c);
        else bySound.set(sound, new Set([c]));
      }
    });
  }
  // (a character that is a phrase by itself, "烟", "酒", "包", is a word where it stands)
  const kept = new Set([...keep, ...[...phrasesOfOne].filter((c) => HAN.test(c))]);
  /** The phrases `char` would be part of at `i` of `chars`, with its place in each. */
  const phrasesAt = (chars: readonly string[], i: number, char: string) =>
    (places.get(char) ?? []).filter(({ phrase, at }) => phrase.every((p, j) => j === at || chars[i - at + j] === p));
  const inPhrase = (chars: readonly string[], i: number, char: string) => phrasesAt(chars, i, char).length > 0;
  /** …a phrase whose other characters are not all of the commonest kind ("旧的" from "酒的" rests on 的 alone). */
  const completes = (chars: readonly string[], i: number, char: string) => phrasesAt(chars, i, char).some(({ phrase, at }) => phrase.some((p, j) => j !== at && !kept.has(p)));
  return {
    fix(text: string): string {
      if (!HAN.test(text)) return text;
      const chars = [...text];
      let changed = false;
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i] ?? '';
        if (!HAN.test(c) || kept.has(c) || inPhrase(chars, i, c) || inWord(chars, i, words)) continue;
        const fits = new Set<string>();
        for (const sound of soundsOf(c)) for (const k of bySound.get(sound) ?? []) if (k !== c && completes(chars, i, k)) fits.add(k);
        if (fits.size !== 1) continue;
        chars[i] = [...fits][0] ?? c;
        changed = true;
      }
      return changed ? chars.join('') : text;
    },
  };
}

/** True when the character at `i` is part of a general word of two or three characters there ("朋友", "飞机"): no typo. */
function inWord(chars: readonly string[], i: number, words: ReadonlySet<string>): boolean {
  const at = (from: number, n: number) => (from >= 0 && from + n <= chars.length ? chars.slice(from, from + n).join('') : '');
  return [at(i - 1, 2), at(i, 2), at(i - 2, 3), at(i - 1, 3), at(i, 3)].some((w) => w !== '' && words.has(w));
}

const sounds = new Map<string, readonly string[]>();

/** The toneless readings of one character (all of them: 行 is xing and hang), cached. */
function soundsOf(char: string): readonly string[] {
  let found = sounds.get(char);
  if (!found) {
    found = pinyin(char, { toneType: 'none', multiple: true, type: 'array' }).filter((s) => /^[a-zü]+$/u.test(s));
    sounds.set(char, found);
  }
  return found;
}
