import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourcesFileSchema } from '../../../bot/core/knowledge/sources';
import { addCoordinator, call, escalate, meteoriteEntry, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, KNOWLEDGE_DIR, startServer, tempDataDir, type RunningServer } from '../../fixtures/services';

/** Issue 14 item 10: bad drafts and an unwritable knowledge folder get clear 4xx/503 answers, never a 500. */
describe('knowledge-base drafts under bad input', () => {
  const knowledge = tempDataDir();
  let server: RunningServer;
  let alice: TestCoordinator;
  let lead: TestCoordinator;
  beforeAll(async () => {
    cpSync(KNOWLEDGE_DIR, knowledge.dir, { recursive: true });
    server = await startServer({ KNOWLEDGE_DIR: knowledge.dir }, { clock: fakeClock('2026-11-26T10:00:00Z') });
    [alice, lead] = await Promise.all([addCoordinator(server, 'alice'), addCoordinator(server, 'lena', 'lead')]);
  });
  afterAll(async () => {
    await server.stop();
    knowledge.cleanup();
  });

  async function newDraft(): Promise<string> {
    const { escalationId } = await escalate(server, 'I want a human: can I take a meteorite out of China?');
    await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
    const res = await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: alice.bearer, body: { category: 'rule_explained', summary: 'needs an export permit', promote: true } });
    return res.body.draft.id as string;
  }
  const put = (id: string, body: unknown) => call(server, 'PUT', `/drafts/${id}`, { headers: lead.bearer, body });
  const approve = (id: string) => call(server, 'POST', `/drafts/${id}/approve`, { headers: lead.bearer });

  describe('when the id is 300 characters long', () => {
    it('refuses the approval with 400 naming the id, and writes nothing', async () => {
      const id = await newDraft();
      const longId = `meteorite-${'a'.repeat(290)}`;
      const saved = await put(id, meteoriteEntry(longId));
      expect(saved.status).toBe(200);
      expect(saved.body.issues).toContainEqual({ field: 'id', message: 'must be at most 80 characters' });
      const res = await approve(id);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^draft cannot be approved: id: must be at most 80 characters/);
    });
  });

  describe('when the body nests 12,000 levels deep', () => {
    it('answers 400 and keeps the draft as it was', async () => {
      const id = await newDraft();
      const deep = `{"id":"x","answer":${'['.repeat(12_000)}1${']'.repeat(12_000)}}`;
      const res = await put(id, deep);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'invalid_request', message: 'body: nested more than 12 levels deep; send the entry as the draft shows it' });
      expect((await call(server, 'GET', `/drafts/${id}`, { headers: lead.bearer })).status).toBe(200);
    });
  });

  describe('when the knowledge folder cannot be written', () => {
    it('answers 503 with what to do, keeps the draft open, and approves once it is fixed', async () => {
      const id = await newDraft();
      expect((await put(id, meteoriteEntry('meteorite-readonly'))).body.issues).toEqual([]);
      const entries = join(knowledge.dir, 'entries');
      // A folder a root test process cannot write to either: `entries` is a plain file for now.
      renameSync(entries, `${entries}.moved`);
      writeFileSync(entries, '');
      try {
        const res = await approve(id);
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('unavailable');
        expect(res.body.error.message).toMatch(/knowledge folder cannot be written \(ENOTDIR\); the draft stays open/);
        expect((await call(server, 'GET', `/drafts/${id}`, { headers: lead.bearer })).body.draft.status).toBe('open');
      } finally {
        rmSync(entries);
        renameSync(`${entries}.moved`, entries);
      }
      expect((await approve(id)).status).toBe(200);
      expect(existsSync(join(entries, 'meteorite-readonly.yaml'))).toBe(true);
    });
  });

  describe('when the entry file exists already (written by hand meanwhile)', () => {
    it('answers 400 naming the id', async () => {
      const id = await newDraft();
      expect((await put(id, meteoriteEntry('meteorite-handmade'))).body.issues).toEqual([]);
      mkdirSync(join(knowledge.dir, 'entries'), { recursive: true });
      writeFileSync(join(knowledge.dir, 'entries', 'meteorite-handmade.yaml'), '# by hand\n');
      const res = await approve(id);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^id: a file for "meteorite-handmade" already exists/);
    });
  });
});

describe('legal source URLs', () => {
  const source = (url: string) => ({ schemaVersion: 1, sources: { 'gacc-x': { name: { zh: 'x', en: 'x', ru: 'x' }, short: { zh: 'x', en: 'x', ru: 'x' }, url } } });
  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com/x', 'file:///etc/passwd'])('refuses %s', (url) => {
    const parsed = SourcesFileSchema.safeParse(source(url));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('must be a full http:// or https:// URL');
  });
  it.each(['https://www.customs.gov.cn/x', 'http://example.org/a?b=c'])('accepts %s', (url) => {
    expect(SourcesFileSchema.safeParse(source(url)).success).toBe(true);
  });
});
