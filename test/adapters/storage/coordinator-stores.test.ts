import { join } from 'node:path';
import { COORDINATOR_MIGRATIONS, MIGRATIONS, openDatabase, SqliteCasebookStore, SqliteConversationStore, SqliteCoordinatorStore, SqliteEscalationDeskStore, SqliteLoginAttemptStore } from '../../../bot/adapters/storage/sqlite';
import type { ConversationId, EscalationId } from '../../../bot/core/types';
import { tempDataDir } from '../../fixtures/services';

const ALL = [...MIGRATIONS, ...COORDINATOR_MIGRATIONS];
const at = '2026-11-26T10:00:00.000Z';

function seed(db: ReturnType<typeof openDatabase>, n: number): EscalationId {
  const store = new SqliteConversationStore(db);
  const cid = `c_${n}` as ConversationId;
  const eid = `e_${n}` as EscalationId;
  store.createConversation({ id: cid, channel: 'web', lang: 'en', createdAt: at, state: { misses: 0 } });
  store.createEscalation({ id: eid, conversationId: cid, status: 'open', reasons: ['asked_for_human'], lang: 'en', channel: 'web', createdAt: at, trigger: 'a person please' });
  return eid;
}

describe('SqliteEscalationDeskStore', () => {
  describe('when two processes claim the same escalation', () => {
    it('lets exactly one connection win', () => {
      const tmp = tempDataDir();
      const file = join(tmp.dir, 'assistant.sqlite');
      const a = openDatabase(file, ALL);
      const b = openDatabase(file, ALL);
      try {
        const id = seed(a, 1);
        const results = [new SqliteEscalationDeskStore(a).claim(id, 'alice', at), new SqliteEscalationDeskStore(b).claim(id, 'bob', at)];
        expect(results).toEqual([true, false]);
        expect(new SqliteEscalationDeskStore(b).getEscalation(id)).toMatchObject({ status: 'claimed', claimedBy: 'alice', claimedAt: at });
      } finally {
        a.close();
        b.close();
        tmp.cleanup();
      }
    });
  });

  describe('when resolving', () => {
    it('only lets the holder resolve, once', () => {
      const db = openDatabase(':memory:', ALL);
      const desk = new SqliteEscalationDeskStore(db);
      const id = seed(db, 2);
      expect(desk.resolve(id, 'alice', at)).toBe(false); // not claimed yet
      desk.claim(id, 'alice', at);
      expect(desk.resolve(id, 'bob', at)).toBe(false);
      expect(desk.resolve(id, 'alice', at)).toBe(true);
      expect(desk.resolve(id, 'alice', at)).toBe(false);
      expect(desk.takeOver(id, 'lena')).toBe(false);
      expect(desk.listEscalations('resolved', 10).map((e) => e.id)).toEqual([id]);
      expect(desk.listEscalations('active', 10)).toEqual([]);
    });
  });
});

describe('SqliteCoordinatorStore', () => {
  const db = openDatabase(':memory:', ALL);
  const store = new SqliteCoordinatorStore(db);
  const account = { role: 'coordinator' as const, passwordHash: 'h', tokenHash: 't', createdAt: at };

  it('refuses a second account with the same name in another case', () => {
    expect(store.add({ ...account, name: 'Wang', tokenId: 'id1' })).toBe(true);
    expect(store.add({ ...account, name: 'wang', tokenId: 'id2' })).toBe(false);
  });
  it('finds only live sessions of enabled accounts', () => {
    const id = store.byName('wang')?.id ?? 0;
    store.createSession({ idHash: 's1', coordinatorId: id, csrf: 'c', createdAt: at, expiresAt: '2026-11-26T22:00:00.000Z' });
    expect(store.session('s1', at)?.coordinator.name).toBe('Wang');
    expect(store.session('s1', '2026-11-26T22:00:00.000Z')).toBeUndefined();
    store.disable('wang');
    expect(store.session('s1', at)).toBeUndefined();
  });
});

