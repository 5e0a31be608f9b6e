import type { IntentClassifier, IntentGuess } from '../escalation/intent-classifier';
import { reasonsFromSignals } from '../escalation/policy';
import type { DependsOn, KnowledgeEntry, TravellerCategory } from '../knowledge/schema';
import type { ConversationState } from '../ports';
import type { Hit, SearchIndex } from '../retrieval';
import { prepareText, tokenize, type CategoryCue, type LanguageResources, type PreparedText, type Token } from '../text';
import type { Department, EscalationReason } from '../types';

/** What the assistant decided to do with one message, before any text is written. */
export type Decision =
  | { kind: 'answer'; entryId: string; category?: TravellerCategory; allVariants?: boolean; confident: boolean }
  | { kind: 'clarify'; entryId: string; dependsOn: DependsOn }
  | { kind: 'routed'; department: Department }
  | { kind: 'smalltalk'; intent: 'greeting' | 'thanks' }
  | { kind: 'escalate'; reasons: EscalationReason[]; entryId?: string };

/** Thresholds, calibrated on the evaluation set (`npm run eval`); see DESIGN.md. */
export type DecideOptions = {
  /** Minimum lunr score of the best hit when it matches a topic concept of the question. */
  minScore: number;
  /** Without a topic concept, the best hit needs this score and `minCoverage`. */
  minScoreWithoutConcept: number;
  /** Minimum share of query terms/concepts matched by a hit without a topic concept. */
  minCoverage: number;
  /** Below this score an answer counts as weak: two weak answers in a row escalate. */
  strongScore: number;
  /** Minimum classifier probability to act on a non-customs intent. */
  minIntentProbability: number;
  /** Minimum probability for a greeting or thanks (short messages carry few features). */
  minSmalltalkProbability: number;
  /** An "other" (out-of-scope) intent this sure overrides a single matching concept. */
  clearOtherProbability: number;
};

export const defaultDecideOptions: DecideOptions = {
  minScore: 2,
  minScoreWithoutConcept: 6,
  minCoverage: 0.5,
  strongScore: 5,
  minIntentProbability: 0.6,
  minSmalltalkProbability: 0.45,
  clearOtherProbability: 0.8,
};

export type DecideContext = {
  entries: ReadonlyMap<string, KnowledgeEntry>;
  index: SearchIndex;
  resources: LanguageResources;
  classifier: IntentClassifier;
  options: DecideOptions;
};

type Outcome = { decision: Decision; state: ConversationState };

const DEPARTMENT_ENTRY: Record<string, Department> = { 'dept-border': 'border', 'dept-airline': 'airline', 'dept-airport': 'airport', 'dept-police': 'police' };
/** Concepts that name a traveller category rather than a topic. */
const CATEGORY_CONCEPTS = new Set(['resident', 'non_resident', 'hk_macao', 'frequent']);
const ROUTE_CUES: readonly CategoryCue[] = ['hk_macao', 'frequent', 'ordinary'];
/** Non-resident first: a negated cue ("не живу в Китае") contains the positive one. */
const RESIDENCY_CUES: readonly CategoryCue[] = ['non_resident', 'resident'];
/** Messages longer than this (in tokens) are not read as a bare follow-up or smalltalk. */
const SHORT_MESSAGE_TOKENS = 6;

/** What one message says, computed once. */
type Reading = {
  prepared: PreparedText;
  tokens: Token[];
  topical: string[];
  cues: Set<CategoryCue>;
  best?: Hit;
  intent?: IntentGuess;
};

/**
 * Of a long message, the first and last characters are read for its topic (the question is
 * usually at the start or the end of a long story); safety signals are looked for in all of it.
 * Keeps a 3,000-character ramble as cheap as a question (tokenizing it whole took ~7 ms).
 */
const TOPIC_WINDOW_CHARS = 400;

function topicWindow(text: string): string {
  const chars = [...text];
  if (chars.length <= TOPIC_WINDOW_CHARS * 2) return text;
  return `${chars.slice(0, TOPIC_WINDOW_CHARS).join('')}\n${chars.slice(-TOPIC_WINDOW_CHARS).join('')}`;
}

