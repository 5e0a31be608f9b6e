import { resolve } from 'node:path';
import { loadEvalSet, runItem, summarise } from '../../scripts/lib/evaluate';
import { makeServices } from '../fixtures/services';
import floor from './floor.json';

/**
 * Holds the accuracy reached on the evaluation set (`npm run eval`) so it can only go up:
 * raise the figures in floor.json when the assistant improves, never lower them.
 */
describe('evaluation set', () => {
  const services = makeServices();
  const items = loadEvalSet(resolve(__dirname));
  const report = summarise(items.map((item) => runItem(services.assistant, item)));
  afterAll(() => services.close());

  it('has at least 300 questions, 80 per language', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['zh', 'en', 'ru'] as const) expect(items.filter((i) => i.lang === lang).length).toBeGreaterThanOrEqual(80);
  });
  it.each(['zh', 'en', 'ru'] as const)('answers %s questions at least as well as before', (lang) => {
    expect(report.answerableByLanguage[lang].rate).toBeGreaterThanOrEqual(floor.answerable[lang]);
  });
  it('routes and escalates at least as well as before', () => {
    expect(report.routingEscalation.rate).toBeGreaterThanOrEqual(floor.routingEscalation);
  });
  it('hands no more answerable questions to a person than before', () => {
    expect(report.falseEscalations.rate).toBeLessThanOrEqual(floor.falseEscalationsMax);
  });
  it('misses no more escalations than before', () => {
    expect(report.missedEscalations.rate).toBeLessThanOrEqual(floor.missedEscalationsMax);
  });
});
