import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import { INTENTS, type Intent, type LanguageData } from '../knowledge/lang-schema';
import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { tokenize, type Stopwords, type Token } from '../text';

export type IntentGuess = { intent: Intent; probability: number };

/** Classifies what kind of message this is (a customs question, a greeting, another party's matter…). */
export type IntentClassifier = { classify(tokens: readonly Token[]): IntentGuess[] };

/**
 * Trains natural's naive Bayes classifier on the `intents` phrases of every language file.
 * Features are our own tokens (stemmed per script, Chinese words and bigrams), so one model
 * serves zh, en and ru. Probabilities are normalised to sum to 1.
 */
export function trainIntentClassifier(languages: Record<LanguageCode, LanguageData>, stopwords: Stopwords): IntentClassifier {
  const classifier = new BayesClassifier();
  for (const lang of LANGUAGES) {
    for (const intent of INTENTS) {
      for (const phrase of languages[lang].intents[intent]) {
        const terms = tokenize(phrase, stopwords).map((t) => t.term);
        if (terms.length > 0) classifier.addDocument(terms, intent);
      }
    }
  }
  classifier.train();
  return {
    classify(tokens) {
      const terms = tokens.map((t) => t.term);
      if (terms.length === 0) return [];
      const raw = classifier.getClassifications(terms);
      const total = raw.reduce((s, c) => s + c.value, 0) || 1;
      return raw
        .filter((c): c is { label: Intent; value: number } => (INTENTS as readonly string[]).includes(c.label))
        .map((c) => ({ intent: c.label, probability: c.value / total }))
        .sort((a, b) => b.probability - a.probability);
    },
  };
}