function read(fullText: string, ctx: DecideContext): Reading {
  const text = topicWindow(fullText);
  const prepared = prepareText(text);
  const tokens = tokenize(text, ctx.resources.stopwords);
  const concepts = [...ctx.resources.concepts.match(prepared)];
  const topical = concepts.filter((c) => !CATEGORY_CONCEPTS.has(c));
  const weak = concepts.filter((c) => CATEGORY_CONCEPTS.has(c));
  const hits = ctx.index.search({ tokens, concepts: topical, weakConcepts: weak });
  return { prepared, tokens, topical, cues: ctx.resources.categories.match(prepared), best: confidentHit(hits, topical, ctx.options), intent: ctx.classifier.classify(tokens)[0] };
}

/**
 * Escalation reasons signalled by a message (a person asked for, evasion, injection,
 * emotion, a case). Checked before anything else answers, the declaration check included.
 */
export function signalReasons(text: string, ctx: DecideContext): EscalationReason[] {
  return reasonsFromSignals(ctx.resources.signals.match(prepareText(text)));
}

/**
 * Decides how to treat one traveller message, given the conversation so far. Pure: reads
 * nothing but its arguments. Order: safety signals (evasion, injection, a person, emotion, a
 * case), an answer to a pending clarifying question or a category follow-up, smalltalk,
 * out-of-scope and other parties' matters, then the knowledge base; when nothing matches well
 * enough, escalate.
 */
export function decide(text: string, state: ConversationState, ctx: DecideContext): Outcome {
  const r = read(text, ctx);
  const next: ConversationState = { ...state, ...categoriesFrom(r.cues) };

  const reasons = signalReasons(text, ctx);
  // The rule in question goes with the escalation only when the message names its topic.
  const relevant = r.best && r.best.matchedConcepts.length > 0 ? r.best.entryId : undefined;
  if (reasons.length > 0) return { decision: { kind: 'escalate', reasons, entryId: relevant }, state: { ...next, misses: 0 } };
  if (r.tokens.length === 0) return escalate(['out_of_scope'], next);

  const contextual = fromContext(r, state, next, ctx);
  if (contextual) return contextual;

  const nonCustoms = byIntent(r, next, ctx.options);
  if (nonCustoms) return nonCustoms;

  const entry = r.best ? ctx.entries.get(r.best.entryId) : undefined;
  if (!entry) {
    const misses = state.misses + 1;
    return escalate([misses >= 2 ? 'repeated_misses' : 'low_confidence'], { ...next, misses });
  }
  const weak = (r.best?.score ?? 0) < ctx.options.strongScore;
  const misses = weak ? state.misses + 1 : 0;
  if (weak && misses >= 2) return escalate(['repeated_misses'], { ...next, misses });
  return answer(entry, categoryFor(entry, next), { ...next, misses }, !weak);
}

/** A reply to the pending clarifying question, or "and from Hong Kong?" after an answer. */
function fromContext(r: Reading, state: ConversationState, next: ConversationState, ctx: DecideContext): Outcome | undefined {
  if (r.topical.length > 0) return undefined;
  const pending = state.pendingClarifyEntryId ? ctx.entries.get(state.pendingClarifyEntryId) : undefined;
  if (pending) {
    const resolved = resolveClarification(pending, next, r.prepared, ctx.resources);
    if (resolved) return answer(pending, resolved, next);
  }
  const last = state.lastEntryId ? ctx.entries.get(state.lastEntryId) : undefined;
  if (last?.dependsOn && r.cues.size > 0 && r.tokens.length <= SHORT_MESSAGE_TOKENS) return answer(last, categoryFor(last, next), next);
  return undefined;
}

