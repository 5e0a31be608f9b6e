import { trainIntentClassifier } from '../escalation';
import type { KnowledgeBundle } from '../knowledge/load';
import { buildSearchIndex } from '../retrieval';
import { buildGazetteer } from '../reading/places';
import { buildLanguageResources } from '../text';
import { buildScriptVocabulary } from '../text/script-variants';
import { defaultDecideOptions, type DecideContext, type DecideOptions } from './decide';

/** Timings of the start-up work, reported by `npm run bench` and logged at start. */
export type EngineStats = { indexBuildMs: number; classifierTrainMs: number; entries: number };

/**
 * Builds everything `decide` needs from a knowledge bundle: the lunr index, the language
 * matchers and the intent classifier. Done once at start-up (and again when the knowledge
 * base changes).
 */
export function buildEngine(bundle: KnowledgeBundle, options: Partial<DecideOptions> = {}): DecideContext & { stats: EngineStats } {
  const resources = buildLanguageResources(bundle.languages);
  const t0 = performance.now();
  const index = buildSearchIndex(bundle.entries, resources.stopwords);
  const t1 = performance.now();
  const classifier = trainIntentClassifier(bundle.languages, resources.stopwords);
  const t2 = performance.now();
  return {
    entries: new Map(bundle.entries.map((e) => [e.id, e])),
    index,
    resources,
    classifier,
    options: { ...defaultDecideOptions, ...options },
    scripts: buildScriptVocabulary({ ru: vocabularyOf(bundle, 'ru'), en: vocabularyOf(bundle, 'en') }, { phrases: chinesePhrases(bundle), keep: bundle.languages.zh.homophoneKeep }),
    places: buildGazetteer(bundle.places),
    stats: { indexBuildMs: t1 - t0, classifierTrainMs: t2 - t1, entries: bundle.entries.length },
  };
}

/** Every word of one language in the knowledge base: language data and entries. */
function vocabularyOf(bundle: KnowledgeBundle, lang: 'ru' | 'en'): string[] {
  const data = bundle.languages[lang];
  const lists = [data.stopwords, data.questions, data.yes, data.no, ...Object.values(data.concepts), ...Object.values(data.intents), ...Object.values(data.signals), ...Object.values(data.categories)];
  const entries = bundle.entries.flatMap((e) => [e.title[lang], e.answer[lang].lead, ...e.answer[lang].details, ...e.phrasings[lang], ...e.keywords[lang]]);
  return [...lists.flat(), ...entries];
}

/** The Chinese phrases a typo by sound is put right against: the language data's phrases and the entries' keywords (not their prose). */
function chinesePhrases(bundle: KnowledgeBundle): string[] {
  const data = bundle.languages.zh;
  const lists = [...Object.values(data.concepts), ...Object.values(data.signals), ...Object.values(data.signalParts), ...Object.values(data.categories), ...Object.values(data.facets)];
  return [...lists.flat(), ...bundle.entries.flatMap((e) => e.keywords.zh)];
}
