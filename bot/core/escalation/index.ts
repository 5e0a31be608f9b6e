export { trainIntentClassifier, type IntentClassifier, type IntentGuess } from './intent-classifier';
export { reasonsFromSignals } from './policy';
