import type { Limits } from '../knowledge/limits';
import { getLimit } from '../knowledge/limits';
import type { LanguageCode } from '../knowledge/schema';
import type { Result } from '../result';
import { normalizeText, prepareText, type LanguageResources } from '../text';
import { makeClassifier } from './classify';
import { formatCounted, formatDeclaration, formatEstimate, formatQuestion, type NamedItem, formatAllowances } from './format';
import { buildLexicon, type Lexicon } from './lexicon';
import type { DeclarationKnowledge } from './load';
import type { DeclarationError } from './normalize-items';
import { defaultParseOptions, parseDeclarationList, type ParseOptions } from './parse';
import { checkDeclaration } from './rules';
import { scan, type Token } from './scan';
import type { DeclarationInput } from './schema';
import type { DeclarationResult, MissingFact, ParsedDeclaration } from './types';

/**
 * The declaration check as one object, built once at start-up: the lexicon of the three
 * languages, the parser, the rules and the formatter. Limits and the shared concept/category
 * matchers are passed per call, so a re-indexed knowledge base is used at once.
 */
export type DeclarationService = {
  readonly knowledge: DeclarationKnowledge;
  readonly lexicon: Lexicon;
  readonly options: ParseOptions;
  /** Reads a list; `lang` (the message's language) gives the currency of sums that name none. */
  parse(text: string, shared: LanguageResources, lang?: LanguageCode): ParsedDeclaration;
  check(input: DeclarationInput, limits: Limits, shared: LanguageResources): Result<DeclarationResult, DeclarationError>;
  /** The verdict item by item (`text`), and the options and notes for "more". */
  format(result: DeclarationResult, names: readonly string[], lang: LanguageCode, limits: Limits): { text: string; more: string };
  question(missing: MissingFact, items: readonly NamedItem[], lang: LanguageCode, limits: Limits): string;
  /** The ordinary traveller's allowances for the kinds of thing in a result, before a category question (formatAllowances). */
  allowances(result: DeclarationResult, lang: LanguageCode, limits: Limits): string | undefined;
  /** The verdict lines of a concrete question's case (formatEstimate). */
  estimate(result: DeclarationResult, names: readonly string[], lang: LanguageCode, limits: Limits, residency: 'resident' | 'non_resident'): string;
  /** The verdict lines of counted things of one kind (formatCounted). */
  counted(result: DeclarationResult, names: readonly string[], lang: LanguageCode, limits: Limits): string;
  /** The first amount (with its currency, if named) and the first count in a short answer. */
  readAnswer(text: string): { amount?: number; currency?: string; count?: number };
};

const conceptsOf = (shared: LanguageResources) => (text: string) => shared.concepts.match(prepareText(text));

/** Builds the service; `options` tune list detection (defaults in defaultParseOptions). */
export function createDeclarationService(knowledge: DeclarationKnowledge, options: Partial<ParseOptions> = {}): DeclarationService {
  const lexicon = buildLexicon(knowledge.languages, knowledge.rates);
  const rates = { date: knowledge.rates.asOf, basis: knowledge.rates.basis, source: knowledge.rates.source.name };
  return {
    knowledge,
    lexicon,
    options: { ...defaultParseOptions, ...options },
    parse: (text, shared, lang) =>
      parseDeclarationList(text, { lexicon, data: knowledge.data, defaultCurrency: lang ? knowledge.languages[lang].defaultCurrency : undefined, matchConcepts: conceptsOf(shared), matchCategories: (t) => shared.categories.match(prepareText(t)), asksQuestion: (t) => shared.questionWords.asks(prepareText(t)), rmbRates: knowledge.rates.rates }),
    check: (input, limits, shared) =>
      checkDeclaration(input, { limits, rates: knowledge.rates, data: knowledge.data, classify: makeClassifier(lexicon, knowledge.data, conceptsOf(shared)) }),
    estimate: (result, names, lang, limits, residency) => formatEstimate(result, names, { lang, words: knowledge.languages[lang], limits, rates }, residency),
    counted: (result, names, lang, limits) => formatCounted(result, names, { lang, words: knowledge.languages[lang], limits, rates }),
    format: (result, names, lang, limits) => formatDeclaration(result, names, { lang, words: knowledge.languages[lang], limits, rates }),
    question: (missing, items, lang, limits) =>
      formatQuestion(missing, items, { lang, words: knowledge.languages[lang], limits, rates, frequentWindowDays: getLimit(limits, 'tobacco.frequentWindowDays') }),
    allowances: (result, lang, limits) => formatAllowances(result, { lang, words: knowledge.languages[lang], limits, rates }),
    readAnswer: (text) => readAnswer(scan(normalizeText(text.slice(0, 500)), lexicon)),
  };
}

function readAnswer(tokens: Token[]): { amount?: number; currency?: string; count?: number } {
  let amount: number | undefined;
  let currency: string | undefined;
  let count: number | undefined;
  for (const t of tokens) {
    if (t.kind === 'money' && amount === undefined) {
      amount = t.amount;
      currency ??= t.currency;
    } else if ((t.kind === 'num' || t.kind === 'qty') && count === undefined) count = t.value;
    else if (t.kind === 'currency') currency ??= t.code;
  }
  amount ??= count;
  return { ...(amount !== undefined ? { amount } : {}), ...(currency ? { currency } : {}), ...(count !== undefined ? { count } : {}) };
}
