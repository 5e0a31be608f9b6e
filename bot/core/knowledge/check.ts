import { placeholdersIn } from './render';
import type { KnowledgeBundle, KnowledgeIssue } from './load';
import { FACETS } from './lang-schema';
import { registryIssues } from './sources';
import { LANGUAGES, type KnowledgeEntry, type LanguageCode } from './schema';

/** Limits the code reads directly (declaration check, composer); kb:check verifies they exist. */
export const REQUIRED_LIMITS = [
  'valueAllowance.resident',
  'valueAllowance.non_resident',
  'tobacco.ordinary.cigarettes',
  'tobacco.hk_macao.cigarettes',
  'tobacco.frequent.cigarettes',
  'units.cigarettesPerCarton',
  'units.cigarettesPerPack',
  'cash.rmbMax',
  'cash.foreignDeclareAboveUsd',
  'tax.band3Percent',
] as const;

/**
 * Numbers followed (or, for currencies, preceded) by a unit that limits.yaml governs. Such a
 * number must be a `{{placeholder}}`, so the three languages cannot disagree.
 */
const GOVERNED: Record<LanguageCode, RegExp> = {
  en: /(?:(?:RMB|CNY|USD|EUR|US\$|\$|€|¥)\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:yuan|rmb|cny|usd|us dollars?|dollars?|eur|euros?|cigarettes?|cigars?|sticks?|packs?|cartons?|grams?|g|kg|ml|millilitres?|l|litres?|liters?|bottles?|%|percent|per cent|days?|months?|iu|devices?|pods?)\b)/gi,
  ru: /(?:(?:RMB|CNY|USD|EUR|\$|€|¥)\s?\d[\d ,.]*|(?<![\p{L}\d])\d[\d ,.]*\s?(?:юан|руб|долл|евро|сигарет|сигар|стик|пач|блок|шт|г(?![\p{L}])|гр|кг|мл|л(?![\p{L}])|литр|бутыл|%|процент|дн|дней|день|месяц|устройств|картридж|под))/giu,
  zh: /(?:(?:RMB|CNY|USD|EUR|\$|€|¥|￥)\s?\d[\d,.]*|\d[\d,.]*\s?(?:元|块|美元|欧元|卢布|支|根|条|包|盒|克|公斤|千克|毫升|升|瓶|%|％|天|日内|个月|台|个烟弹|个))/gi,
};

/** Literal governed numbers in a text (placeholders removed first). */
export function literalGovernedNumbers(text: string, lang: LanguageCode): string[] {
  const stripped = text.replace(/\{\{[^}]*\}\}/g, ' ');
  return [...stripped.matchAll(GOVERNED[lang])].map((m) => m[0].trim());
}

/**
 * Rules beyond the schemas: unknown placeholders, literal governed numbers, stale review
 * dates (older than `maxAgeMonths`), tags unknown to the language data, required limits.
 */
