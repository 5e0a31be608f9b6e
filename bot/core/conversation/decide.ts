import type { IntentClassifier } from '../escalation/intent-classifier';
import { reasonsFromSignals } from '../escalation/policy';
import type { Signal } from '../knowledge/lang-schema';
import type { DependsOn, KnowledgeEntry, TravellerCategory } from '../knowledge/schema';
import type { ConversationState } from '../ports';
import type { Hit, SearchIndex } from '../retrieval';
import { prepareText, tokenize, type CategoryCue, type LanguageResources } from '../text';
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
  /** Minimum lunr score of the best hit to answer at all. */
  minScore: number;
  /** Minimum share of query terms/concepts the best hit must match. */
  minCoverage: number;
  /** Below this score an answer counts as weak: two weak answers in a row escalate. */
  strongScore: number;
  /** Minimum classifier probability to act on a non-customs intent. */
  minIntentProbability: number;
};

export const defaultDecideOptions: DecideOptions = { minScore: 2, minCoverage: 0.2, strongScore: 5, minIntentProbability: 0.6 };

export type DecideContext = {
  entries: ReadonlyMap<string, KnowledgeEntry>;
  index: SearchIndex;
  resources: LanguageResources;
  classifier: IntentClassifier;
  options: DecideOptions;
};

const DEPARTMENT_ENTRY: Record<string, Department> = { 'dept-border': 'border', 'dept-airline': 'airline', 'dept-airport': 'airport', 'dept-police': 'police' };
/** Concepts that name a traveller category rather than a topic. */
const CATEGORY_CONCEPTS = new Set(['resident', 'non_resident', 'hk_macao', 'frequent']);
const ROUTE_CUES: readonly CategoryCue[] = ['hk_macao', 'frequent', 'ordinary'];
const RESIDENCY_CUES: readonly CategoryCue[] = ['resident', 'non_resident'];

/**
 * Decides how to treat one traveller message, given the conversation so far. Pure: reads
 * nothing but its arguments. Order: safety signals (evasion, a person, emotion, a case), an
 * answer to a pending clarifying question, smalltalk and other parties' matters, then the
 * knowledge base; when nothing matches well enough, escalate.
 */
export function decide(text: string, state: ConversationState, ctx: DecideContext): { decision: Decision; state: ConversationState } {
  const prepared = prepareText(text);
  const tokens = tokenize(text, ctx.resources.stopwords);
  const concepts = [...ctx.resources.concepts.match(prepared)];
  const cues = ctx.resources.categories.match(prepared);
  const next: ConversationState = { ...state, ...categoriesFrom(cues) };
  const hits = ctx.index.search({ tokens, concepts });
  const best = confidentHit(hits, ctx.options);

  const reasons = reasonsFromSignals(ctx.resources.signals.match(prepared) as Set<Signal>);
  if (reasons.length > 0) return { decision: { kind: 'escalate', reasons, entryId: best?.entryId }, state: { ...next, misses: 0 } };

  const topical = concepts.filter((c) => !CATEGORY_CONCEPTS.has(c));
  const pending = state.pendingClarifyEntryId ? ctx.entries.get(state.pendingClarifyEntryId) : undefined;
  if (pending && topical.length === 0) {
    const resolved = resolveClarification(pending, next, prepared, ctx.resources);
    if (resolved) return answer(pending, resolved, next);
  }
  const last = state.lastEntryId ? ctx.entries.get(state.lastEntryId) : undefined;
  if (last?.dependsOn && cues.size > 0 && topical.length === 0 && tokens.length <= 6) {
    return answer(last, categoryFor(last, next), next);
  }

  const intents = ctx.classifier.classify(tokens);
  const top = intents[0];
  const sure = top && top.probability >= ctx.options.minIntentProbability;
  if (tokens.length === 0) return escalate(['out_of_scope'], next);
  if (sure && (top.intent === 'greeting' || top.intent === 'thanks') && concepts.length === 0 && !best) {
    return { decision: { kind: 'smalltalk', intent: top.intent }, state: next };
  }
  if (sure && (top.intent === 'human' || top.intent === 'complaint' || top.intent === 'evasion') && !best) {
    const reason: EscalationReason = top.intent === 'human' ? 'asked_for_human' : top.intent;
    return escalate([reason], next);
  }
  const routedByEntry = best ? DEPARTMENT_ENTRY[best.entryId] : undefined;
  if (routedByEntry) return { decision: { kind: 'routed', department: routedByEntry }, state: { ...next, misses: 0 } };
  if (sure && isDepartment(top.intent) && (!best || best.score < ctx.options.strongScore)) {
    return { decision: { kind: 'routed', department: top.intent }, state: { ...next, misses: 0 } };
  }

  const entry = best ? ctx.entries.get(best.entryId) : undefined;
  if (!entry) {
    const misses = state.misses + 1;
    return escalate([misses >= 2 ? 'repeated_misses' : 'low_confidence'], { ...next, misses });
  }
  const weak = best !== undefined && best.score < ctx.options.strongScore;
  const misses = weak ? state.misses + 1 : 0;
  if (weak && misses >= 2) return escalate(['repeated_misses'], { ...next, misses });
  return answer(entry, categoryFor(entry, next), { ...next, misses }, !weak);
}

function answer(entry: KnowledgeEntry, category: TravellerCategory | 'all' | undefined, state: ConversationState, confident = true) {
  const base: ConversationState = { ...state, lastEntryId: entry.id, lastTopic: entry.topic, pendingClarifyEntryId: undefined };
  if (entry.dependsOn && category === undefined) {
    return { decision: { kind: 'clarify', entryId: entry.id, dependsOn: entry.dependsOn } as Decision, state: { ...base, pendingClarifyEntryId: entry.id } };
  }
  const decision: Decision = category === 'all' ? { kind: 'answer', entryId: entry.id, allVariants: true, confident } : { kind: 'answer', entryId: entry.id, category, confident };
  return { decision, state: base };
}

function escalate(reasons: EscalationReason[], state: ConversationState) {
  return { decision: { kind: 'escalate', reasons } as Decision, state };
}

function confidentHit(hits: Hit[], options: DecideOptions): Hit | undefined {
  const top = hits[0];
  if (!top || top.score < options.minScore || top.coverage < options.minCoverage) return undefined;
  return top;
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
function resolveClarification(entry: KnowledgeEntry, state: ConversationState, prepared: ReturnType<typeof prepareText>, resources: LanguageResources): TravellerCategory | 'all' | undefined {
  const known = categoryFor(entry, state);
  if (known) return known;
  const answers = resources.answers.match(prepared);
  if (entry.dependsOn === 'route') {
    if (answers.has('no')) return 'ordinary';
    if (answers.has('yes')) return 'all';
  }
  if (entry.dependsOn === 'residency') {
    if (answers.has('yes')) return 'resident';
    if (answers.has('no')) return 'non_resident';
  }
  return undefined;
}
