import { checkDraftEntry, draftEntryFromCase, DRAFT_TODO, mergeApprovedEntries, todoFields, type CasebookEntry } from '../../../bot/core/casebook';
import { loadKnowledge, type KnowledgeBundle } from '../../../bot/core/knowledge/load';
import { KnowledgeEntrySchema } from '../../../bot/core/knowledge/schema';
import type { ConversationId, EscalationId } from '../../../bot/core/types';
import { meteoriteEntry } from '../../fixtures/coordinators';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const TODAY = new Date('2026-11-26T10:00:00Z');
const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (!loaded.ok) throw new Error('test: knowledge base does not load');
const bundle: KnowledgeBundle = loaded.bundle;

const kase: CasebookEntry = {
  id: 'e_AbC-12_x' as EscalationId,
  conversationId: 'c_x' as ConversationId,
  lang: 'zh',
  channel: 'web',
  reasons: ['low_confidence'],
  category: 'rule_explained',
  question: '能带陨石回国吗',
  summary: '解释了需要许可',
  transcript: [],
  coordinator: 'li',
  createdAt: '2026-11-26T09:00:00.000Z',
  claimedAt: '2026-11-26T09:01:00.000Z',
  resolvedAt: '2026-11-26T09:05:00.000Z',
  waitingMs: 60_000,
  handlingMs: 240_000,
};

describe('draftEntryFromCase', () => {
  const draft = draftEntryFromCase(kase, '2026-11-26');

  it('has the KnowledgeEntry shape with the question as a phrasing in its language', () => {
    expect(Object.keys(draft).sort()).toEqual(['answer', 'direction', 'effective', 'id', 'keywords', 'phrasings', 'reviewed', 'schemaVersion', 'sources', 'tags', 'title', 'topic']);
    const schema = KnowledgeEntrySchema.safeParse(draft);
    expect(schema.success).toBe(false); // the topic placeholder is not a topic: a lead must choose
    expect(draft).toMatchObject({ schemaVersion: 1, phrasings: { zh: ['能带陨石回国吗'] }, effective: '2026-11-26', reviewed: '2026-11-26' });
    expect(draft.id).toMatch(/^case-20261126-[a-z0-9]+$/);
  });
  it('marks every field a lead must write with the TODO marker', () => {
    const todos = todoFields(draft);
    expect(todos).toEqual(expect.arrayContaining(['topic', 'title.zh', 'title.en', 'title.ru', 'answer.zh.lead', 'answer.en.lead', 'answer.ru.lead', 'phrasings.en.0', 'keywords.ru.0', 'tags.0', 'sources.0.source']));
    expect(todos).not.toContain('phrasings.zh.0');
    expect(JSON.stringify(draft)).toContain(DRAFT_TODO);
  });
});

describe('checkDraftEntry', () => {
  describe('when TODO markers are left', () => {
    it('refuses, naming each field', () => {
      const r = checkDraftEntry(draftEntryFromCase(kase, '2026-11-26'), bundle, TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues.map((i) => i.field)).toContain('answer.en.lead');
    });
  });
  describe('when the schema is not met', () => {
    it('names the field', () => {
      const entry = { ...meteoriteEntry(), title: { zh: '陨石', en: 'Meteorites' } };
      const r = checkDraftEntry(entry, bundle, TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/^title\.ru: /);
    });
  });
  describe('when kb:check rules fail', () => {
    it('names a literal governed number', () => {
      const entry = meteoriteEntry();
      (entry.answer as any).en.details = ['You may carry 400 cigarettes.'];
      const r = checkDraftEntry(entry, bundle, TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues).toEqual([expect.objectContaining({ field: 'answer.en.details.0', message: expect.stringMatching(/literal number "400 cigarettes"/) })]);
    });
    it('names an unknown tag', () => {
      const r = checkDraftEntry({ ...meteoriteEntry(), tags: ['space_rocks'] }, bundle, TODAY);
      expect(!r.ok && r.error.issues[0]?.field).toBe('tags');
    });
    it('names a stale review date', () => {
      const r = checkDraftEntry({ ...meteoriteEntry(), reviewed: '2024-01-01' }, bundle, TODAY);
      expect(!r.ok && r.error.issues[0]?.field).toBe('reviewed');
    });
  });
  describe('when the id is taken', () => {
    it('refuses, naming the id and the file that has it', () => {
      const r = checkDraftEntry(meteoriteEntry('tobacco-allowance'), bundle, TODAY);
      expect(!r.ok && r.error.message).toMatch(/^id: "tobacco-allowance" already exists in entries\/tobacco-allowance\.yaml/);
    });
  });
  describe('when the entry is complete', () => {
    it('returns it and the bundle with it added', () => {
      const r = checkDraftEntry(meteoriteEntry(), bundle, TODAY);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.file).toBe('entries/meteorite-export.yaml');
        expect(r.value.bundle.entries).toHaveLength(bundle.entries.length + 1);
        expect(bundle.files.has('meteorite-export')).toBe(false);
      }
    });
  });
});

describe('mergeApprovedEntries', () => {
  describe('when an approved entry is new to the bundle', () => {
    it('adds it under entries/<id>.yaml and reports its id', () => {
      const merged = mergeApprovedEntries(bundle, [meteoriteEntry()]);
      expect(merged.added).toEqual(['meteorite-export']);
      expect(merged.bundle.entries).toHaveLength(bundle.entries.length + 1);
      expect(merged.bundle.files.get('meteorite-export')).toBe('entries/meteorite-export.yaml');
      expect(bundle.files.has('meteorite-export')).toBe(false); // the loaded bundle is left as it was
    });
  });

  describe('when every id is indexed already (a file, or an earlier merge)', () => {
    it('returns the same bundle and adds nothing, so a repeated event does not re-index', () => {
      const once = mergeApprovedEntries(bundle, [meteoriteEntry()]).bundle;
      const twice = mergeApprovedEntries(once, [meteoriteEntry(), { ...meteoriteEntry(), id: 'cash-rmb' }]);
      expect(twice.added).toEqual([]);
      expect(twice.bundle).toBe(once);
    });
  });

  describe('when a stored entry no longer parses', () => {
    it('leaves it out and reports the schema issue', () => {
      const merged = mergeApprovedEntries(bundle, [{ ...meteoriteEntry(), topic: 'space' }]);
      expect(merged.added).toEqual([]);
      expect(merged.issues[0]?.message).toMatch(/topic/);
    });
  });
});
