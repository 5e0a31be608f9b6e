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
  const load = (id: EscalationId): DeskResult<EscalationRecord> => {
    const e = desk.getEscalation(id);
    return e ? ok(e) : notFound(id);
  };
  /** The escalation, if `who` holds its claim. */
  const held = (id: EscalationId, who: string): DeskResult<EscalationRecord> => {
    const found = load(id);
    if (!found.ok) return found;
    const e = found.value;
    if (e.status === 'resolved') return conflict(`escalation ${id} is already resolved`);
    if (e.status === 'open') return conflict(`escalation ${id} is not claimed yet: claim it first`);
    if (e.claimedBy !== who) return conflict(`escalation ${id} is held by ${e.claimedBy ?? 'another coordinator'}`);
    return ok(e);
  };
  const changed = (e: EscalationRecord) => events.publish({ type: 'escalation_changed', escalationId: e.id, conversationId: e.conversationId, status: e.status });
  const sendToTraveller = (e: EscalationRecord, text: string, kind?: StoredMessage['kind']): StoredMessage => {
    const conversation = conversations.getConversation(e.conversationId);
    const message = conversations.appendMessage({ conversationId: e.conversationId, from: 'coordinator', text, at: clock.now().toISOString(), ...(kind ? { kind } : {}) });
    events.publish({ type: 'message', conversationId: e.conversationId, channel: conversation?.channel ?? e.channel, message });
    return message;
  };
  const reread = (id: EscalationId) => desk.getEscalation(id) as EscalationRecord;

  function close(e: EscalationRecord, who: string, resolution: { category: CasebookEntry['category']; summary: string; department?: Department; promote?: boolean }): DeskResult<Resolved> {
    const at = clock.now().toISOString();
    const done = conversations.transaction((): DeskResult<Resolved> => {
      if (!desk.resolve(e.id, who, at)) return conflict(`escalation ${e.id} is no longer held by ${who}`);
      const messages = conversations.listMessages(e.conversationId, { limit: 100_000 });
      const entry = buildCase({ escalation: e, ...resolution, messages, resolvedAt: at, maxTranscriptMessages: limit('caseTranscriptMessages'), rules: deps.redaction });
      deps.casebook.addCase(entry);
      const conversation = conversations.getConversation(e.conversationId);
      // The bot answers again after a resolve; forget the misses that led here, or the next
      // weak answer would escalate at once (test: "answers with the bot again after resolve").
      if (conversation) conversations.saveState(conversation.id, conversation.lang, { ...conversation.state, misses: 0, pendingClarifyEntryId: undefined });
      const draft = resolution.promote ? makeDraft(entry, who, at) : undefined;
      return ok({ escalation: reread(e.id), case: draft ? { ...entry, draftId: draft.id } : entry, ...(draft ? { draft } : {}) });
    });
    if (done.ok) {
      changed(done.value.escalation);
      deps.logger.log('info', 'escalation_resolved', { escalationId: e.id, category: resolution.category, coordinator: who });
    }
    return done;
  }

  function makeDraft(entry: CasebookEntry, who: string, at: string): Draft {
    const draft: Draft = { id: deps.newDraftId(), caseId: entry.id, status: 'open', entry: draftEntryFromCase(entry, at.slice(0, 10)), createdBy: who, createdAt: at, updatedAt: at };
    deps.drafts.createDraft(draft);
    deps.casebook.setDraft(entry.id, draft.id);
    return draft;
  }

  return {
    list(filter: EscalationFilter, max = 500): EscalationRecord[] {
      return desk.listEscalations(filter, max);
    },

    get(id: EscalationId): EscalationRecord | undefined {
      return desk.getEscalation(id);
    },

    /**
     * One case for the console, its transcript paged (issue 14 item 6: the whole transcript of a
     * 1,000-message case was 4.3 MB and blocked the server 300–440 ms per view). Pinned by
     * test/adapters/http/queue-limits.test.ts.
     */
    detail(id: EscalationId, page: TranscriptPage = {}): DeskResult<EscalationDetail> {
      const found = load(id);
      if (!found.ok) return found;
      const e = found.value;
      const size = page.limit ?? limit('caseViewMessages');
      // one more than the page tells whether older messages remain
      const fetched = conversations.listLatestMessages(e.conversationId, { beforeId: page.beforeId, limit: size + 1 });
      const transcript = fetched.slice(-size);
      const latest = page.beforeId === undefined ? transcript : conversations.listLatestMessages(e.conversationId, { limit: size });
      // Candidates from the start of the trigger and the last three messages: four 4,000-character
      // messages took the search ~400 ms; what a question is about is in its first sentences.
      const asked = [e.trigger, ...latest.filter((m) => m.from === 'traveller' && m.at >= e.createdAt).slice(-3).map((m) => m.text)].map((t) => t.slice(0, CANDIDATE_TEXT_CHARS));
      return ok({ escalation: e, transcript, hasEarlier: fetched.length > size, notes: desk.listNotes(id), candidates: candidateViews([...new Set(asked)].join('\n'), e.lang) });
    },

    claim(id: EscalationId, who: string): DeskResult<EscalationRecord> {
      if (desk.claim(id, who, clock.now().toISOString())) {
        const e = reread(id);
        changed(e);
        return ok(e);
      }
      const found = load(id);
      if (!found.ok) return found;
      if (found.value.status === 'claimed' && found.value.claimedBy === who) return found;
      return conflict(found.value.status === 'resolved' ? `escalation ${id} is already resolved` : `escalation ${id} is held by ${found.value.claimedBy ?? 'another coordinator'}`);
    },

    /** A lead takes a case: claims an open one, or moves a claimed one to themselves. */
    takeOver(id: EscalationId, who: string): DeskResult<EscalationRecord> {
      const found = load(id);
      if (!found.ok) return found;
      if (found.value.status === 'open') return this.claim(id, who);
      if (found.value.status === 'claimed' && found.value.claimedBy === who) return found;
      if (!desk.takeOver(id, who)) return conflict(`escalation ${id} is already resolved`);
      const e = reread(id);
      changed(e);
      deps.logger.log('info', 'escalation_taken_over', { escalationId: id, from: found.value.claimedBy, to: who });
      return ok(e);
    },

    reply(id: EscalationId, who: string, text: string): DeskResult<StoredMessage> {
      const e = held(id, who);
      return e.ok ? ok(sendToTraveller(e.value, text.trim())) : e;
    },

    note(id: EscalationId, who: string, text: string): DeskResult<Note> {
      const e = held(id, who);
      return e.ok ? ok(desk.addNote({ escalationId: id, author: who, text: text.trim(), at: clock.now().toISOString() })) : e;
    },

    /** Tells the traveller where to go (the department's contact in their language) and closes the case as `transfer`. */
    transfer(id: EscalationId, who: string, department: Department, note?: string): DeskResult<Resolved & { message: StoredMessage }> {
      const e = held(id, who);
      if (!e.ok) return e;
      const lang: LanguageCode = conversations.getConversation(e.value.conversationId)?.lang ?? e.value.lang;
      const routed = composeRouted(deps.runtime.current().knowledge, department, lang);
      const message = sendToTraveller(e.value, routed.text, 'routed');
      const closed = close(e.value, who, { category: 'transfer', department, summary: note?.trim() || routed.text });
      return closed.ok ? ok({ ...closed.value, message }) : closed;
    },

    resolve(id: EscalationId, who: string, input: ResolveInput): DeskResult<Resolved> {
      const e = held(id, who);
      return e.ok ? close(e.value, who, input) : e;
    },

    /** Makes a knowledge-base draft from a case (once per case). */
    promote(caseId: EscalationId, who: string): DeskResult<Draft> {
      const entry = deps.casebook.getCase(caseId);
      if (!entry) return err({ code: 'case_not_found', message: `no casebook entry with id "${caseId}"` });
      if (entry.draftId) return conflict(`case ${caseId} was already promoted to draft ${entry.draftId}`);
      return ok(conversations.transaction(() => makeDraft(entry, who, clock.now().toISOString())));
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
