// natural's parts, required one by one: `require('natural')` as a whole takes ~1.2 s and prints
// dotenv notices (it loads mongoose, redis and wordnet); the parts take ~20 ms.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  export function stem(word: string): string;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru' {
  export function stem(word: string): string;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  export default function JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  /** Feature names keyed by position; apparatus reads such an object sparsely. */
  export type SparseObservation = Record<number, string>;
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    /** The apparatus naive Bayes model natural wraps (counts per class and feature). */
    classifier: {
      addExample(observation: SparseObservation, label: string): void;
      train(): void;
      getClassifications(observation: SparseObservation): { label: string; value: number }[];
    };
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    classify(observation: string | string[]): string;
    getClassifications(observation: string | string[]): { label: string; value: number }[];
  }
}
