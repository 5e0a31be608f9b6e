import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { KnowledgeBundle, KnowledgeIssue } from '../knowledge/load';
import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { DeclarationDataSchema, DeclarationLanguageSchema, RatesFileSchema, type DeclarationData, type DeclarationLanguage, type RatesFile } from './schema';

/** The declaration check's own knowledge files, parsed. */
export type DeclarationKnowledge = { rates: RatesFile; data: DeclarationData; languages: Record<LanguageCode, DeclarationLanguage> };

/** Files of the declaration check, relative to the knowledge dir. */
export const DECLARATION_FILES = { rates: 'rates.yaml', data: 'declaration.yaml', language: (l: LanguageCode) => `lang/declaration.${l}.yaml` } as const;

/** Limits the declaration check reads (kb:check verifies each exists). */
export const DECLARATION_LIMITS = [
  'valueAllowance.resident',
  'valueAllowance.non_resident',
  'valueAllowance.residentFromHkMacao',
  'redChannel.residentGoodsOrdinary',
  'redChannel.residentGoodsFromHkMacao',
  'redChannel.nonResidentGoodsLeftInChina',
  ...['ordinary', 'hk_macao', 'frequent'].flatMap((r) => [`tobacco.${r}.cigarettes`, `tobacco.${r}.cigars`, `tobacco.${r}.tobaccoGrams`, `alcohol.${r}.bottles`, `alcohol.${r}.totalMl`]),
  'alcohol.minAbvPercent',
  'alcohol.standardBottleMl',
  'units.cigarettesPerPack',
  'units.cigarettesPerCarton',
  'cash.rmbMax',
  'cash.foreignDeclareAboveUsd',
  'tax.band1Percent',
  'tax.band2Percent',
  'tax.band3Percent',
  'tax.highEndWatchRmb',
  'gold.declareAboveGrams',
  'storage.months',
] as const;

export type DeclarationLoadResult = { ok: true; knowledge: DeclarationKnowledge } | { ok: false; issues: KnowledgeIssue[] };

