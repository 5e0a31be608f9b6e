import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importRates } from '../../scripts/lib/rates-import';
import { loadDeclarationKnowledgeOrThrow } from '../../bot/core/declaration';
import { KNOWLEDGE_DIR } from '../fixtures/services';

const currentYaml = readFileSync(join(KNOWLEDGE_DIR, 'rates.yaml'), 'utf8');
const codes = Object.keys(parse(currentYaml).rates as Record<string, number>).filter((c) => c !== 'CNY');
/** A table in customs' layout: RMB per 100 units for the small currencies. */
const table = (date = '2026-12-01', skip = '') =>
  ['currency,units,rate,date', ...codes.filter((c) => c !== skip).map((c, i) => (c === 'JPY' || c === 'KRW' ? `${c},100,${(4.5 + i / 10).toFixed(4)},${date}` : `${c},1,${(1 + i).toFixed(4)},${date}`))].join('\n');

describe('rates:import (issue 12)', () => {
  it('writes customs rates with the table date, the basis and per-unit rates, keeping comments and symbols', () => {
    const r = importRates(table(), currentYaml, 'GACC monthly table');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.rates.asOf).toBe('2026-12-01');
    expect(r.rates.basis).toBe('customs-monthly');
    expect(r.rates.rates.JPY).toBeCloseTo(0.045 + codes.indexOf('JPY') / 1000, 6);
    expect(r.rates.rates.CNY).toBe(1);
    expect(r.rates.symbols['₽']).toBe('RUB');
    expect(r.yaml).toContain('# Currency symbols');
  });
  it.each([
    ['a bad code', (t: string) => t.replace('USD,1', 'US1,1'), /"US1" is not a three-letter currency code/],
    ['a negative rate', (t: string) => t.replace(/\nUSD,1,[\d.]+,/, '\nUSD,1,-7.1,'), /rate "-7.1" is not a positive number/],
    ['an impossible date', (t: string) => t.replace(/2026-12-01/g, '2026-02-30'), /date "2026-02-30" is not a date/],
    ['two months mixed', (t: string) => t.replace(/(\nUSD,1,[\d.]+,)2026-12-01/, '$12026-11-01'), /2 different dates/],
    ['a duplicated currency', (t: string) => `${t}\nUSD,1,7.2,2026-12-01`, /USD appears twice/],
    ['a short row', (t: string) => `${t}\nGBP,1,9.4`, /expected 4 columns/],
  ])('refuses %s and names it', (_name, change, message) => {
    const r = importRates(change(table()), currentYaml, 'x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
  it('refuses a table that lacks a currency the symbols refer to', () => {
    const r = importRates(table('2026-12-01', 'RUB'), currentYaml, 'x');
    expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/lacks RUB/)]);
  });
  it('from the command line: writes a valid file, and writes nothing for a bad table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rates-'));
    try {
      cpSync(KNOWLEDGE_DIR, join(dir, 'knowledge'), { recursive: true });
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, table().replace('USD,1', 'USD,x'));
      expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import-rates.ts', bad, '--dir', join(dir, 'knowledge')], { stdio: 'pipe' })).toThrow(/units "x" is not a positive number/);
      expect(readFileSync(join(dir, 'knowledge', 'rates.yaml'), 'utf8')).toBe(currentYaml);
      const good = join(dir, 'good.csv');
      writeFileSync(good, table('2026/12/1'));
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import-rates.ts', good, '--dir', join(dir, 'knowledge')], { stdio: 'pipe' });
      const loaded = loadDeclarationKnowledgeOrThrow(join(dir, 'knowledge'));
      expect(loaded.rates).toMatchObject({ asOf: '2026-12-01', basis: 'customs-monthly' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
