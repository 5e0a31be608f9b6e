import { citationsFor, composeRouted } from '../answer';
import { buildCase, draftEntryFromCase, type CasebookEntry, type Draft, type ResolveCategory } from '../casebook';
import { candidatesFor, type KnowledgeRuntime } from '../conversation';
import { getLimit } from '../knowledge/limits';
import { renderText } from '../knowledge/render';
import type { LanguageCode } from '../knowledge/schema';
import type { Clock, ConversationStore, EventBus, Logger, StoredMessage } from '../ports';
import type { RedactionRule } from '../redact';
import { err, ok, type Result } from '../result';
import type { Department, EscalationId } from '../types';
import type { CasebookStore, DraftStore, EscalationDeskStore, EscalationFilter, EscalationRecord, Note } from './ports';

/** What the desk is built from (ports, clock, the knowledge runtime); see `createDesk`. */
export type DeskDeps = {
  conversations: ConversationStore;
  desk: EscalationDeskStore;
  casebook: CasebookStore;
  drafts: DraftStore;
  events: EventBus;
  clock: Clock;
  runtime: KnowledgeRuntime;
  logger: Logger;
  /** Unguessable draft ids. */
  newDraftId: () => string;
  redaction?: readonly RedactionRule[];
};

/** Why a desk action was refused: unknown id (→ 404) or the case is not in a state that allows it (→ 409). */
export type DeskError = { code: 'escalation_not_found' | 'case_not_found' | 'escalation_conflict'; message: string };
type DeskResult<T> = Result<T, DeskError>;

/** A knowledge entry suggested to the coordinator, in the escalation's language. */
export type CandidateView = { id: string; title: string; lead: string; source: string; url: string; score: number };

/** Characters of each traveller message the case view's candidate search reads. */
const CANDIDATE_TEXT_CHARS = 400;

/**
 * Everything the console shows for one case. The transcript is one page (the newest messages, or
 * those before `beforeId`); `hasEarlier` says whether older messages remain.
 */
export type EscalationDetail = { escalation: EscalationRecord; transcript: StoredMessage[]; hasEarlier: boolean; notes: Note[]; candidates: CandidateView[] };

/** Which page of a case's transcript to show: `limit` messages before `beforeId` (default: the newest, limits.yaml `coordination.caseViewMessages`). */
export type TranscriptPage = { beforeId?: number; limit?: number };

/** How a coordinator closes a case; `promote` also makes a knowledge-base draft from it. */
export type ResolveInput = { category: ResolveCategory; summary: string; promote?: boolean };
/** A closed case: the escalation as now stored, its casebook entry and any draft. */
export type Resolved = { escalation: EscalationRecord; case: CasebookEntry; draft?: Draft };

/** The coordinators' use cases: claim, reply, note, transfer, resolve, take over, promote. */
export type Desk = ReturnType<typeof createDesk>;

/**
 * Creates the desk. Only the coordinator holding a claim may reply, note, transfer or resolve;
 * a lead may take a claimed case over. Every state change is published on the EventBus
 * (`escalation_changed`, and `message` for what the traveller is sent).
 */
