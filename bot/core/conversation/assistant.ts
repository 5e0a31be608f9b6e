import { composeTourReply, type AgencyKnowledge } from '../agency';
import { composeAnswer, composeAside, composeClarify, composeEscalated, composeRouted, type Composed } from '../answer';
import { declarationStep, estimateForQuestion, fitPhone, withLastThing, type DeclarationService } from '../declaration';
import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/templates';
import type { Clock, Conversation, ConversationState, ConversationStore, Escalation, EventBus, IdGenerator, Logger } from '../ports';
import { err, ok, type Result } from '../result';
import { readMessage, type Reading } from '../reading';
import type { Channel, ConversationId, EscalationReason, Reply } from '../types';
import { getLimit } from '../knowledge/limits';
import { decide, type Decision } from './decide';
import type { KnowledgeRuntime, LoadedKnowledge } from './runtime';

/** A traveller message as every channel hands it to the core. */
export type InboundMessage = {
  text: string;
  conversationId?: ConversationId;
  /** Language chosen by the traveller; wins over detection. */
  lang?: LanguageCode;
  channel: Channel;
  /** Who sends it (web: the client's address), to cap the open cases one client can queue. */
  client?: string;
};

export type AssistantDeps = {
  runtime: KnowledgeRuntime;
  store: ConversationStore;
  events: EventBus;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Declaration check (issue 5): answers list-like messages before `decide`. */
  declaration?: DeclarationService;
  /** Travel agencies (issue 11): a tour leader's question gets the short briefing; `linkBase` prefixes its link (PUBLIC_URL). */
  agency?: { knowledge: AgencyKnowledge; linkBase?: string };
};

export type HandledMessage = { conversationId: ConversationId; reply: Reply };

export type Assistant = {
  /** Answers one message and records both sides; an unknown conversation id is an error value. */
  handleMessage(input: InboundMessage): Promise<Result<HandledMessage>>;
};

const INITIAL_STATE: ConversationState = { misses: 0 };
/** Entry id of the question "what are you bringing?" (not a knowledge entry). */
export const TOPIC_QUESTION_ID = 'topic-question';
/** Entry ids of a tour leader's briefing and of the question which route (not knowledge entries). */
export const TOUR_BRIEFING_ID = 'tour-briefing';
export const TOUR_ROUTE_QUESTION_ID = 'tour-route-question';

/** The use case: one traveller message in, one reply out, conversation persisted. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const { store, clock, ids } = deps;
  return {
    async handleMessage(input) {
      const existing = input.conversationId ? await store.getConversation(input.conversationId) : undefined;
      if (input.conversationId && !existing) return err({ code: 'conversation_not_found', message: `no conversation with id "${input.conversationId}"` });
      // one knowledge snapshot and one reading for the whole turn
      const loaded = deps.runtime.current();
      const reading = readMessage(input.text, loaded.engine, deps.declaration);
      const guess = reading.language.confident ? reading.language : { lang: existing?.lang ?? reading.language.lang, confident: false };
      const lang = input.lang ?? guess.lang;
      const unknownLanguage = !input.lang && !guess.confident && !existing;
      const now = clock.now().toISOString();
      const full = existing ? await caseFull(deps, loaded, existing, input.lang ?? existing.lang) : undefined;
      if (full) return ok({ conversationId: existing?.id ?? (input.conversationId as ConversationId), reply: full });
      const conversation: Conversation = existing ?? { id: ids.conversationId(), channel: input.channel, lang, createdAt: now, state: INITIAL_STATE };
      // Reads first, then every write of the turn in one unit (a better-sqlite3 transaction cannot span an await).
      const { reply, state: after, escalation } = await replyFor({ deps, loaded, conversation, reading, lang, now, unknownLanguage, client: input.client });
      // (the one thing this message named without a price, for a sum said next: "bought a Rolex" … "it was CHF 9,800")
      const state = after && deps.declaration ? withLastThing(after, reading) : after;
      const more = reply.kind === 'answer' || reply.kind === 'escalated' ? reply.more : undefined;
      const written = await store.recordTurn({
        ...(existing ? {} : { newConversation: conversation }),
        traveller: { conversationId: conversation.id, from: 'traveller', text: input.text, at: now },
        ...(state ? { state: { lang, state } } : {}),
        ...(escalation ? { escalation } : {}),
        bot: { conversationId: conversation.id, from: 'bot', text: reply.text, at: now, kind: reply.kind, citations: reply.citations, ...(more ? { more } : {}) },
      });
      if (escalation) deps.logger.log('info', 'escalation_created', { escalationId: escalation.id, reasons: escalation.reasons });
      for (const message of [written.traveller, written.bot]) deps.events.publish({ type: 'message', conversationId: conversation.id, channel: conversation.channel, message });
      if (escalation) deps.events.publish({ type: 'escalation_created', escalation });
      return ok({ conversationId: conversation.id, reply });
    },
  };
}

/** Everything one turn's reply is made from. */
type Turn = { deps: AssistantDeps; loaded: LoadedKnowledge; conversation: Conversation; reading: Reading; lang: LanguageCode; now: string; unknownLanguage: boolean; client?: string };

