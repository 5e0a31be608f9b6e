import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { RatesFileSchema, type RatesFile } from '../../bot/core/declaration/schema';

/** Where customs publishes its monthly exchange-rate table, named in rates.yaml unless `--url` says otherwise. */
export const CUSTOMS_RATES_URL = 'http://www.customs.gov.cn/';

export type RatesImport = { ok: true; yaml: string; rates: RatesFile; currencies: number } | { ok: false; errors: string[] };

const CODE = /^[A-Z]{3}$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** "2026-12-01", "2026/12/1" → "2026-12-01"; undefined when not a real calendar day. */
function isoDay(raw: string): string | undefined {
  const m = DATE.exec(raw.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** A positive decimal written with "." or "," as decimal mark ("7.1026", "0,0512"). */
function positive(raw: string): number | undefined {
  const text = raw.trim().replace(/\s/g, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return undefined;
  const n = Number(text.replace(',', '.'));
  return n > 0 && Number.isFinite(n) ? n : undefined;
}

/**
 * Reads customs' monthly rate table as CSV — one row per currency: `currency, units, rate, date`
 * (RMB for `units` units of the currency, e.g. `JPY,100,4.71,2026-12-01`; a header row is
 * allowed) — and returns rates.yaml with the new rates, `asOf` the table's date and
 * `basis: customs-monthly`, keeping the file's comments and symbols. Every row is checked; every
 * currency the current file knows must be in the table (the symbols and language files refer to
 * them). Nothing is written when anything is wrong.
 */
export function importRates(csv: string, currentYaml: string, sourceName: string, url = CUSTOMS_RATES_URL): RatesImport {
  const errors: string[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as string[][];
  } catch (e) {
    return { ok: false, errors: [`not readable as CSV: ${(e as Error).message}`] };
  }
  if (rows[0] && /^currency$/i.test(rows[0][0] ?? '')) rows = rows.slice(1);
  if (rows.length === 0) return { ok: false, errors: ['the table has no rows'] };
  const rates: Record<string, number> = { CNY: 1 };
  const dates = new Set<string>();
  rows.forEach((row, i) => {
    const line = `row ${i + 1}`;
    if (row.length !== 4) return void errors.push(`${line}: expected 4 columns (currency, units, rate, date), found ${row.length}`);
    const [code = '', unitsRaw = '', rateRaw = '', dateRaw = ''] = row;
    const currency = code.toUpperCase();
    const units = positive(unitsRaw);
    const rate = positive(rateRaw);
    const date = isoDay(dateRaw);
    if (!CODE.test(currency)) errors.push(`${line}: "${code}" is not a three-letter currency code`);
    if (units === undefined) errors.push(`${line}: units "${unitsRaw}" is not a positive number`);
    if (rate === undefined) errors.push(`${line}: rate "${rateRaw}" is not a positive number`);
    if (date === undefined) errors.push(`${line}: date "${dateRaw}" is not a date (YYYY-MM-DD)`);
    if (currency === 'CNY' && units !== undefined && rate !== undefined && rate / units !== 1) errors.push(`${line}: CNY must be 1 RMB per unit`);
    if (CODE.test(currency) && currency !== 'CNY' && rates[currency] !== undefined) errors.push(`${line}: ${currency} appears twice`);
    if (!CODE.test(currency) || units === undefined || rate === undefined || date === undefined) return;
    dates.add(date);
    rates[currency] = Number((rate / units).toPrecision(6));
  });
  if (dates.size > 1) errors.push(`the rows carry ${dates.size} different dates (${[...dates].sort().join(', ')}): import one month's table at a time`);
  const doc = parseDocument(currentYaml);
  const current = RatesFileSchema.safeParse(doc.toJS());
  if (!current.success) errors.push(`the current rates.yaml is invalid: ${current.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
  else {
    const missing = Object.keys(current.data.rates).filter((c) => rates[c] === undefined);
    if (missing.length > 0) errors.push(`the table lacks ${missing.join(', ')}, which rates.yaml knows (currency symbols and words refer to them)`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const asOf = [...dates][0]!;
  doc.set('asOf', asOf);
  doc.set('basis', 'customs-monthly');
  doc.setIn(['source', 'name'], sourceName);
  doc.setIn(['source', 'url'], url);
  doc.set('rates', doc.createNode(rates));
  const yaml = doc.toString({ lineWidth: 0 });
  const checked = RatesFileSchema.safeParse(parseDocument(yaml).toJS());
  if (!checked.success) return { ok: false, errors: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, yaml, rates: checked.data, currencies: Object.keys(rates).length };
}