export function checkKnowledge(bundle: KnowledgeBundle, today: Date, maxAgeMonths = 12): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const cutoff = new Date(today);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - maxAgeMonths);
  const stale = (date: string) => new Date(`${date}T00:00:00Z`) < cutoff;
  const concepts = new Set(LANGUAGES.flatMap((l) => Object.keys(bundle.languages[l].concepts)));

  for (const path of REQUIRED_LIMITS) {
    if (!bundle.limits.values.has(path)) issues.push({ file: 'limits.yaml', path, message: 'required by the code but missing' });
  }
  if (stale(bundle.limits.reviewed)) issues.push({ file: 'limits.yaml', path: 'reviewed', message: `last reviewed ${bundle.limits.reviewed}, more than ${maxAgeMonths} months ago` });
  if (stale(bundle.departmentsReviewed)) issues.push({ file: 'departments.yaml', path: 'reviewed', message: `last reviewed ${bundle.departmentsReviewed}, more than ${maxAgeMonths} months ago` });

  for (const message of registryIssues(bundle.sources)) issues.push({ file: 'sources.yaml', path: 'sources', message });
  // a concept no entry is tagged with routes its words nowhere (the "nuts" words once did)
  const used = new Set(bundle.entries.flatMap((e) => [...e.tags, ...e.requires, ...e.excludes, ...e.facets.flat()]));
  for (const concept of concepts) {
    if (!used.has(concept)) issues.push({ file: 'lang/*.yaml', path: `concepts.${concept}`, message: `no entry is tagged with "${concept}": add it to an entry's tags, or drop the concept` });
  }
  const day = today.toISOString().slice(0, 10);
  for (const entry of bundle.entries) {
    const file = bundle.files.get(entry.id) ?? entry.id;
    if (entry.validUntil && entry.validUntil < day) issues.push({ file, path: 'validUntil', message: `presents a measure that lapsed after ${entry.validUntil} as current: rewrite it as ended (and drop validUntil), or remove the entry` });
    if (entry.validFrom && entry.validUntil && entry.validFrom > entry.validUntil) issues.push({ file, path: 'validUntil', message: 'validUntil is before validFrom' });
    const quoted = new Set(LANGUAGES.flatMap((lang) => answerTexts(entry, lang).flatMap(([, text]) => placeholdersIn(text))));
    for (const path of quoted) {
      const group = path.split('.')[0] ?? path;
      const until = bundle.limits.validity.get(group)?.until;
      if (until && until < day) issues.push({ file, path: 'answer', message: `quotes {{${path}}}, a figure of "${group}", a measure that lapsed after ${until}: say it has ended without quoting it, or update limits.yaml` });
      if (bundle.limits.unsurePaths.has(path) && !entry.unsure) issues.push({ file, path: 'unsure', message: `quotes {{${path}}}, which limits.yaml marks UNSURE: mark the entry "unsure: true" and say "please confirm with customs (12360)"` });
    }
    if (stale(entry.reviewed)) issues.push({ file, path: 'reviewed', message: `last reviewed ${entry.reviewed}, more than ${maxAgeMonths} months ago` });
    for (const field of ['tags', 'requires', 'excludes'] as const) {
      for (const tag of entry[field]) {
        if (!concepts.has(tag)) issues.push({ file, path: field, message: `"${tag}" is not a concept in knowledge/lang/*.yaml` });
      }
    }
    issues.push(...facetIssues(entry, concepts).map((message) => ({ file, path: 'facets', message })));
    entry.sources.forEach(({ source }, i) => {
      if (!bundle.sources.has(source)) issues.push({ file, path: `sources.${i}.source`, message: `"${source}" is not in sources.yaml` });
    });
    for (const lang of LANGUAGES) {
      for (const [field, text] of answerTexts(entry, lang)) {
        const path = `answer.${lang}.${field}`;
        for (const ph of placeholdersIn(text)) {
          if (!bundle.limits.values.has(ph)) issues.push({ file, path, message: `unknown placeholder {{${ph}}}: not in limits.yaml` });
        }
        for (const literal of literalGovernedNumbers(text, lang)) {
          issues.push({ file, path, message: `literal number "${literal}": take it from limits.yaml as a {{placeholder}}${suggest(bundle, literal)}` });
        }
      }
    }
  }
  return issues;
}

/** Every text of an entry's answer in one language, with its field path (lead, variants.x, details.i). */
function answerTexts(entry: KnowledgeEntry, lang: LanguageCode): [string, string][] {
  const a = entry.answer[lang];
  return [['lead', a.lead], ...Object.entries(a.variants ?? {}).map(([k, v]): [string, string] => [`variants.${k}`, v]), ...a.details.map((d, i): [string, string] => [`details.${i}`, d])];
}

/** An entry or file due for review: the date a person last checked it and the date it falls due. */
export type ReviewDue = { readonly file: string; readonly id?: string; readonly reviewed: string; readonly dueBy: string };