/** Reads and validates rates.yaml, declaration.yaml and lang/declaration.<lang>.yaml; returns every issue. */
export function loadDeclarationKnowledge(dir: string): DeclarationLoadResult {
  const issues: KnowledgeIssue[] = [];
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> | undefined => {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      issues.push({ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) for (const i of parsed.error.issues) issues.push({ file, path: i.path.join('.'), message: i.message });
    return parsed.success ? parsed.data : undefined;
  };
  const rates = read(DECLARATION_FILES.rates, RatesFileSchema);
  const data = read(DECLARATION_FILES.data, DeclarationDataSchema);
  const languages: Partial<Record<LanguageCode, DeclarationLanguage>> = {};
  for (const lang of LANGUAGES) {
    const file = DECLARATION_FILES.language(lang);
    const l = read(file, DeclarationLanguageSchema);
    if (l && l.lang !== lang) issues.push({ file, path: 'lang', message: `says "${l.lang}", expected "${lang}"` });
    else if (l) languages[lang] = l;
  }
  const complete = (l: typeof languages): l is Record<LanguageCode, DeclarationLanguage> => LANGUAGES.every((c) => l[c] !== undefined);
  if (issues.length > 0 || !rates || !data || !complete(languages)) return { ok: false, issues };
  return { ok: true, knowledge: { rates, data, languages } };
}

/** Loads the declaration files or throws one error listing every issue (start-up path). */
export function loadDeclarationKnowledgeOrThrow(dir: string): DeclarationKnowledge {
  const r = loadDeclarationKnowledge(dir);
  if (!r.ok) throw new Error(`bot: declaration knowledge is invalid:\n${r.issues.map((i) => `  ${i.file}${i.path ? ` › ${i.path}` : ''}: ${i.message}`).join('\n')}`);
  return r.knowledge;
}

/**
 * Cross-file rules: limits the code reads exist, every class, drink and currency the language
 * files name is known, articles are concepts of knowledge/lang/*.yaml, cited entries exist,
 * and the rates are at most `maxAgeMonths` old.
 */
export function checkDeclarationKnowledge(k: DeclarationKnowledge, bundle: KnowledgeBundle, today: Date, maxAgeMonths = 12): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const issue = (file: string, path: string, message: string) => issues.push({ file, path, message });
  const limits = bundle.limits.values;
  for (const path of DECLARATION_LIMITS) if (!limits.has(path)) issue('limits.yaml', path, 'required by the declaration check but missing');
  for (const band of new Set(Object.values(k.data.goodsBands))) if (!limits.has(`tax.band${band}Percent`)) issue('limits.yaml', `tax.band${band}Percent`, 'band used by declaration.yaml goodsBands is missing');
  for (const [drink, d] of Object.entries(k.data.drinks)) if (d.exampleValue && !limits.has(d.exampleValue)) issue(DECLARATION_FILES.data, `drinks.${drink}.exampleValue`, `"${d.exampleValue}" is not in limits.yaml`);
  const classes = Object.keys(k.data.goodsBands);
  for (const c of k.data.classPriority) if (!classes.includes(c)) issue(DECLARATION_FILES.data, 'classPriority', `"${c}" is not a class of goodsBands`);
  for (const c of classes) if (!k.data.classPriority.includes(c) && c !== k.data.highEndWatch.to) issue(DECLARATION_FILES.data, 'classPriority', `class "${c}" is missing`);
  for (const c of [k.data.highEndWatch.from, k.data.highEndWatch.to, ...Object.keys(k.data.classNotes)]) if (!classes.includes(c)) issue(DECLARATION_FILES.data, 'highEndWatch', `"${c}" is not a class of goodsBands`);
  for (const [combined, parts] of Object.entries(k.data.classCombos)) for (const c of [combined, ...parts]) if (!classes.includes(c)) issue(DECLARATION_FILES.data, `classCombos.${combined}`, `"${c}" is not a class of goodsBands`);
  for (const [symbol, code] of Object.entries(k.rates.symbols)) if (k.rates.rates[code] === undefined) issue(DECLARATION_FILES.rates, `symbols.${symbol}`, `currency ${code} has no rate`);
  for (const lang of LANGUAGES) {
    const file = DECLARATION_FILES.language(lang);
    const l = k.languages[lang];
    for (const c of Object.keys(l.goods)) if (!classes.includes(c)) issue(file, `goods.${c}`, `"${c}" is not a class of declaration.yaml goodsBands`);
    for (const d of Object.keys(l.drinks)) if (!k.data.drinks[d]) issue(file, `drinks.${d}`, `"${d}" is not a drink of declaration.yaml`);
    for (const code of Object.keys(l.currencies)) if (k.rates.rates[code] === undefined) issue(file, `currencies.${code}`, `${code} has no rate in rates.yaml`);
    // a currency with a rate but no word in a language is read as another one of the message ("сумка 9 500 лир" priced in dollars)
    for (const code of Object.keys(k.rates.rates)) if (!l.currencies[code]?.length && !l.currencySuffixes[code]?.length) issue(file, `currencies.${code}`, `${code} has a rate in rates.yaml but no word in this language`);
  }
  const concepts = new Set(LANGUAGES.flatMap((l) => Object.keys(bundle.languages[l].concepts)));
  const entries = new Set(bundle.entries.map((e) => e.id));
  for (const [concept, a] of Object.entries(k.data.articles)) {
    if (!concepts.has(concept)) issue(DECLARATION_FILES.data, `articles.${concept}`, `"${concept}" is not a concept in knowledge/lang/*.yaml`);
    if (!entries.has(a.entry)) issue(DECLARATION_FILES.data, `articles.${concept}.entry`, `no knowledge entry "${a.entry}"`);
  }
  for (const [key, id] of Object.entries(k.data.entries)) if (!entries.has(id)) issue(DECLARATION_FILES.data, `entries.${key}`, `no knowledge entry "${id}"`);
  const cutoff = new Date(today);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - maxAgeMonths);
  if (new Date(`${k.rates.asOf}T00:00:00Z`) < cutoff) issue(DECLARATION_FILES.rates, 'asOf', `rates of ${k.rates.asOf} are more than ${maxAgeMonths} months old; import the current customs table (npm run rates:import FILE)`);
  if (new Date(`${k.data.reviewed}T00:00:00Z`) < cutoff) issue(DECLARATION_FILES.data, 'reviewed', `last reviewed ${k.data.reviewed}, more than ${maxAgeMonths} months ago`);
  return issues;
}

/** Rates older than this many days are warned about (customs publishes its table monthly). */
export const RATES_WARN_AFTER_DAYS = 45;

/** Warnings that do not fail kb:check: rates older than RATES_WARN_AFTER_DAYS days. */
export function declarationWarnings(k: DeclarationKnowledge, today: Date): KnowledgeIssue[] {
  const ageDays = Math.floor((today.getTime() - new Date(`${k.rates.asOf}T00:00:00Z`).getTime()) / 86_400_000);
  if (ageDays <= RATES_WARN_AFTER_DAYS) return [];
  return [{ file: DECLARATION_FILES.rates, path: 'asOf', message: `rates are ${ageDays} days old (${k.rates.basis}, as of ${k.rates.asOf}); import customs' monthly table: npm run rates:import FILE` }];
}
