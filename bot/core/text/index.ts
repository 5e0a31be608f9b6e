export { detectLanguage, type LanguageGuess } from './detect-language';
export { normalizeText } from './normalize';
export { tokenize, words, type Stopwords, type Token } from './tokenize';
export { PhraseMatcher, prepareText, type PreparedText } from './phrase-matcher';
export { buildLanguageResources, smalltalkKey, type LanguageResources, type CategoryCue } from './language-resources';
export { wordSimilarity } from './similarity';
