import BayesClassifier, { type SparseObservation } from 'natural/lib/natural/classifiers/bayes_classifier';
import { INTENTS, type Intent, type LanguageData } from '../knowledge/lang-schema';
import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { tokenize, type Stopwords, type Token } from '../text';

export type IntentGuess = { intent: Intent; probability: number };

/** Classifies what kind of message this is (a customs question, a greeting, another party's matter…). */
export type IntentClassifier = { classify(tokens: readonly Token[]): IntentGuess[] };

/** Only the first distinct terms of a long message are classified (naive Bayes underflows on rambles). */
const MAX_FEATURES = 40;

/** Distinct terms as the sparse observation apparatus accepts ({0: 'term', 1: 'term2'}). */
function toObservation(terms: readonly string[]): SparseObservation {
  return Object.fromEntries([...new Set(terms)].slice(0, MAX_FEATURES).map((t, i) => [i, t]));
}

/**
 * Trains natural's naive Bayes classifier on the `intents` phrases of every language file.
 * Features are our own tokens (stemmed per script, Chinese words and bigrams), so one model
 * serves zh, en and ru. natural's wrapper turns each text into a dense vector over the whole
 * vocabulary (~0.7 ms a message here); its apparatus model also takes a sparse observation,
 * which costs microseconds, so we feed that. Probabilities are normalised to sum to 1.
 */
export function trainIntentClassifier(languages: Record<LanguageCode, LanguageData>, stopwords: Stopwords): IntentClassifier {
  const model = new BayesClassifier().classifier;
  for (const lang of LANGUAGES) {
    for (const intent of INTENTS) {
      for (const phrase of languages[lang].intents[intent]) {
        const terms = tokenize(phrase, stopwords).map((t) => t.term);
        if (terms.length > 0) model.addExample(toObservation(terms), intent);
      }
    }
  }
  model.train();
  return {
    classify(tokens) {
      if (tokens.length === 0) return [];
      const raw = model.getClassifications(toObservation(tokens.map((t) => t.term)));
      const total = raw.reduce((s, c) => s + c.value, 0);
      if (!(total > 0)) return [];
      return raw
        .filter((c): c is { label: Intent; value: number } => (INTENTS as readonly string[]).includes(c.label))
        .map((c) => ({ intent: c.label, probability: c.value / total }))
        .sort((a, b) => b.probability - a.probability);
    },
  };
}