/**
 * While a case is open, a traveller may add `coordination.travellerMessagesPerOpenCase`
 * messages; after that a message is answered with a request to wait and is not stored, so one
 * traveller cannot make a case too large to view (issue 14 item 6: 1,000 messages of 4,000
 * characters made a 4.3 MB case view). Pinned by test/adapters/http/queue-limits.test.ts.
 */
async function caseFull(deps: AssistantDeps, loaded: LoadedKnowledge, conversation: Conversation, lang: LanguageCode): Promise<Reply | undefined> {
  const active = await deps.store.findActiveEscalation(conversation.id);
  if (!active) return undefined;
  const cap = getLimit(loaded.knowledge.limits, 'coordination.travellerMessagesPerOpenCase');
  if ((await deps.store.countMessagesSince(conversation.id, 'traveller', active.createdAt)) < cap) return undefined;
  deps.logger.log('info', 'case_message_refused', { escalationId: active.id, conversationId: conversation.id });
  return { kind: 'escalated', lang, text: loaded.knowledge.templates.coordinator_case_full[lang], citations: [], escalationId: active.id, reasons: active.reasons };
}

/**
 * Whether `client` already has `coordination.openCasesPerClient` cases waiting (issue 14 item 7:
 * one address opened 1,800 cases an hour). Someone unwell is always queued.
 */
async function queueFullFor(turn: Turn, reasons: readonly EscalationReason[]): Promise<boolean> {
  if (!turn.client || reasons.includes('medical')) return false;
  return (await turn.deps.store.countOpenEscalationsOfClient(turn.client)) >= getLimit(turn.loaded.knowledge.limits, 'coordination.openCasesPerClient');
}

/** What one turn answers and would write: the state after it, and an escalation it opens. */
type TurnOutcome = { reply: Reply; state?: ConversationState; escalation?: Escalation };

async function replyFor(turn: Turn): Promise<TurnOutcome> {
  const { deps, loaded, conversation, reading, lang } = turn;
  const { store } = deps;
  const { knowledge } = loaded;
  const active = await store.findActiveEscalation(conversation.id);
  if (active) {
    const position = await store.queuePosition(active.id);
    // Open: the traveller's place in the queue; claimed: a coordinator already has the case.
    const waiting = position > 0 ? fillTemplate(knowledge.templates.coordinator_waiting[lang], { position }) : knowledge.templates.coordinator_claimed[lang];
    const queued: TurnOutcome = { reply: { kind: 'escalated', lang, text: waiting, citations: [], escalationId: active.id, reasons: active.reasons } };
    // While nobody has taken the case yet, a new question the knowledge answers is answered now
    // (the place in the queue kept): "летим к дочке" was handed over, "can I bring her cheese?" need not wait
    // (one naming a topic: "they are writing some paper, what do i do" is the case going on, for the coordinator)
    if (position === 0 || reading.signals.length > 0 || reading.topical.length === 0) return queued;
    const own = await answerTurn(turn);
    if (own.reply.kind !== 'answer' || own.escalation) return queued;
    const note = fillTemplate(knowledge.templates.coordinator_still_waiting[lang], { position });
    // (the note fits the phone too: the answer's details go behind "more" first)
    const fitted = fitPhone({ text: own.reply.text, more: own.reply.more ?? '' }, [...note].length + 2);
    return { ...own, reply: { ...own.reply, text: `${fitted.text}\n\n${note}`, ...(fitted.more ? { more: fitted.more } : {}) } };
  }
  return answerTurn(turn);
}

