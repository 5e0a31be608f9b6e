/**
 * Imports customs' monthly exchange-rate table into knowledge/rates.yaml (issue 12).
 * Usage: npm run rates:import -- FILE.csv [--dir knowledge] [--url URL] [--name "source name"]
 * CSV columns: currency, units, rate, date — RMB for `units` units, e.g. `JPY,100,4.71,2026-12-01`.
 * Validates every row and writes nothing when anything is wrong (exit code 1, each problem named).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importRates } from './lib/rates-import';

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!file) {
    console.error('usage: npm run rates:import -- FILE.csv [--dir knowledge] [--url URL] [--name "source name"]');
    return 2;
  }
  const target = join(resolve(arg('--dir') ?? 'knowledge'), 'rates.yaml');
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`rates:import: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const name = arg('--name') ?? `GACC monthly exchange-rate table (海关月度汇率), imported from ${basename(file)}`;
  const result = importRates(csv, readFileSync(target, 'utf8'), name, arg('--url'));
  if (!result.ok) {
    console.error(`rates:import: nothing written, ${result.errors.length} problem(s) in ${file}:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
    return 1;
  }
  writeFileSync(target, result.yaml);
  console.log(`rates:import: ${result.currencies} currencies as of ${result.rates.asOf} written to ${target}; run npm run kb:check`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
