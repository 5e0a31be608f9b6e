import { checkKnowledge } from '../../../bot/core/knowledge/check';
import { loadKnowledgeOrThrow, type KnowledgeBundle } from '../../../bot/core/knowledge/load';
import type { KnowledgeEntry } from '../../../bot/core/knowledge/schema';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

const TODAY = new Date('2026-12-04T00:00:00Z');
const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const withEntry = (id: string, change: (e: KnowledgeEntry) => KnowledgeEntry): KnowledgeBundle => ({ ...bundle, entries: bundle.entries.map((e) => (e.id === id ? change(e) : e)) });
const messages = (b: KnowledgeBundle) => checkKnowledge(b, TODAY).map((i) => `${i.path}: ${i.message}`);

describe('checkKnowledge (sources and facets, issue 10)', () => {
  it('passes the shipped knowledge base', () => {
    expect(checkKnowledge(bundle, TODAY)).toEqual([]);
  });
  describe('when two documents share a URL', () => {
    it('names both', () => {
      const sources = new Map(bundle.sources);
      const first = [...sources.values()][0]!;
      const [secondId, second] = [...sources.entries()][1]!;
      sources.set(secondId, { ...second, url: first.url });
      expect(messages({ ...bundle, sources }).join('\n')).toMatch(new RegExp(`"${secondId}" and ".*" share the URL`));
    });
  });
  describe('when an entry cites a document the registry lacks', () => {
    it('names the citation', () => {
      const b = withEntry('pets', (e) => ({ ...e, sources: [{ source: 'no-such-document' }] }));
      expect(messages(b)).toContain('sources.0.source: "no-such-document" is not in sources.yaml');
    });
  });
  describe('when the facets do not match the details', () => {
    it('asks for one list per detail and exactly one key', () => {
      const b = withEntry('pets', (e) => ({ ...e, facets: e.facets.slice(1).map((f) => f.filter((x) => x !== 'key')) }));
      const found = messages(b).join('\n');
      expect(found).toMatch(/facet lists for \d+ details/);
      expect(found).toMatch(/0 details marked "key"/);
    });
    it('refuses an unknown facet id', () => {
      const b = withEntry('pets', (e) => ({ ...e, facets: e.facets.map((f, i) => (i === 0 ? [...f, 'moon_phase'] : f)) }));
      expect(messages(b).join('\n')).toMatch(/"moon_phase" is neither a concept/);
    });
  });
  describe('when a concept is tagged on no entry', () => {
    it('says its words route nowhere', () => {
      const b: KnowledgeBundle = { ...bundle, entries: bundle.entries.map((e) => ({ ...e, tags: e.tags.filter((t) => t !== 'nuts'), facets: e.facets.map((f) => f.filter((t) => t !== 'nuts')) })) };
      expect(messages(b)).toContain('concepts.nuts: no entry is tagged with "nuts": add it to an entry\'s tags, or drop the concept');
    });
  });
});