describe('SqliteCasebookStore', () => {
  it('keeps a case and its draft, and refuses to change a decided draft', () => {
    const db = openDatabase(':memory:', ALL);
    const id = seed(db, 3);
    const casebook = new SqliteCasebookStore(db);
    casebook.addCase({ id, conversationId: 'c_3' as ConversationId, lang: 'en', channel: 'web', reasons: ['asked_for_human'], category: 'transfer', department: 'police', question: 'q', summary: 's', transcript: [{ from: 'traveller', text: 'q', at }], coordinator: 'alice', createdAt: at, claimedAt: at, resolvedAt: at, waitingMs: 0, handlingMs: 0 });
    expect(casebook.version()).toBe(1);
    casebook.createDraft({ id: 'd_1', caseId: id, status: 'open', entry: { id: 'x' }, createdBy: 'alice', createdAt: at, updatedAt: at });
    casebook.setDraft(id, 'd_1');
    expect(casebook.getCase(id)).toMatchObject({ department: 'police', draftId: 'd_1', transcript: [{ from: 'traveller', text: 'q', at }] });
    expect(casebook.listCases({ category: 'transfer' })).toHaveLength(1);
    expect(casebook.listCases({ category: 'other' })).toHaveLength(0);
    expect(casebook.decideDraft('d_1', { status: 'rejected', by: 'lena', at })).toBe(true);
    expect(casebook.decideDraft('d_1', { status: 'approved', by: 'lena', at })).toBe(false);
    expect(casebook.updateDraft('d_1', { id: 'y' }, at)).toBe(false);
    expect(casebook.getDraft('d_1')).toMatchObject({ status: 'rejected', decidedBy: 'lena', entry: { id: 'x' } });
  });
});

describe('SqliteLoginAttemptStore (issue 14 items 1–2)', () => {
  const db = openDatabase(':memory:', ALL);
  const attempts = new SqliteLoginAttemptStore(db);
  const later = '2026-11-26T10:15:00.000Z';
  const later2 = '2026-11-26T10:20:00.000Z';

  it('counts attempts per name (any case) and client, before they are checked', () => {
    expect(attempts.begin('wang', '192.0.2.1', at)).toEqual({ failures: 1 });
    expect(attempts.begin('WANG', '192.0.2.1', at)).toEqual({ failures: 2 });
    expect(attempts.begin('wang', '192.0.2.2', at)).toEqual({ failures: 1 });
  });
  it('locks at the maximum and never moves a lock earlier', () => {
    expect(attempts.fail('wang', '192.0.2.1', at, 2, later2)).toEqual({ lockedUntil: later2 });
    expect(attempts.fail('wang', '192.0.2.1', at, 2, later)).toEqual({ lockedUntil: later2 });
    expect(attempts.begin('wang', '192.0.2.1', at)).toEqual({ failures: 2, lockedUntil: later2 });
    expect(attempts.begin('wang', '192.0.2.2', at)).toEqual({ failures: 2 });
  });
  it('keeps a lock through a success, and starts a fresh count once it has passed', () => {
    attempts.succeed('wang', '192.0.2.1', at);
    expect(attempts.begin('wang', '192.0.2.1', at).lockedUntil).toBe(later2);
    expect(attempts.begin('wang', '192.0.2.1', '2026-11-26T10:21:00.000Z')).toEqual({ failures: 1 });
  });
});

describe('SqliteCasebookStore.redactAgain (issue 14 item 9)', () => {
  it('redacts the cases stored under older rules once, and leaves new ones alone', () => {
    const db = openDatabase(':memory:', ALL);
    const casebook = new SqliteCasebookStore(db);
    const eid = seed(db, 1);
    const entry = { id: eid, conversationId: 'c_1' as ConversationId, lang: 'en' as const, channel: 'web' as const, reasons: ['asked_for_human' as const], category: 'other' as const, question: 'mail me at wang.li@example.com', summary: 'called 415-555-0132', transcript: [{ from: 'traveller' as const, text: 'passport G 1234 5678, a bag for 12,000 yuan', at }], coordinator: 'alice', createdAt: at, claimedAt: at, resolvedAt: at, waitingMs: 0, handlingMs: 0 };
    casebook.addCase(entry);
    db.prepare('UPDATE casebook SET redacted_with = 1').run();
    const redact = (t: string) => t.replace(/wang\.li@example\.com/, '[email]').replace(/415-555-0132/, '[phone]').replace(/G 1234 5678/, '[passport]');
    expect(casebook.redactAgain(redact, 2)).toBe(1);
    expect(casebook.getCase(eid)).toMatchObject({ question: 'mail me at [email]', summary: 'called [phone]', transcript: [{ text: 'passport [passport], a bag for 12,000 yuan' }] });
    expect(casebook.redactAgain(redact, 2)).toBe(0);
  });
});
