/**
 * Writes the casebook (协调台账) for printing and training, from the database the server uses.
 * Usage: npm run casebook:export -- --format md|csv [--out FILE] [--category CATEGORY]
 * Without --out it prints to stdout. Texts are stored redacted (passport and phone numbers)
 * and are redacted again on the way out.
 */
import { writeFileSync } from 'node:fs';
import { createStores } from '../bot/adapters/storage/create-stores';
import type { Stores } from '../bot/adapters/storage/ports';
import { systemClock } from '../bot/adapters/system/system';
import { ConfigError, loadConfig } from '../bot/config';
import { describeDatabase, withEnvFile, type Env } from '../bot/env-file';
import { CASE_CATEGORIES, casebookToCsv, casebookToMarkdown, type CasebookEntry, type CaseCategory } from '../bot/core/casebook';
import { redactText } from '../bot/core/redact';

const USAGE = 'usage: npm run casebook:export -- --format md|csv [--out FILE] [--category CATEGORY]';

function redacted(c: CasebookEntry): CasebookEntry {
  return { ...c, question: redactText(c.question), summary: redactText(c.summary), transcript: c.transcript.map((l) => ({ ...l, text: redactText(l.text) })) };
}

async function main(argv: string[], env: Env): Promise<number> {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const format = arg('--format');
  const out = arg('--out');
  const category = arg('--category');
  if (format !== 'md' && format !== 'csv') {
    console.error(`casebook:export: --format must be md or csv\n${USAGE}`);
    return 2;
  }
  if (argv.includes('--out') && !out) {
    console.error(`casebook:export: --out needs a file name\n${USAGE}`);
    return 2;
  }
  if (category !== undefined && !CASE_CATEGORIES.includes(category as CaseCategory)) {
    console.error(`casebook:export: --category must be one of ${CASE_CATEGORIES.join(', ')}`);
    return 2;
  }
  let stores: Stores;
  try {
    const loaded = withEnvFile(env);
    const config = loadConfig(loaded.env);
    console.error(`casebook:export: ${describeDatabase(loaded, config.databaseFile)}`); // stderr: stdout stays the machine-readable output
    stores = await createStores(config, systemClock);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `casebook:export: ${(e as Error).message}`);
    return 1;
  }
  try {
    const cases = (await stores.casebook.listCases(category ? { category: category as CaseCategory } : {})).map(redacted);
    const text = format === 'md' ? casebookToMarkdown(cases) : casebookToCsv(cases);
    if (out) {
      writeFileSync(out, format === 'csv' ? `\ufeff${text}` : text);
      console.error(`casebook:export: ${cases.length} case(s) written to ${out}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
