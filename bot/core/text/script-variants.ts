import { Converter } from 'opencc-js/t2cn';
import { chineseWords } from './chinese-words';
import { buildHomophoneFixer, type HomophoneFixer } from './homophones';
import cyrillicToTranslit from 'cyrillic-to-translit-js';
import { stem as stemEn } from 'natural/lib/natural/stemmers/porter_stemmer';
import { stem as stemRu } from 'natural/lib/natural/stemmers/porter_stemmer_ru';

/**
 * Traditional Chinese (Hong Kong and Taiwan forms: 帶, 現金, 藥, 香菸) to simplified, by OpenCC's
 * dictionaries. Built once; ~10 µs per short message.
 */
const toSimplifiedChars = Converter({ from: 'hk', to: 'cn' });
const translit = cyrillicToTranslit({ preset: 'ru' });

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /[a-z']+/g;

/** Words known per language, as stems, so a Latin-typed word can be told Russian or English. */
export type ScriptVocabulary = { ru: ReadonlySet<string>; en: ReadonlySet<string>; zh?: HomophoneFixer };

/** Builds the vocabulary from plain words of each language (language data and entries). */
export function buildScriptVocabulary(words: { ru: Iterable<string>; en: Iterable<string> }, chinese?: { phrases: Iterable<string>; keep: Iterable<string> }): ScriptVocabulary {
  const ru = new Set<string>();
  const en = new Set<string>();
  for (const w of words.ru) for (const part of w.toLowerCase().split(/[^\p{L}]+/u)) if (part) ru.add(russianKey(part));
  for (const w of words.en) for (const part of w.toLowerCase().split(/[^\p{L}]+/u)) if (part) en.add(stemEn(part));
  return { ru, en, ...(chinese ? { zh: buildHomophoneFixer(chinese.phrases, chinese.keep, chineseWords()) } : {}) };
}

/** A Russian word's key for vocabulary look-ups: stemmed, soft and hard signs dropped, й as и. */
function russianKey(word: string): string {
  return stemRu(word.replace(/ё/g, 'е')).replace(/[ьъ]/g, '').replace(/й/g, 'и');
}

/**
 * Latin letters to Cyrillic by the common Russian romanisation (the library's reverse table),
 * after the habits of people typing Russian on a Latin keyboard: an apostrophe for ь ("plat'")
 * and j or a vowel's y for й ("kitaj", "kitay", "yaytsa").
 */
/** "sprjachu", "ljuboj": j before a vowel is that vowel's iotated letter (я, ю, ё, е), elsewhere й. */
const IOTATED: Record<string, string> = { a: 'я', u: 'ю', o: 'ё', e: 'е' };

function toCyrillicWord(word: string): string {
  // ("ei" alone is "ей", her, not the interjection "эй")
  if (word === 'ei') return 'ей';
  // "pervyi", "russkii": the endings -ый / -ий; "ei", "reis", "chai": -ей, -ай before a consonant or at the end (еи, аи are rare)
  // (and "shh" for щ, "veshhej"; a final "-at"/"-yat" is the infinitive's -ать/-ять, "spryatat", "deklarirovat";
  // "skolko", "tolko": сколько, только; a first "e" is е as in "esli", "eshche", э only in "eto", "eksport", "elektronka")
  const prepared = word.replace(/^e(?![tkl])/, 'е').replace(/lko/g, 'лько').replace(/shh/g, 'щ').replace(/(?<=.{3})([y]?)at$/, '$1atь').replace(/'/g, 'ь').replace(/yi$/, 'ый').replace(/ii$/, 'ий').replace(/j([auoe])/g, (_m, v: string) => IOTATED[v] ?? v).replace(/j/g, 'й').replace(/([aeiouy])y(?![aeiou])/g, '$1й').replace(/([ea])i(?![aeiou])/g, '$1й');
  // (letters the table leaves: a lone "c" is ц as in "racii", "w" is в as in "wodka")
  return translit.reverse(prepared).replace(/h/g, 'х').replace(/c/g, 'ц').replace(/w/g, 'в');
}

/** A message in the script the rest of the reading expects, and what was converted. */
export type ScriptReading = { text: string; simplified: boolean; latinRussian: boolean };

/**
 * Brings script variants to one form before anything reads the message:
 * - traditional Chinese characters become simplified (OpenCC), and characters typed by sound and
 *   picked wrong are put right (homophones.ts: "申抱" is 申报);
 * - Russian typed in Latin letters ("mozhno li vezti kolbasu") becomes Cyrillic, when more of its
 *   words are Russian than English by `vocabulary`; words that are English or brands (iphone,
 *   iqos) stay as typed.
 * @example readScripts('帶兩條煙可以嗎', vocab).text // '带两条烟可以吗'
 */
export function readScripts(text: string, vocabulary: ScriptVocabulary): ScriptReading {
  if (HAN.test(text)) {
    const simplified = toSimplifiedChars(text);
    // (and characters typed by sound and picked wrong: "申抱" is 申报)
    return { text: vocabulary.zh ? vocabulary.zh.fix(simplified) : simplified, simplified: simplified !== text, latinRussian: false };
  }
  if (CYRILLIC.test(text)) return { text, simplified: false, latinRussian: false };
  const lower = text.toLowerCase();
  let russian = 0;
  let english = 0;
  const isRussian = new Map<string, boolean>();
  for (const [word] of lower.matchAll(LATIN_WORD)) {
    // one-letter words count too: "v", "s", "k" are Russian prepositions typed in Latin letters
    if (isRussian.has(word)) continue;
    const ru = vocabulary.ru.has(russianKey(toCyrillicWord(word)));
    const en = vocabulary.en.has(stemEn(word.replace(/'/g, '')));
    // words of both vocabularies (vodka, rub, i) decide nothing
    isRussian.set(word, ru && !en);
    if (ru && !en) russian++;
    if (en && !ru) english++;
  }
  // two Russian words, or a message whose every word is Russian ("privet")
  const allRussian = russian > 0 && english === 0;
  if ((russian < 2 && !allRussian) || russian <= english) return { text, simplified: false, latinRussian: false };
  // in a Russian message only words that are English and not Russian stay as typed (iphone, apple)
  const keep = (w: string) => vocabulary.en.has(stemEn(w.replace(/'/g, ''))) && !vocabulary.ru.has(russianKey(toCyrillicWord(w)));
  const converted = lower.replace(LATIN_WORD, (w) => (keep(w) ? w : toCyrillicWord(w)));
  return { text: converted, simplified: false, latinRussian: true };
}

/**
 * True when a message mixes Cyrillic with Latin letters none of which make an English word
 * ("fgfgh ааа ??"): a Russian speaker on the wrong keyboard layout, to be answered in Russian.
 */
export function isCyrillicWithLatinNoise(text: string, vocabulary: ScriptVocabulary): boolean {
  return CYRILLIC.test(text) && latinIsNoise(text, vocabulary);
}

/** The same for Chinese: "？？？ｓｄｆｊｋ 啊" is a Chinese speaker on the wrong keyboard, to be answered in Chinese. */
export function isHanWithLatinNoise(text: string, vocabulary: ScriptVocabulary): boolean {
  return HAN.test(text) && latinIsNoise(text, vocabulary);
}

/** Latin letters are present and none of their words is English. */
function latinIsNoise(text: string, vocabulary: ScriptVocabulary): boolean {
  const latin = [...text.toLowerCase().matchAll(LATIN_WORD)].map((m) => m[0]);
  return latin.length > 0 && !latin.some((w) => vocabulary.en.has(stemEn(w.replace(/'/g, ''))));
}
