/**
 * Runs the evaluation set (test/eval/questions.*.yaml) through the assistant's core, the same
 * code path as POST /api/v1/chat, and prints accuracy by language and kind, false and missed
 * escalations, and every failure. Usage: npm run eval [-- --quiet] [--json]
 */
import { resolve } from 'node:path';
import { loadConfig } from '../bot/config';
import { createServices } from '../bot/compose';
import { loadEvalSet, runItem, summarise, type Rate } from './lib/evaluate';

const pct = (r: Rate) => `${(r.rate * 100).toFixed(1)}% (${r.ok}/${r.total})`;

function main(argv: string[]): number {
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), { databaseFile: ':memory:' });
  const items = loadEvalSet(resolve('test/eval'));
  const report = summarise(items.map((item) => runItem(services.assistant, item)));
  services.close();
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ ...report, failures: report.failures.map((f) => ({ lang: f.item.lang, q: f.item.q.slice(0, 200), problems: f.problems })) }, null, 2));
    return 0;
  }
  if (!argv.includes('--quiet')) {
    for (const f of report.failures) {
      console.log(`✗ [${f.item.lang} #${f.item.line}] ${f.item.q.replace(/\s+/g, ' ').slice(0, 110)}`);
      console.log(`    ${f.problems.join('; ')}`);
    }
    console.log('');
  }
  console.log(`eval: ${items.length} questions`);
  console.log(`  overall                 ${pct(report.overall)}`);
  for (const [lang, r] of Object.entries(report.byLanguage)) console.log(`  language ${lang}             ${pct(r)}   answerable ${pct(report.answerableByLanguage[lang as 'zh'])}`);
  for (const [kind, r] of Object.entries(report.byKind)) console.log(`  kind ${kind.padEnd(10)}         ${pct(r)}`);
  console.log(`  routing + escalation    ${pct(report.routingEscalation)}`);
  console.log(`  false escalations       ${pct(report.falseEscalations)} of answerable questions`);
  console.log(`  missed escalations      ${pct(report.missedEscalations)} of questions that needed a person`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
