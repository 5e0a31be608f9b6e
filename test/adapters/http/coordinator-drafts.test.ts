import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledge } from '../../../bot/core/knowledge/load';
import { addCoordinator, call, escalate, meteoriteEntry, type TestCoordinator } from '../../fixtures/coordinators';
import { fakeClock, KNOWLEDGE_DIR, postJson, startServer, tempDataDir, type RunningServer } from '../../fixtures/services';

describe('knowledge-base drafts API', () => {
  const knowledge = tempDataDir();
  let drafted = 0;
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

  /** A draft promoted from a freshly resolved case. */
  async function newDraft(question = 'I want a human: can I take a meteorite out of China?'): Promise<string> {
    const { escalationId } = await escalate(server, question);
    await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: alice.bearer });
    const res = await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: alice.bearer, body: { category: 'rule_explained', summary: 'needs an export permit', promote: true } });
    return res.body.draft.id as string;
  }
  const put = (id: string, body: unknown) => call(server, 'PUT', `/drafts/${id}`, { headers: lead.bearer, body });
  const approve = (id: string) => call(server, 'POST', `/drafts/${id}/approve`, { headers: lead.bearer });

  describe('GET /api/v1/drafts/:id', () => {
    it('gives the draft and every field still to complete', async () => {
      const id = await newDraft();
      const res = await call(server, 'GET', `/drafts/${id}`, { headers: lead.bearer });
      expect(res.status).toBe(200);
      expect(res.body.draft).toMatchObject({ id, status: 'open', entry: { phrasings: { en: ['I want a human: can I take a meteorite out of China?'] } } });
      expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['topic', 'title.zh', 'answer.en.lead', 'tags.0', 'sources.0.source']));
    });
    it('answers an unknown id with 404 and lists drafts by status', async () => {
      expect((await call(server, 'GET', '/drafts/d_nope', { headers: lead.bearer })).status).toBe(404);
      expect((await call(server, 'GET', '/drafts?status=open', { headers: lead.bearer })).body.items.length).toBeGreaterThan(0);
      expect((await call(server, 'GET', '/drafts?status=weird', { headers: lead.bearer })).status).toBe(400);
    });
  });

  describe('POST /api/v1/drafts/:id/approve', () => {
    describe('when the draft is incomplete or invalid', () => {
      it.each([
        ['TODO markers left', (e: Record<string, unknown>) => ({ ...e, title: { zh: '<<TODO>> title', en: 'Meteorites', ru: 'Метеориты' } }), /title\.zh: still a placeholder/],
        ['a missing language', (e: Record<string, unknown>) => ({ ...e, title: { zh: '陨石', en: 'Meteorites' } }), /title\.ru: /],
        ['an unknown topic', (e: Record<string, unknown>) => ({ ...e, topic: 'space' }), /topic: /],
        ['a literal governed number', (e: Record<string, unknown>) => ({ ...e, answer: { ...(e.answer as object), en: { lead: 'You may bring 400 cigarettes.', details: [] } } }), /answer\.en\.lead: literal number "400 cigarettes"/],
        ['an unknown tag', (e: Record<string, unknown>) => ({ ...e, tags: ['space_rocks'] }), /tags: "space_rocks" is not a concept/],
        ['an id already in the knowledge base', (e: Record<string, unknown>) => ({ ...e, id: 'cash-rmb' }), /id: "cash-rmb" already exists/],
      ])('answers %s with 400 naming the field, and writes nothing', async (_case, edit, message) => {
        const id = await newDraft();
        const entry: Record<string, unknown> = edit(meteoriteEntry(`meteorite-${++drafted}`));
        expect((await put(id, entry)).status).toBe(200);
        const res = await approve(id);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid_request');
        expect(res.body.error.message).toMatch(message);
        if (typeof entry.id === 'string' && entry.id !== 'cash-rmb') expect(existsSync(join(knowledge.dir, 'entries', `${entry.id}.yaml`))).toBe(false);
        expect((await call(server, 'GET', `/drafts/${id}`, { headers: lead.bearer })).body.draft.status).toBe('open');
      });
    });

    describe('when the lead completed the draft', () => {
      it('writes knowledge/entries/<id>.yaml and the bot answers from it without a restart', async () => {
        const question = 'can I take a meteorite out of China?';
        const before = await postJson(`${server.url}/api/v1/chat`, { text: question });
        expect(before.body.reply.citations.map((c: { id: string }) => c.id)).not.toContain('meteorite-export');
        const id = await newDraft();
        const saved = await put(id, meteoriteEntry());
        expect(saved.body.issues).toEqual([]);
        const res = await approve(id);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ entryId: 'meteorite-export', file: 'entries/meteorite-export.yaml', draft: { status: 'approved', decidedBy: 'lena', entryId: 'meteorite-export' } });
        const file = join(knowledge.dir, 'entries', 'meteorite-export.yaml');
        expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ id: 'meteorite-export', title: { ru: 'Вывоз метеоритов из Китая' } });
        const reloaded = loadKnowledge(knowledge.dir);
        expect(reloaded.ok && reloaded.bundle.entries.some((e) => e.id === 'meteorite-export')).toBe(true);
        for (const text of [question, '能带陨石出境吗？', 'можно ли вывезти метеорит из Китая?']) {
          const after = await postJson(`${server.url}/api/v1/chat`, { text });
          expect(after.body.reply).toMatchObject({ kind: 'answer' });
          expect(after.body.reply.citations[0].id).toBe('meteorite-export');
        }
      });
      it('refuses to approve, edit or reject it again (409)', async () => {
        const approved = (await call(server, 'GET', '/drafts?status=approved', { headers: lead.bearer })).body.items[0];
        expect((await approve(approved.id)).status).toBe(409);
        expect((await put(approved.id, meteoriteEntry('other-id'))).status).toBe(409);
        expect((await call(server, 'POST', `/drafts/${approved.id}/reject`, { headers: lead.bearer })).status).toBe(409);
      });
    });
  });

  describe('GET /api/v1/drafts/form', () => {
    it("offers the schema's topics, the source registry and the concept vocabulary, to leads only", async () => {
      const res = await call(server, 'GET', '/drafts/form', { headers: lead.bearer });
      expect(res.status).toBe(200);
      expect(res.body.topics).toEqual(expect.arrayContaining(['tobacco', 'outbound', 'storage']));
      expect(res.body.directions).toEqual(['inbound', 'outbound', 'both']);
      expect(res.body.sources).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'gacc-order-276', short: expect.objectContaining({ zh: '海关总署令第276号' }) })]));
      expect(res.body.tags).toEqual(expect.arrayContaining(['abandon', 'cigarettes', 'outbound']));
      expect((await call(server, 'GET', '/drafts/form', { headers: alice.bearer })).status).toBe(403);
    });
  });

  describe('when a draft completed in the form is approved', () => {
    it("indexes its phrasings: the bot answers a question worded only like one of them", async () => {
      // "chondrite" / "球粒" / "хондрит" appear only in the phrasings, not in title, answer or keywords
      const questions = ['may I carry a chondrite home?', '球粒陨石可以带走吗？', 'можно ли увезти хондрит?'];
      for (const text of questions) {
        const before = await postJson(`${server.url}/api/v1/chat`, { text });
        expect((before.body.reply.citations ?? []).map((c: { id: string }) => c.id)).not.toContain('chondrite-souvenir');
      }
      const id = await newDraft('I want a human: may I carry a chondrite home?');
      const entry = {
        ...meteoriteEntry('chondrite-souvenir'),
        title: { zh: '太空岩石纪念品', en: 'Space rock souvenirs', ru: 'Космические камни как сувенир' },
        phrasings: { zh: ['球粒陨石可以带走吗'], en: ['may i carry a chondrite home'], ru: ['можно ли увезти хондрит'] },
        keywords: { zh: ['太空岩石'], en: ['space rock'], ru: ['космический камень'] },
      };
      expect((await put(id, entry)).body.issues).toEqual([]);
      expect((await approve(id)).status).toBe(200);
      for (const text of questions) {
        const after = await postJson(`${server.url}/api/v1/chat`, { text });
        expect(after.body.reply.kind).toBe('answer');
        expect(after.body.reply.citations[0].id).toBe('chondrite-souvenir');
      }
    });
  });

  describe('POST /api/v1/drafts/:id/reject', () => {
    it('closes the draft without touching the knowledge base', async () => {
      const id = await newDraft();
      const res = await call(server, 'POST', `/drafts/${id}/reject`, { headers: lead.bearer });
      expect(res.status).toBe(200);
      expect(res.body.draft).toMatchObject({ status: 'rejected', decidedBy: 'lena' });
      expect((await approve(id)).status).toBe(409);
      expect((await call(server, 'POST', '/drafts/d_nope/reject', { headers: lead.bearer })).status).toBe(404);
    });
  });

  describe('PUT /api/v1/drafts/:id', () => {
    it.each([
      ['a JSON array', [1, 2], 400],
      ['a JSON string', '"entry"', 400],
      ['malformed JSON', '{"id":', 400],
    ])('answers %s with %i', async (_case, body, status) => {
      const id = await newDraft();
      expect((await put(id, body)).status).toBe(status);
    });
    it('answers a non-JSON body with 415 and an unknown id with 404', async () => {
      const id = await newDraft();
      expect((await call(server, 'PUT', `/drafts/${id}`, { headers: { ...lead.bearer, 'content-type': 'text/yaml' }, body: 'id: x' })).status).toBe(415);
      expect((await put('d_nope', meteoriteEntry())).status).toBe(404);
    });
  });
});
