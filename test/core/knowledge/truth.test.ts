import { checkKnowledge, knowledgeWarnings, reviewsDue } from '../../../bot/core/knowledge/check';
import { loadKnowledgeOrThrow, type KnowledgeBundle } from '../../../bot/core/knowledge/load';
import type { KnowledgeEntry } from '../../../bot/core/knowledge/schema';
import { declarationWarnings, loadDeclarationKnowledgeOrThrow } from '../../../bot/core/declaration';
import { KNOWLEDGE_DIR } from '../../fixtures/services';

/** Issue 12: the base must not present lapsed measures or UNSURE figures as settled, and must say what falls due. */
const TODAY = new Date('2026-12-04T00:00:00Z');
const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const withEntry = (id: string, change: (e: KnowledgeEntry) => KnowledgeEntry): KnowledgeBundle => ({ ...bundle, entries: bundle.entries.map((e) => (e.id === id ? change(e) : e)) });
const messages = (b: KnowledgeBundle, today = TODAY) => checkKnowledge(b, today).map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n');
const withDetail = (id: string, text: string) => withEntry(id, (e) => ({ ...e, answer: { ...e.answer, en: { ...e.answer.en, details: [...e.answer.en.details.slice(0, -1), text] } } }));

describe('validity dates (issue 12)', () => {
  it('fails an entry whose validUntil has passed', () => {
    expect(messages(withEntry('pets', (e) => ({ ...e, validUntil: '2026-09-14' })))).toMatch(/pets.*validUntil: presents a measure that lapsed after 2026-09-14 as current/);
  });
  it('accepts the same entry while the measure runs, and warns 30 days before it ends', () => {
    const b = withEntry('pets', (e) => ({ ...e, validUntil: '2026-12-20' }));
    expect(messages(b)).toBe('');
    expect(knowledgeWarnings(b, TODAY).map((w) => w.message)).toContain('the measure ends on 2026-12-20: prepare the update');
  });
  it('fails an entry quoting a figure of a lapsed limits group (the Russian visa-free trial)', () => {
    expect(bundle.limits.validity.get('russiaVisaFreeTrial')).toEqual({ from: '2025-09-15', until: '2026-09-14' });
    const b = withDetail('dept-border', 'Russians may stay {{russiaVisaFreeTrial.stayDays}} days without a visa.');
    expect(messages(b)).toMatch(/quotes \{\{russiaVisaFreeTrial.stayDays\}\}.*lapsed after 2026-09-14/);
    // the same text was fine while the trial ran
    expect(messages(b, new Date('2026-06-01T00:00:00Z'))).not.toMatch(/lapsed/);
  });
});

describe('UNSURE figures (issue 12)', () => {
  it('marks only the named figures of a partly unsure group', () => {
    expect(bundle.limits.unsurePaths.has('cash.outboundPermitUpToUsd')).toBe(true);
    expect(bundle.limits.unsurePaths.has('cash.rmbMax')).toBe(false);
    expect(bundle.limits.unsurePaths.has('tax.band1Percent')).toBe(true);
    expect(bundle.limits.unsurePaths.has('penalties.smugglingHugeRmb')).toBe(false);
  });
  it('fails an entry marked certain that quotes an UNSURE figure', () => {
    const b = withEntry('smuggling', (e) => ({ ...e, unsure: false, answer: { ...e.answer, en: { ...e.answer.en, details: [...e.answer.en.details.slice(0, -1), 'A fine of up to {{penalties.adminFineMaxPercent}}% may follow.'] } } }));
    expect(messages(b)).toMatch(/smuggling.* unsure: quotes \{\{penalties.adminFineMaxPercent\}\}, which limits.yaml marks UNSURE/);
  });
});

describe('review dates (issue 12)', () => {
  it('lists what falls due within 30 days, soonest first', () => {
    const b = withEntry('pets', (e) => ({ ...e, reviewed: '2025-12-20' }));
    expect(reviewsDue(b, TODAY)).toEqual([expect.objectContaining({ id: 'pets', reviewed: '2025-12-20', dueBy: '2026-12-20' })]);
    expect(messages(b)).toBe('');
    expect(messages(withEntry('pets', (e) => ({ ...e, reviewed: '2025-11-20' })))).toMatch(/pets.*reviewed: last reviewed 2025-11-20, more than 12 months ago/);
  });
  it('has nothing due in the shipped base today', () => {
    expect(reviewsDue(bundle, TODAY)).toEqual([]);
  });
});

describe('one statement of the taxable-quantity cap (issue 12)', () => {
  const declaration = loadDeclarationKnowledgeOrThrow(KNOWLEDGE_DIR);
  it.each(['zh', 'en', 'ru'] as const)('every entry about tax above the tobacco and alcohol allowances says it in the words of the declaration note (%s)', (lang) => {
    const note = declaration.languages[lang].notes.taxable_cap_unsure;
    for (const id of ['tobacco-allowance', 'alcohol-allowance', 'tax-on-excess', 'return-shipment']) {
      const entry = bundle.entries.find((e) => e.id === id)!;
      const said = entry.answer[lang].details.some((d) => d.includes(note.slice(0, -1)) || d.toLowerCase().includes(note.slice(0, -1).toLowerCase()));
      expect({ id, said }).toEqual({ id, said: true });
    }
  });
});

describe('rate age (issue 12)', () => {
  const declaration = loadDeclarationKnowledgeOrThrow(KNOWLEDGE_DIR);
  const aged = (asOf: string) => ({ ...declaration, rates: { ...declaration.rates, asOf } });
  it('warns when the rates are more than 45 days old, naming their basis and the import command', () => {
    expect(declarationWarnings(aged('2026-10-01'), TODAY)).toEqual([expect.objectContaining({ file: 'rates.yaml', path: 'asOf', message: expect.stringMatching(/64 days old \(hand-set, as of 2026-10-01\).*rates:import/) })]);
  });
  it('is quiet for rates of this month', () => {
    expect(declarationWarnings(aged('2026-11-20'), TODAY)).toEqual([]);
  });
});
