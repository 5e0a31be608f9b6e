import { resolve } from 'node:path';
import { loadEvalSet, runItem, summarise, type EvalOutcome } from '../../scripts/lib/evaluate';
import { makeServices } from '../fixtures/services';
import floor from './floor.json';

type Services = Awaited<ReturnType<typeof makeServices>>;

/**
 * Holds the accuracy reached on the evaluation sets (`npm run eval`) so it can only go up:
 * raise the figures in floor.json when the assistant improves, never lower them. `questions`
 * is the set the language data was tuned on; `holdout` was written apart and is never tuned on;
 * `blind<N>` were written blind and tuned on after their first run (DESIGN.md's history).
 * No set may ever get a harmful reply (an item's `never` pattern). One assistant serves every
 * set (each item runs in its own conversation), so memory stays that of one instance.
 */
let services: Services;
beforeAll(async () => {
  services = await makeServices({}, { databaseFile: 'memory' });
});
afterAll(async () => {
  await services.close();
});

describe.each(Object.keys(floor) as (keyof typeof floor)[])('evaluation set "%s"', (set) => {
  const items = loadEvalSet(resolve(__dirname), set);
  const f = floor[set];
  let report: ReturnType<typeof summarise>;
  beforeAll(async () => {
    const outcomes: EvalOutcome[] = [];
    for (const item of items) outcomes.push(await runItem(services.assistant, item));
    report = summarise(outcomes);
  });

  it('gives no harmful reply', () => {
    expect(report.harmful.ok).toBe(0);
  });
  it('covers every language', () => {
    const perLanguage = set === 'questions' ? 80 : 40;
    for (const lang of ['zh', 'en', 'ru'] as const) expect(items.filter((i) => i.lang === lang).length).toBeGreaterThanOrEqual(perLanguage);
  });
  it.each(['zh', 'en', 'ru'] as const)('answers %s questions at least as well as before', (lang) => {
    expect(report.answerableByLanguage[lang].rate).toBeGreaterThanOrEqual(f.answerable[lang]);
  });
  it('routes and escalates at least as well as before', () => {
    expect(report.routingEscalation.rate).toBeGreaterThanOrEqual(f.routingEscalation);
  });
  it('hands no more answerable questions to a person than before', () => {
    expect(report.falseEscalations.rate).toBeLessThanOrEqual(f.falseEscalationsMax);
  });
  it('misses no more escalations than before', () => {
    expect(report.missedEscalations.rate).toBeLessThanOrEqual(f.missedEscalationsMax);
  });
});