/** The turn's reply from the message itself: the declaration check, then the decision on the knowledge. */
async function answerTurn(turn: Turn): Promise<TurnOutcome> {
  const { deps, loaded, conversation, reading, lang } = turn;
  const { engine } = loaded;
  // Safety first: a list that also asks how to hide it, or asks for a person, is not a list to price.
  const safe = reading.signals.length === 0;
  const declared = deps.declaration && safe ? declarationStep(deps.declaration, { reading, state: conversation.state, lang, loaded }) : { state: conversation.state };
  if (declared.reply) return { reply: declared.reply, state: declared.state };
  const decided = decide(reading, declared.state, engine);
  const { decision, state } = withEstimate(turn, decided.decision, decided.state);
  deps.logger.log('debug', 'message_decided', { conversationId: conversation.id, kind: decision.kind });
  if (decision.kind === 'escalate') return { ...(await escalate(turn, decision)), state };
  return { reply: withAside(turn, toReply(turn, decision)), state };
}

/** An answer or a clarifying question, and one line pointing the message's other question to the party that answers it. */
function withAside(turn: Turn, reply: Reply): Reply {
  const { reading, loaded, lang } = turn;
  if (!reading.aside || (reply.kind !== 'answer' && reply.kind !== 'clarify')) return reply;
  return { ...reply, text: `${reply.text}\n\n${composeAside(loaded.knowledge, reading.aside, lang)}` };
}

/** Opens a case, unless this client's queue is full (then says so). */
async function escalate(turn: Turn, decision: Extract<Decision, { kind: 'escalate' }>): Promise<TurnOutcome> {
  const { deps, loaded, conversation, reading, lang, now, unknownLanguage } = turn;
  const { knowledge, engine } = loaded;
  if (await queueFullFor(turn, decision.reasons)) {
    deps.logger.log('info', 'escalation_refused_client_cap', { conversationId: conversation.id, reasons: decision.reasons });
    return { reply: { kind: 'escalated', lang, text: knowledge.templates.queue_full_client[lang], citations: [], reasons: decision.reasons } };
  }
  const escalationId = deps.ids.escalationId();
  const escalation: Escalation = { id: escalationId, conversationId: conversation.id, status: 'open', reasons: decision.reasons, lang, channel: conversation.channel, createdAt: now, trigger: reading.raw, ...(turn.client ? { client: turn.client } : {}) };
  // A first message without letters (emoji, digits) gives no language: say it in all three.
  const entry = decision.entryId ? engine.entries.get(decision.entryId) : undefined;
  // (the rule for whom the message says: "the allowance for foreigners is 50,000, confirm" gets the visitors' figure)
  const category = entry?.dependsOn === 'route' ? (reading.category.route ?? conversation.state.route) : entry?.dependsOn === 'residency' ? (reading.category.residency ?? conversation.state.residency) : undefined;
  const c: Composed = unknownLanguage ? { text: LANGUAGES.map((l) => knowledge.templates.no_match[l]).join('\n\n'), citations: [] } : composeEscalated(knowledge, decision.reasons, lang, entry, category);
  return { reply: { kind: 'escalated', lang, ...c, escalationId, reasons: decision.reasons }, escalation };
}

