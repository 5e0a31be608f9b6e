import type { Services } from '../../../bot/compose';
import { composeAnswer } from '../../../bot/core/answer';
import { loadKnowledgeOrThrow } from '../../../bot/core/knowledge/load';
import { LANGUAGES, type LanguageCode } from '../../../bot/core/knowledge/schema';
import type { Reply } from '../../../bot/core/types';
import { KNOWLEDGE_DIR, makeServices } from '../../fixtures/services';

/** Issue 12, "Fill": the departure refund fix and the new entries, read as a traveller gets them. */
const bundle = loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const entry = (id: string) => {
  const e = bundle.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
const fullText = (id: string, lang: LanguageCode) => {
  const c = composeAnswer(bundle, entry(id), lang);
  return `${c.text}\n${c.more ?? ''}`;
};

describe('departure tax refund (issue 12 fix)', () => {
  // a refund above RMB 20,000 is paid wholly by bank transfer, not "cash up to 20,000 and the rest by transfer"
  const wholly: Record<LanguageCode, RegExp> = { zh: /超过20,000元的，全部通过银行转账/, en: /above RMB 20,000 is paid entirely by bank transfer/, ru: /больше 20\s000 юаней, её целиком перечисляют банковским переводом/ };
  const split: Record<LanguageCode, RegExp> = { zh: /超过部分/, en: /anything above/i, ru: /сверх этого/ };
  it.each(LANGUAGES)('says a refund above 20,000 is paid wholly by bank transfer (%s)', async (lang) => {
    const lead = composeAnswer(bundle, entry('departure-tax-refund'), lang).text;
    expect(lead).toMatch(wholly[lang]);
    expect(lead).not.toMatch(split[lang]);
  });
  it.each(LANGUAGES)('states who qualifies: 183 days of stay, 90 days to leave (%s)', async (lang) => {
    const text = fullText('departure-tax-refund', lang);
    expect(text).toMatch(/183/);
    expect(text).toMatch(/(?<!\d)90(?!\d)/);
  });
});

describe('new entries (issue 12 fill)', () => {
  it.each(LANGUAGES)('limits the RMB 50 waiver to posted parcels, not baggage (%s)', async (lang) => {
    const text = fullText('postal-parcels', lang);
    expect(text).toMatch(/2,000|2\s000/);
    expect(text).toMatch({ zh: /不适用于随身携带的行李/, en: /not for baggage/, ru: /не для багажа/ }[lang]);
  });
  it.each(['postal-parcels', 'long-stay-personal-effects', 'transit-passengers', 'declare-prohibited-items'])('%s says in every language what is unsure and cites sources of its own', async (id) => {
    const e = entry(id);
    expect(e.unsure).toBe(true);
    for (const lang of LANGUAGES) expect(composeAnswer(bundle, e, lang).text).toMatch(/12360/);
    const urls = e.sources.map((s) => bundle.sources.get(s.source)?.url);
    expect(urls.every((u) => typeof u === 'string')).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
  });
  it('sends visa questions about transit to border inspection, not to the transit entry', async () => {
    expect(entry('transit-passengers').excludes).toContain('border');
  });
});

describe('answers to the new topics (assistant)', () => {
  let services: Services;
  beforeAll(async () => {
    services = await makeServices({}, { databaseFile: 'memory' });
  });
  afterAll(() => services.close());
  const ask = async (text: string): Promise<Reply> => {
    const r = await services.assistant.handleMessage({ text, channel: 'api', conversationId: undefined as never });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.reply;
  };

  it.each([
    ['can i bring zolpidem for my insomnia?', /Class II/],
    ['安眠药阿普唑仑能带入境吗', /第二类精神药品/],
    ['можно ли ввезти в Китай лоразепам', /второй категории/],
  ])('says no official rule was found for Class II medicines and offers a person (%s)', async (text, pattern) => {
    const reply = await ask(text);
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'controlled-medicines' });
    expect(reply.text).toMatch(pattern);
    expect(reply.text).toMatch(/coordinator|人工|сотрудник/);
  });
  it('routes a visa-free transit question to border inspection', async () => {
    expect(await ask('can i use the 240 hour visa free transit in harbin?')).toMatchObject({ kind: 'routed' });
  });
});
