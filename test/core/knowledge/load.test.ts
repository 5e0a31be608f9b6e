import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkKnowledge } from '../../../bot/core/knowledge/check';
import { loadKnowledge, type KnowledgeIssue } from '../../../bot/core/knowledge/load';
import { LANGUAGES } from '../../../bot/core/knowledge/schema';
import { KNOWLEDGE_DIR, tempDataDir } from '../../fixtures/services';

const TODAY = new Date('2026-11-26T00:00:00Z');

/** Copies the real knowledge base to a temp dir and edits one entry. */
function withEditedEntry(id: string, edit: (doc: any) => void): { dir: string; cleanup(): void } {
  const tmp = tempDataDir();
  cpSync(KNOWLEDGE_DIR, tmp.dir, { recursive: true });
  const file = join(tmp.dir, 'entries', `${id}.yaml`);
  const doc = parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, stringify(doc));
  return tmp;
}

function issuesOf(dir: string): KnowledgeIssue[] {
  const r = loadKnowledge(dir);
  return r.ok ? checkKnowledge(r.bundle, TODAY) : r.issues;
}

describe('loadKnowledge', () => {
  describe('when reading the shipped knowledge base', () => {
    const result = loadKnowledge(KNOWLEDGE_DIR);
    it('finds no problem', () => {
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
      expect(checkKnowledge(result.bundle, TODAY)).toEqual([]);
    });
    it('has every entry in zh, en and ru with a source and dates', () => {
      if (!result.ok) throw new Error('not ok');
      expect(result.bundle.entries.length).toBeGreaterThanOrEqual(40);
      for (const e of result.bundle.entries) {
        for (const l of LANGUAGES) expect(e.answer[l].lead.length).toBeGreaterThan(0);
        expect(e.sources.length).toBeGreaterThan(0);
      }
    });
    it('states the 2024 reform figures, not the old ones', () => {
      if (!result.ok) throw new Error('not ok');
      expect(result.bundle.limits.values.get('tobacco.ordinary.cigars')).toBe(20);
      expect(result.bundle.limits.values.get('tobacco.hk_macao.cigars')).toBe(10);
      expect(result.bundle.limits.unsureGroups.has('alcohol')).toBe(true);
    });
  });

  describe('when an entry is broken', () => {
    const cases: [string, (doc: any) => void, RegExp][] = [
      ['a language is missing', (d) => delete d.answer.ru, /answer\.ru/],
      ['the source is missing', (d) => (d.sources = []), /sources/],
      ['the effective date is missing', (d) => delete d.effective, /effective/],
      ['the review date is older than 12 months', (d) => (d.reviewed = '2025-10-01'), /reviewed.*more than 12 months/],
      ['a number contradicts limits.yaml', (d) => (d.answer.en.lead = 'You may bring 100 cigars.'), /literal number "100 cigars".*contradicts|literal number "100 cigars"/],
      ['a placeholder is unknown', (d) => (d.answer.zh.lead = '可带{{tobacco.ordinary.pipes}}支'), /unknown placeholder/],
    ];
    it.each(cases)('reports it, naming the file and field, when %s', (_name, edit, pattern) => {
      const tmp = withEditedEntry('tobacco-allowance', edit);
      try {
        const issues = issuesOf(tmp.dir);
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.some((i) => i.file === 'entries/tobacco-allowance.yaml' && pattern.test(`${i.path}: ${i.message}`))).toBe(true);
      } finally {
        tmp.cleanup();
      }
    });

    it('reports a duplicate id with both files', () => {
      const tmp = withEditedEntry('tobacco-allowance', () => undefined);
      try {
        cpSync(join(tmp.dir, 'entries', 'tobacco-allowance.yaml'), join(tmp.dir, 'entries', 'zz-copy.yaml'));
        const issues = issuesOf(tmp.dir);
        expect(issues).toEqual([expect.objectContaining({ file: 'entries/zz-copy.yaml', path: 'id', message: expect.stringContaining('duplicate id "tobacco-allowance"') })]);
      } finally {
        tmp.cleanup();
      }
    });
  });
});