/** A decision on an entry, with the question's own priced case when it names one (issue 10). */
type WithEstimate = { decision: Decision & { estimate?: string }; state: ConversationState };

/**
 * Their case first: a question naming priced things gets the declaration check's verdict for
 * them. A clarifying question is dropped when that verdict is the same for every category.
 */
function withEstimate(turn: Turn, decision: Decision, state: ConversationState): WithEstimate {
  const { deps, loaded, conversation, reading, lang } = turn;
  if (!deps.declaration || (decision.kind !== 'answer' && decision.kind !== 'clarify')) return { decision, state };
  const entry = loaded.engine.entries.get(decision.entryId);
  const estimate = entry ? estimateForQuestion(deps.declaration, reading, conversation.state, loaded, lang, entry.topic) : undefined;
  if (!estimate) return { decision, state };
  if (decision.kind === 'answer') return { decision: { ...decision, estimate }, state };
  const { pendingClarifyEntryId: _asked, ...answered } = state;
  return { decision: { kind: 'answer', entryId: decision.entryId, confident: true, estimate }, state: answered };
}

function toReply(turn: Turn, decision: Exclude<WithEstimate['decision'], { kind: 'escalate' }>): Reply {
  const { deps, loaded, conversation, reading, lang, now, unknownLanguage } = turn;
  const { knowledge, engine } = loaded;
  const entryOf = (id: string | undefined) => (id ? engine.entries.get(id) : undefined);
  switch (decision.kind) {
    case 'answer': {
      const entry = entryOf(decision.entryId);
      if (!entry) throw new Error(`bot: decided on unknown entry ${decision.entryId}`);
      const c = composeAnswer(knowledge, entry, lang, decision.allVariants ? 'all' : decision.category, reading.focus, decision.estimate ? [...decision.estimate].length + 2 : 0);
      if (!decision.estimate) return { kind: 'answer', lang, ...c, entryId: entry.id };
      // their case first, then the rule; the case's tax lines go behind "more" if both do not fit a phone
      const fitted = fitPhone({ text: decision.estimate, more: '' }, [...c.text].length + 2);
      const more = [fitted.more, c.more].filter(Boolean).join('\n');
      return { kind: 'answer', lang, ...c, text: `${fitted.text}\n\n${c.text}`, ...(more ? { more } : {}), entryId: entry.id };
    }
    case 'clarify': {
      const entry = entryOf(decision.entryId);
      if (!entry) throw new Error(`bot: decided on unknown entry ${decision.entryId}`);
      return { kind: 'clarify', lang, ...composeClarify(knowledge, entry, lang, reading.focus), entryId: entry.id };
    }
    case 'routed':
      return { kind: 'routed', lang, ...composeRouted(knowledge, decision.department, lang), department: decision.department };
    case 'ask_topic':
      return { kind: 'clarify', lang, text: knowledge.templates[decision.trip ? 'clarify_trip' : 'clarify_topic'][lang], citations: [], entryId: TOPIC_QUESTION_ID };
    case 'smalltalk':
      return { kind: 'smalltalk', lang, text: knowledge.templates[decision.intent][lang], citations: [] };
    case 'tour_briefing': {
      if (!deps.agency) return { kind: 'clarify', lang, text: knowledge.templates.clarify_topic[lang], citations: [], entryId: TOPIC_QUESTION_ID };
      const trip = { direction: decision.direction, country: decision.country, categories: [], interests: [] };
      return { kind: 'answer', lang, ...composeTourReply(knowledge, deps.agency.knowledge, trip, lang, deps.agency.linkBase), entryId: TOUR_BRIEFING_ID };
    }
    case 'ask_route':
      return { kind: 'clarify', lang, text: deps.agency?.knowledge.texts.texts.tour_leader_ask_route?.[lang] ?? knowledge.templates.clarify_topic[lang], citations: [], entryId: TOUR_ROUTE_QUESTION_ID };
  }
}