export function createDesk(deps: DeskDeps) {
  const { desk, conversations, events, clock } = deps;
  const limit = (path: string) => getLimit(deps.runtime.current().knowledge.limits, `coordination.${path}`);
  const notFound = (id: string): DeskResult<never> => err({ code: 'escalation_not_found', message: `no escalation with id "${id}"` });
  const conflict = (message: string): DeskResult<never> => err({ code: 'escalation_conflict', message });
  const load = async (id: EscalationId): Promise<DeskResult<EscalationRecord>> => {
    const e = await desk.getEscalation(id);
    return e ? ok(e) : notFound(id);
  };
  /** The escalation, if `who` holds its claim. */
  const held = async (id: EscalationId, who: string): Promise<DeskResult<EscalationRecord>> => {
    const found = await load(id);
    if (!found.ok) return found;
    const e = found.value;
    if (e.status === 'resolved') return conflict(`escalation ${id} is already resolved`);
    if (e.status === 'open') return conflict(`escalation ${id} is not claimed yet: claim it first`);
    if (e.claimedBy !== who) return conflict(`escalation ${id} is held by ${e.claimedBy ?? 'another coordinator'}`);
    return ok(e);
  };
  const changed = (e: EscalationRecord) => events.publish({ type: 'escalation_changed', escalationId: e.id, conversationId: e.conversationId, status: e.status });
  const sendToTraveller = async (e: EscalationRecord, text: string, kind?: StoredMessage['kind']): Promise<StoredMessage> => {
    const conversation = await conversations.getConversation(e.conversationId);
    const message = await conversations.appendMessage({ conversationId: e.conversationId, from: 'coordinator', text, at: clock.now().toISOString(), ...(kind ? { kind } : {}) });
    events.publish({ type: 'message', conversationId: e.conversationId, channel: conversation?.channel ?? e.channel, message });
    return message;
  };
  const reread = async (id: EscalationId): Promise<EscalationRecord> => {
    const e = await desk.getEscalation(id);
    if (!e) throw new Error(`bot: escalation ${id} vanished right after it was changed`);
    return e;
  };

  /**
   * Reads the transcript and the conversation, then writes the resolve, the case, the reset
   * state and any draft as one unit (`closeCase`), which refuses when the claim is gone.
   */
  async function close(e: EscalationRecord, who: string, resolution: { category: CasebookEntry['category']; summary: string; department?: Department; promote?: boolean }): Promise<DeskResult<Resolved>> {
    const at = clock.now().toISOString();
    const messages = await conversations.listMessages(e.conversationId, { limit: 100_000 });
    const entry = buildCase({ escalation: e, ...resolution, messages, resolvedAt: at, maxTranscriptMessages: limit('caseTranscriptMessages'), rules: deps.redaction });
    const conversation = await conversations.getConversation(e.conversationId);
    // The bot answers again after a resolve; forget the misses that led here, or the next
    // weak answer would escalate at once (test: "answers with the bot again after resolve").
    const state = conversation ? { conversationId: conversation.id, lang: conversation.lang, state: { ...conversation.state, misses: 0, pendingClarifyEntryId: undefined } } : undefined;
    const draft = resolution.promote ? makeDraft(entry, who, at) : undefined;
    if (!(await desk.closeCase({ id: e.id, coordinator: who, at, entry, ...(state ? { state } : {}), ...(draft ? { draft } : {}) }))) return conflict(`escalation ${e.id} is no longer held by ${who}`);
    const escalation = await reread(e.id);
    changed(escalation);
    deps.logger.log('info', 'escalation_resolved', { escalationId: e.id, category: resolution.category, coordinator: who });
    return ok({ escalation, case: draft ? { ...entry, draftId: draft.id } : entry, ...(draft ? { draft } : {}) });
  }

  function makeDraft(entry: CasebookEntry, who: string, at: string): Draft {
    return { id: deps.newDraftId(), caseId: entry.id, status: 'open', entry: draftEntryFromCase(entry, at.slice(0, 10)), createdBy: who, createdAt: at, updatedAt: at };
  }

  return {
    list(filter: EscalationFilter, max = 500): Promise<EscalationRecord[]> {
      return desk.listEscalations(filter, max);
    },

    get(id: EscalationId): Promise<EscalationRecord | undefined> {
      return desk.getEscalation(id);
    },

    /**
     * One case for the console, its transcript paged (issue 14 item 6: the whole transcript of a
     * 1,000-message case was 4.3 MB and blocked the server 300–440 ms per view). Pinned by
     * test/adapters/http/queue-limits.test.ts.
     */
    async detail(id: EscalationId, page: TranscriptPage = {}): Promise<DeskResult<EscalationDetail>> {
      const found = await load(id);
      if (!found.ok) return found;
      const e = found.value;
      const size = page.limit ?? limit('caseViewMessages');
      // one more than the page tells whether older messages remain
      const fetched = await conversations.listLatestMessages(e.conversationId, { beforeId: page.beforeId, limit: size + 1 });
      const transcript = fetched.slice(-size);
      const latest = page.beforeId === undefined ? transcript : await conversations.listLatestMessages(e.conversationId, { limit: size });
      // Candidates from the start of the trigger and the last three messages: four 4,000-character
      // messages took the search ~400 ms; what a question is about is in its first sentences.
      const asked = [e.trigger, ...latest.filter((m) => m.from === 'traveller' && m.at >= e.createdAt).slice(-3).map((m) => m.text)].map((t) => t.slice(0, CANDIDATE_TEXT_CHARS));
      return ok({ escalation: e, transcript, hasEarlier: fetched.length > size, notes: await desk.listNotes(id), candidates: candidateViews([...new Set(asked)].join('\n'), e.lang) });
    },

    async claim(id: EscalationId, who: string): Promise<DeskResult<EscalationRecord>> {
      if (await desk.claim(id, who, clock.now().toISOString())) {
        const e = await reread(id);
        changed(e);
        return ok(e);
      }
      const found = await load(id);
      if (!found.ok) return found;
      if (found.value.status === 'claimed' && found.value.claimedBy === who) return found;
      return conflict(found.value.status === 'resolved' ? `escalation ${id} is already resolved` : `escalation ${id} is held by ${found.value.claimedBy ?? 'another coordinator'}`);
    },

    /** A lead takes a case: claims an open one, or moves a claimed one to themselves. */
    async takeOver(id: EscalationId, who: string): Promise<DeskResult<EscalationRecord>> {
      const found = await load(id);
      if (!found.ok) return found;
      if (found.value.status === 'open') return this.claim(id, who);
      if (found.value.status === 'claimed' && found.value.claimedBy === who) return found;
      if (!(await desk.takeOver(id, who))) return conflict(`escalation ${id} is already resolved`);
      const e = await reread(id);
      changed(e);
      deps.logger.log('info', 'escalation_taken_over', { escalationId: id, from: found.value.claimedBy, to: who });
      return ok(e);
    },

    async reply(id: EscalationId, who: string, text: string): Promise<DeskResult<StoredMessage>> {
      const e = await held(id, who);
      return e.ok ? ok(await sendToTraveller(e.value, text.trim())) : e;
    },

    async note(id: EscalationId, who: string, text: string): Promise<DeskResult<Note>> {
      const e = await held(id, who);
      return e.ok ? ok(await desk.addNote({ escalationId: id, author: who, text: text.trim(), at: clock.now().toISOString() })) : e;
    },

    /** Tells the traveller where to go (the department's contact in their language) and closes the case as `transfer`. */
    async transfer(id: EscalationId, who: string, department: Department, note?: string): Promise<DeskResult<Resolved & { message: StoredMessage }>> {
      const e = await held(id, who);
      if (!e.ok) return e;
      const lang: LanguageCode = (await conversations.getConversation(e.value.conversationId))?.lang ?? e.value.lang;
      const routed = composeRouted(deps.runtime.current().knowledge, department, lang);
      const message = await sendToTraveller(e.value, routed.text, 'routed');
      const closed = await close(e.value, who, { category: 'transfer', department, summary: note?.trim() || routed.text });
      return closed.ok ? ok({ ...closed.value, message }) : closed;
    },

    async resolve(id: EscalationId, who: string, input: ResolveInput): Promise<DeskResult<Resolved>> {
      const e = await held(id, who);
      return e.ok ? close(e.value, who, input) : e;
    },

    /** Makes a knowledge-base draft from a case (once per case). */
    async promote(caseId: EscalationId, who: string): Promise<DeskResult<Draft>> {
      const entry = await deps.casebook.getCase(caseId);
      if (!entry) return err({ code: 'case_not_found', message: `no casebook entry with id "${caseId}"` });
      if (entry.draftId) return conflict(`case ${caseId} was already promoted to draft ${entry.draftId}`);
      const draft = makeDraft(entry, who, clock.now().toISOString());
      await deps.drafts.createDraftOfCase(draft);
      return ok(draft);
    },
  };

  function candidateViews(text: string, lang: LanguageCode): CandidateView[] {
    const { knowledge, engine } = deps.runtime.current();
    return candidatesFor(text, engine, limit('candidateEntries')).map(({ entry, score }) => {
      const first = citationsFor(knowledge, entry, lang)[0];
      return { id: entry.id, title: entry.title[lang], lead: renderText(entry.answer[lang].lead, knowledge.limits, lang), source: first?.source ?? '', url: first?.url ?? '', score };
    });
  }
}
