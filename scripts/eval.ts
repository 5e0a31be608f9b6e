/**
 * Runs the evaluation sets through the assistant's core, the same code path as
 * POST /api/v1/chat, and prints accuracy by language and kind, false and missed escalations,
 * harmful replies, reply lengths, every failure, and a plain lunr baseline beside the assistant
 * (issue 9). Sets: test/eval/questions.*.yaml (tuned on), holdout.*.yaml (written apart),
 * blind<N>.*.yaml (fresh sets by helpers who never saw the data; first-run figures in DESIGN.md).
 * Usage: npm run eval [-- --set NAME [--dir DIR]] [--quiet] [--json]
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../bot/config';
import { withEnvFile } from '../bot/env-file';
import { createServices } from '../bot/compose';
import { LANGUAGES, type LanguageCode } from '../bot/core/knowledge/schema';
import { createBaseline, type Baseline } from './lib/baseline';
import { acceptedEntries, loadEvalSet, runItem, summarise, type EvalItem, type EvalOutcome, type Rate } from './lib/evaluate';

const pct = (r: Rate) => `${(r.rate * 100).toFixed(1)}% (${r.ok}/${r.total})`;
const rate = (ok: number, total: number): Rate => ({ ok, total, rate: total === 0 ? 1 : ok / total });

/** Sets found in a folder: every NAME with NAME.zh.yaml, NAME.en.yaml and NAME.ru.yaml. */
function setsIn(dir: string): string[] {
  const files = new Set(readdirSync(dir));
  const names = [...files].filter((f) => f.endsWith('.zh.yaml')).map((f) => f.slice(0, -'.zh.yaml'.length));
  return names.filter((n) => LANGUAGES.every((l) => files.has(`${n}.${l}.yaml`))).sort();
}

async function main(argv: string[]): Promise<number> {
  const arg = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const dir = resolve(arg('--dir') ?? 'test/eval');
  const only = arg('--set');
  const sets = only ? [only] : setsIn(dir);
  const services = await createServices(loadConfig({ ...withEnvFile(process.env).env, LOG_LEVEL: 'silent' }), { databaseFile: ':memory:' });
  const baseline = createBaseline(services.runtime.current().knowledge.entries);
  for (const set of sets) {
    let items: EvalItem[];
    try {
      items = loadEvalSet(dir, set);
    } catch (e) {
      console.error((e as Error).message);
      return 2;
    }
    const outcomes: EvalOutcome[] = [];
    for (const item of items) outcomes.push(await runItem(services.assistant, item));
    printReport(set, outcomes, baseline, argv);
  }
  await services.close();
  return 0;
}

/**
 * Answerable items whose entry is a knowledge entry (not the computed declaration check), right
 * when the first cited entry is an accepted one: the one measure both sides can be held to.
 */
function entryAccuracy(outcomes: EvalOutcome[], baseline: Baseline, lang: LanguageCode): { assistant: Rate; baseline: Rate } {
  const items = outcomes.filter((o) => o.item.lang === lang && (o.item.kind === 'answer' || o.item.kind === 'clarify') && acceptedEntries(o.item).some((e) => e !== 'declaration-check'));
  const right = (id: string | undefined, o: EvalOutcome) => id !== undefined && acceptedEntries(o.item).includes(id);
  const assistantOk = items.filter((o) => (o.reply.kind === 'answer' || o.reply.kind === 'clarify') && right(o.reply.entryId, o)).length;
  const baselineOk = items.filter((o) => right(baseline.answer(o.item.q, lang), o)).length;
  return { assistant: rate(assistantOk, items.length), baseline: rate(baselineOk, items.length) };
}

function printReport(set: string, outcomes: EvalOutcome[], baseline: Baseline, argv: string[]): void {
  const report = summarise(outcomes);
  const versus = Object.fromEntries(LANGUAGES.map((l) => [l, entryAccuracy(outcomes, baseline, l)])) as Record<LanguageCode, ReturnType<typeof entryAccuracy>>;
  const lists = outcomes.filter((o) => acceptedEntries(o.item).includes('declaration-check'));
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ set, ...report, versus, failures: report.failures.map((f) => ({ lang: f.item.lang, q: f.item.q.slice(0, 200), problems: f.problems })) }, null, 2));
    return;
  }
  if (!argv.includes('--quiet')) {
    for (const f of report.failures) {
      console.log(`✗ [${set} ${f.item.lang} #${f.item.line}] ${f.item.q.replace(/\s+/g, ' ').slice(0, 110)}`);
      console.log(`    ${f.problems.join('; ')}`);
    }
    console.log('');
  }
  console.log(`eval (${set}): ${outcomes.length} questions`);
  console.log(`  overall                 ${pct(report.overall)}`);
  for (const lang of LANGUAGES) console.log(`  language ${lang}             ${pct(report.byLanguage[lang])}   answerable ${pct(report.answerableByLanguage[lang])}`);
  for (const [kind, r] of Object.entries(report.byKind)) console.log(`  kind ${kind.padEnd(10)}         ${pct(r)}`);
  console.log(`  purchase lists          ${pct(rate(lists.filter((o) => o.problems.length === 0).length, lists.length))} fully right`);
  console.log(`  routing + escalation    ${pct(report.routingEscalation)}`);
  console.log(`  false escalations       ${pct(report.falseEscalations)} of answerable questions`);
  console.log(`  missed escalations      ${pct(report.missedEscalations)} of questions that needed a person`);
  console.log(`  HARMFUL replies         ${report.harmful.ok} of ${report.harmful.total} items with a "never" pattern`);
  console.log(`  right entry, assistant vs plain lunr baseline (answerable, knowledge entries only):`);
  for (const lang of LANGUAGES) console.log(`    ${lang}   assistant ${pct(versus[lang].assistant).padEnd(18)} baseline ${pct(versus[lang].baseline)}`);
  console.log(`  reply length (characters) ${LANGUAGES.map((l) => `${l} p50 ${report.lengths[l].p50} p95 ${report.lengths[l].p95} max ${report.lengths[l].max}`).join(' · ')}`);
  console.log('');
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