/**
 * What falls due within `withinDays` (reviewed dates reaching `maxAgeMonths`), soonest first:
 * kb:check warns about them and the lead's statistics list them.
 */
export function reviewsDue(bundle: KnowledgeBundle, today: Date, withinDays = 30, maxAgeMonths = 12): ReviewDue[] {
  const horizon = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  const dueBy = (reviewed: string) => {
    const d = new Date(`${reviewed}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + maxAgeMonths);
    return d.toISOString().slice(0, 10);
  };
  const all: ReviewDue[] = [
    { file: 'limits.yaml', reviewed: bundle.limits.reviewed, dueBy: dueBy(bundle.limits.reviewed) },
    { file: 'departments.yaml', reviewed: bundle.departmentsReviewed, dueBy: dueBy(bundle.departmentsReviewed) },
    ...bundle.entries.map((e) => ({ file: bundle.files.get(e.id) ?? e.id, id: e.id, reviewed: e.reviewed, dueBy: dueBy(e.reviewed) })),
  ];
  return all.filter((r) => r.dueBy <= horizon).sort((a, b) => a.dueBy.localeCompare(b.dueBy));
}

/**
 * Warnings that do not fail kb:check: reviews falling due within 30 days, and time-limited
 * measures (entries and limits groups) whose validUntil is within 30 days.
 */
export function knowledgeWarnings(bundle: KnowledgeBundle, today: Date, withinDays = 30): KnowledgeIssue[] {
  const day = today.toISOString().slice(0, 10);
  const horizon = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  const soon = (until: string | undefined) => until !== undefined && until >= day && until <= horizon;
  const warnings: KnowledgeIssue[] = reviewsDue(bundle, today, withinDays).map((r) => ({ file: r.file, path: 'reviewed', message: `review due by ${r.dueBy} (last reviewed ${r.reviewed})` }));
  for (const e of bundle.entries) if (soon(e.validUntil)) warnings.push({ file: bundle.files.get(e.id) ?? e.id, path: 'validUntil', message: `the measure ends on ${e.validUntil}: prepare the update` });
  for (const [group, v] of bundle.limits.validity) if (soon(v.until)) warnings.push({ file: 'limits.yaml', path: `${group}.validUntil`, message: `the measure ends on ${v.until}: prepare the update of every entry quoting it` });
  return warnings;
}

/** Names limits paths holding the literal's number, or says it contradicts every limit. */
function suggest(bundle: KnowledgeBundle, literal: string): string {
  const digits = literal.match(/\d[\d ,.]*/)?.[0].replace(/[ ,]/g, '') ?? '';
  const n = Number(digits);
  const paths = [...bundle.limits.values].filter(([, v]) => v === n).map(([p]) => p);
  return paths.length > 0 ? ` (e.g. {{${paths.slice(0, 3).join('}} or {{')}}})` : ` — ${n} contradicts limits.yaml (no limit has this value)`;
}

/** Facets name every detail once, with known ids, and exactly one `key` detail. */
function facetIssues(entry: KnowledgeEntry, concepts: ReadonlySet<string>): string[] {
  const details = entry.answer.en.details.length;
  if (details === 0) return [];
  const issues: string[] = [];
  if (entry.facets.length !== details) issues.push(`${entry.facets.length} facet lists for ${details} details: give one list per detail, in order`);
  for (const lang of LANGUAGES) {
    if (entry.answer[lang].details.length !== details) issues.push(`answer.${lang} has ${entry.answer[lang].details.length} details, answer.en ${details}: details are parallel translations`);
  }
  const known = new Set<string>([...concepts, ...FACETS, 'key']);
  for (const id of entry.facets.flat()) if (!known.has(id)) issues.push(`"${id}" is neither a concept, a facet (${FACETS.join(', ')}) nor "key"`);
  const keys = entry.facets.filter((f) => f.includes('key')).length;
  if (keys !== 1) issues.push(`${keys} details marked "key": mark exactly one`);
  return issues;
}
