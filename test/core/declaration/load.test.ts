import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkDeclarationKnowledge, loadDeclarationKnowledge } from '../../../bot/core/declaration';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { KNOWLEDGE_DIR, tempDataDir } from '../../fixtures/services';

const TODAY = new Date('2026-11-26T00:00:00Z');
const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);

/** Copies the real knowledge base to a temp dir and edits one YAML file. */
function withEdited(file: string, edit: (doc: any) => void): { dir: string; cleanup(): void } {
  const tmp = tempDataDir();
  cpSync(KNOWLEDGE_DIR, tmp.dir, { recursive: true });
  const path = join(tmp.dir, file);
  const doc = parse(readFileSync(path, 'utf8'));
  edit(doc);
  writeFileSync(path, stringify(doc));
  return tmp;
}

function issuesOf(dir: string, today = TODAY) {
  const r = loadDeclarationKnowledge(dir);
  return r.ok ? checkDeclarationKnowledge(r.knowledge, bundle, today) : r.issues;
}

describe('loadDeclarationKnowledge', () => {
  describe('when reading the shipped files', () => {
    it('finds no problem', () => {
      expect(issuesOf(KNOWLEDGE_DIR)).toEqual([]);
    });
  });

  describe('when a file is wrong', () => {
    it.each([
      ['a rate that is not positive', 'rates.yaml', (d: any) => (d.rates.USD = -1), 'rates.yaml', 'rates.USD'],
      ['rates not labelled as reference', 'rates.yaml', (d: any) => (d.reference = false), 'rates.yaml', 'reference'],
      ['a symbol of a currency without a rate', 'rates.yaml', (d: any) => (d.symbols['¤'] = 'XAU'), 'rates.yaml', 'symbols.¤'],
      ['a currency word without a rate', 'lang/declaration.ru.yaml', (d: any) => (d.currencies.XAU = ['золотой']), 'lang/declaration.ru.yaml', 'currencies.XAU'],
      ['a currency with a rate but no word in a language', 'lang/declaration.ru.yaml', (d: any) => delete d.currencies.TRY, 'lang/declaration.ru.yaml', 'currencies.TRY'],
      ['a goods class unknown to declaration.yaml', 'lang/declaration.zh.yaml', (d: any) => (d.goods.spaceships = ['飞船']), 'lang/declaration.zh.yaml', 'goods.spaceships'],
      ['a missing reply phrase', 'lang/declaration.en.yaml', (d: any) => delete d.phrases.ask_route, 'lang/declaration.en.yaml', 'phrases.ask_route'],
      ['an article that is not a concept', 'declaration.yaml', (d: any) => (d.articles.unicorns = { treatment: 'ask', entry: 'meat-products' }), 'declaration.yaml', 'articles.unicorns'],
      ['a cited entry that does not exist', 'declaration.yaml', (d: any) => (d.entries.tobacco = 'no-such-entry'), 'declaration.yaml', 'entries.tobacco'],
      ['an example value not in limits.yaml', 'declaration.yaml', (d: any) => (d.drinks.rum.exampleValue = 'dutiableValueExamples.rumPerBottle'), 'declaration.yaml', 'drinks.rum.exampleValue'],
    ])('names the file and field for %s', (_name, file, edit, issueFile, path) => {
      const tmp = withEdited(file, edit);
      try {
        expect(issuesOf(tmp.dir)).toEqual(expect.arrayContaining([expect.objectContaining({ file: issueFile, path })]));
      } finally {
        tmp.cleanup();
      }
    });
  });

  describe('when the rates are old', () => {
    it('asks for new ones after 12 months', () => {
      const later = new Date('2028-01-01T00:00:00Z');
      expect(issuesOf(KNOWLEDGE_DIR, later)).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'rates.yaml', path: 'asOf' })]));
    });
  });
});