/** Smalltalk, out-of-scope, a person or a complaint, and other airport parties' matters. */
function byIntent(r: Reading, next: ConversationState, options: DecideOptions): Outcome | undefined {
  const { intent, best } = r;
  if (!intent) return undefined;
  const short = r.tokens.length <= SHORT_MESSAGE_TOKENS;
  if ((intent.intent === 'greeting' || intent.intent === 'thanks') && intent.probability >= options.minSmalltalkProbability && r.topical.length === 0 && short) {
    return { decision: { kind: 'smalltalk', intent: intent.intent }, state: next };
  }
  const routedByEntry = best ? DEPARTMENT_ENTRY[best.entryId] : undefined;
  if (routedByEntry) return { decision: { kind: 'routed', department: routedByEntry }, state: { ...next, misses: 0 } };
  if (intent.probability < options.minIntentProbability) return undefined;
  const strongAnswer = best !== undefined && best.score >= options.strongScore && best.matchedConcepts.length > 0;
  // A clear "other" (a recipe, the weather) wins over a single shared concept ("锅包肉" has 肉).
  const clearlyOther = intent.intent === 'other' && intent.probability >= options.clearOtherProbability && (best?.coverage ?? 0) < options.minCoverage;
  if (clearlyOther || (intent.intent === 'other' && !strongAnswer)) return escalate(['out_of_scope'], next);
  if ((intent.intent === 'human' || intent.intent === 'complaint' || intent.intent === 'evasion') && !strongAnswer) {
    return escalate([intent.intent === 'human' ? 'asked_for_human' : intent.intent], next);
  }
  if (isDepartment(intent.intent) && !strongAnswer) return { decision: { kind: 'routed', department: intent.intent }, state: { ...next, misses: 0 } };
  return undefined;
}

function answer(entry: KnowledgeEntry, category: TravellerCategory | 'all' | undefined, state: ConversationState, confident = true): Outcome {
  const base: ConversationState = { ...state, lastEntryId: entry.id, lastTopic: entry.topic, pendingClarifyEntryId: undefined };
  if (entry.dependsOn && category === undefined) {
    return { decision: { kind: 'clarify', entryId: entry.id, dependsOn: entry.dependsOn }, state: { ...base, pendingClarifyEntryId: entry.id } };
  }
  const decision: Decision = category === 'all' ? { kind: 'answer', entryId: entry.id, allVariants: true, confident } : { kind: 'answer', entryId: entry.id, category, confident };
  return { decision, state: base };
}

function escalate(reasons: EscalationReason[], state: ConversationState): Outcome {
  return { decision: { kind: 'escalate', reasons }, state };
}

/**
 * The best hit if it is good enough: one that matches a topic concept of the question needs
 * `minScore`; one that matches words only needs a higher score and most of the words.
 */
function confidentHit(hits: Hit[], topical: readonly string[], options: DecideOptions): Hit | undefined {
  const top = hits[0];
  if (!top) return undefined;
  const topicMatch = top.matchedConcepts.some((c) => topical.includes(c));
  if (topicMatch && top.score >= options.minScore) return top;
  if (top.score >= options.minScoreWithoutConcept && top.coverage >= options.minCoverage) return top;
  return undefined;
}

function isDepartment(intent: string): intent is Department {
  return intent === 'border' || intent === 'airline' || intent === 'airport' || intent === 'police';
}

function categoriesFrom(cues: Set<CategoryCue>): Partial<ConversationState> {
  const route = ROUTE_CUES.find((c) => cues.has(c));
  const residency = RESIDENCY_CUES.find((c) => cues.has(c));
  return { ...(route ? { route } : {}), ...(residency ? { residency } : {}) };
}

/** The category an entry needs, if the conversation knows it. */
function categoryFor(entry: KnowledgeEntry, state: ConversationState): TravellerCategory | undefined {
  if (entry.dependsOn === 'route') return state.route;
  if (entry.dependsOn === 'residency') return state.residency;
  return undefined;
}

/**
 * Reads the reply to a clarifying question: a category cue, or yes/no. For the route
 * question "no" means an ordinary traveller and a bare "yes" (HK/Macao or frequent?) gets
 * every variant; for the residency question "yes" means resident, "no" non-resident.
 */
function resolveClarification(entry: KnowledgeEntry, state: ConversationState, prepared: PreparedText, resources: LanguageResources): TravellerCategory | 'all' | undefined {
  const known = categoryFor(entry, state);
  if (known) return known;
  const answers = resources.answers.match(prepared);
  if (entry.dependsOn === 'route') {
    if (answers.has('no')) return 'ordinary';
    if (answers.has('yes')) return 'all';
  }
  if (entry.dependsOn === 'residency') {
    // "no" first: Chinese negatives contain the yes-word ("不是的" contains "是的").
    if (answers.has('no')) return 'non_resident';
    if (answers.has('yes')) return 'resident';
  }
  return undefined;
}
