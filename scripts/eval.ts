/**
 * Runs the evaluation sets through the assistant's core, the same code path as
 * POST /api/v1/chat, and prints accuracy by language and kind, false and missed escalations,
 * and every failure: test/eval/questions.*.yaml (the set the language data was tuned on) and
 * test/eval/holdout.*.yaml (written apart and never tuned on: the honest figure).
 * Usage: npm run eval [-- --set questions|holdout] [--quiet] [--json]
 */
import { resolve } from 'node:path';
import { loadConfig } from '../bot/config';
import { createServices } from '../bot/compose';
import { loadEvalSet, runItem, summarise, type Rate } from './lib/evaluate';

const pct = (r: Rate) => `${(r.rate * 100).toFixed(1)}% (${r.ok}/${r.total})`;

function main(argv: string[]): number {
  const setAt = argv.indexOf('--set');
  const sets = setAt >= 0 ? [argv[setAt + 1] as 'questions' | 'holdout'] : (['questions', 'holdout'] as const);
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), { databaseFile: ':memory:' });
  for (const set of sets) {
    if (set !== 'questions' && set !== 'holdout') {
      console.error('eval: --set must be questions or holdout');
      return 2;
    }
    const items = loadEvalSet(resolve('test/eval'), set);
    printReport(set, items.length, summarise(items.map((item) => runItem(services.assistant, item))), argv);
  }
  services.close();
  return 0;
}

function printReport(set: string, count: number, report: ReturnType<typeof summarise>, argv: string[]): void {
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ set, ...report, failures: report.failures.map((f) => ({ lang: f.item.lang, q: f.item.q.slice(0, 200), problems: f.problems })) }, null, 2));
    return;
  }
  if (!argv.includes('--quiet')) {
    for (const f of report.failures) {
      console.log(`✗ [${set} ${f.item.lang} #${f.item.line}] ${f.item.q.replace(/\s+/g, ' ').slice(0, 110)}`);
      console.log(`    ${f.problems.join('; ')}`);
    }
    console.log('');
  }
  console.log(`eval (${set}): ${count} questions`);
  console.log(`  overall                 ${pct(report.overall)}`);
  for (const [lang, r] of Object.entries(report.byLanguage)) console.log(`  language ${lang}             ${pct(r)}   answerable ${pct(report.answerableByLanguage[lang as 'zh'])}`);
  for (const [kind, r] of Object.entries(report.byKind)) console.log(`  kind ${kind.padEnd(10)}         ${pct(r)}`);
  console.log(`  routing + escalation    ${pct(report.routingEscalation)}`);
  console.log(`  false escalations       ${pct(report.falseEscalations)} of answerable questions`);
  console.log(`  missed escalations      ${pct(report.missedEscalations)} of questions that needed a person`);
  console.log('');
}

process.exitCode = main(process.argv.slice(2));
