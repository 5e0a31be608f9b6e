import { stem as stemEn } from 'natural/lib/natural/stemmers/porter_stemmer';
import { stem as stemRu } from 'natural/lib/natural/stemmers/porter_stemmer_ru';
import type { LanguageCode } from '../knowledge/schema';
import { normalizeText, scriptOf, type Script } from './normalize';

/** Stopwords per language; a token is checked against the list of its own script's language. */
export type Stopwords = Record<LanguageCode, ReadonlySet<string>>;

/** A token: its search term (stemmed; Chinese as is) and the raw word it came from. */
export type Token = { term: string; raw: string; script: Script | 'digit' };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Stems are cached: the Porter stemmers are regex-heavy and the same words recur (index build
 * and every message). The cache is cleared when it grows past STEM_CACHE_MAX words, so
 * untrusted traveller text cannot grow it without bound.
 */
const STEM_CACHE_MAX = 50_000;
const stemCache = new Map<string, string>();
function cachedStem(word: string, script: 'latin' | 'cyrillic'): string {
  const key = script === 'latin' ? word : `\u0001${word}`;
  let stem = stemCache.get(key);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stem = script === 'latin' ? stemEn(word) : stemRu(word);
    stemCache.set(key, stem);
  }
  return stem;
}
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into search terms, each by the rules of its own script, so mixed messages work:
 * - Chinese (no spaces): words from `Intl.Segmenter` plus the bigrams of each run of Han
 *   characters (bigrams catch words the segmenter splits differently in the query and the entry);
 * - English: Porter stemmer; Russian: Snowball-style Russian stemmer (natural's parts);
 * - digits are kept (quantities matter); stopwords are dropped.
 * @example tokenize('带两瓶whisky可以吗', stops).map(t => t.term) // ['两瓶', '两', '瓶', 'whiski', ...]
 */
export function tokenize(text: string, stopwords: Stopwords): Token[] {
  const out: Token[] = [];
  for (const match of normalizeText(text).matchAll(WORD_RUN)) {
    for (const run of splitByScript(match[0])) out.push(...tokensOfRun(run.text, run.script, stopwords));
  }
  return out;
}

/** Raw lowercase words of a text, per script (used for concept and cue matching). */
export function words(text: string): { word: string; script: Script | 'digit' }[] {
  const out: { word: string; script: Script | 'digit' }[] = [];
  for (const match of normalizeText(text).matchAll(WORD_RUN)) {
    for (const run of splitByScript(match[0])) out.push({ word: run.text, script: run.script });
  }
  return out;
}

function splitByScript(word: string): { text: string; script: Script | 'digit' }[] {
  const runs: { text: string; script: Script | 'digit' }[] = [];
  for (const char of word) {
    const script = scriptOf(char) ?? 'digit';
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}

function tokensOfRun(text: string, script: Script | 'digit', stopwords: Stopwords): Token[] {
  switch (script) {
    case 'digit':
      return [{ term: text, raw: text, script }];
    case 'latin':
      return stopwords.en.has(text) ? [] : [{ term: cachedStem(text, script), raw: text, script }];
    case 'cyrillic':
      return stopwords.ru.has(text) ? [] : [{ term: cachedStem(text, script), raw: text, script }];
    case 'han':
      return hanTokens(text, stopwords.zh);
  }
}

function hanTokens(run: string, stop: ReadonlySet<string>): Token[] {
  const seen = new Set<string>();
  const out: Token[] = [];
  const add = (term: string) => {
    if (!seen.has(term) && !stop.has(term)) {
      seen.add(term);
      out.push({ term, raw: term, script: 'han' });
    }
  };
  for (const seg of segmenter.segment(run)) add(seg.segment);
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i]}${chars[i + 1]}`);
  return out;
}
