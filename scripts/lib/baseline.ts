import lunr from 'lunr';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { LANGUAGES, type KnowledgeEntry, type LanguageCode } from '../../bot/core/knowledge/schema';

// lunr-languages ships no types; both plugins extend the shared lunr object.
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.ru')(lunr);
const ru = (lunr as unknown as { ru: lunr.Builder.Plugin }).ru;

export type Baseline = {
  /** Id of the top-scoring entry, or undefined when lunr finds nothing. */
  answer(text: string, lang: LanguageCode): string | undefined;
};

const FIELDS = ['title', 'answer', 'phrasings', 'keywords'] as const;

/** Something with a letter or a digit in it; jieba also returns punctuation and spaces as words. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * The plain baseline of issue 9: one stock lunr index per language over the knowledge entries,
 * answering with the top entry. Deliberately untuned (default boosts, default pipelines, no
 * concepts, typos or thresholds) so that the evaluation can show what the assistant adds.
 * en: lunr's English pipeline; ru: lunr-languages' lunr.ru; zh: words cut by jieba, with
 * punctuation dropped and no stemming or stopwords.
 */
export function createBaseline(entries: readonly KnowledgeEntry[]): Baseline {
  const jieba = Jieba.withDict(dict);
  const zhWords = (text: string): string[] =>
    jieba.cut(text).map((w) => w.trim().toLowerCase()).filter((w) => WORDLIKE.test(w));
  const zhTokenizer = Object.assign(
    (obj?: unknown, metadata?: object): lunr.Token[] =>
      obj == null ? [] : zhWords(String(obj)).map((w) => new lunr.Token(w, { ...metadata })),
    { separator: lunr.tokenizer.separator },
  );

  /** The message split into terms the way each index splits its documents. */
  const terms: Record<LanguageCode, (text: string) => string[]> = {
    zh: zhWords,
    // lunr.search does not trim query terms; trim as the English index pipeline does.
    en: (text) => lunr.tokenizer(text).map((t) => lunr.trimmer(t).toString()),
    ru: (text) => lunr.tokenizer(text).map((t) => t.toString()), // lunr.ru's search pipeline trims
  };

  const build = (lang: LanguageCode): lunr.Index =>
    lunr(function () {
      if (lang === 'ru') this.use(ru);
      if (lang === 'zh') {
        this.tokenizer = zhTokenizer;
        this.pipeline.reset(); // lunr.trimmer would strip every Chinese character (\W)
        this.searchPipeline.reset();
      }
      this.ref('id');
      for (const field of FIELDS) this.field(field);
      for (const e of entries) {
        const a = e.answer[lang];
        this.add({
          id: e.id,
          title: e.title[lang],
          answer: [a.lead, ...Object.values(a.variants ?? {}), ...a.details].join('\n'),
          phrasings: e.phrasings[lang].join('\n'),
          keywords: e.keywords[lang].join('\n'),
        });
      }
    });

  const indexes = Object.fromEntries(LANGUAGES.map((l) => [l, build(l)])) as Record<LanguageCode, lunr.Index>;

  return {
    answer(text, lang) {
      const words = terms[lang](text).filter((t) => t.length > 0);
      if (words.length === 0) return undefined;
      // The query API, not index.search: traveller text is never parsed as lunr query syntax.
      return indexes[lang].query((q) => words.forEach((t) => q.term(t, {})))[0]?.ref;
    },
  };
}
