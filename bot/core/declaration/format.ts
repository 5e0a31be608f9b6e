import { getLimit, type Limits } from '../knowledge/limits';
import { formatMoney, formatNumber } from '../knowledge/render';
import type { LanguageCode } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/templates';
import type { DeclarationItem, DeclarationLanguage, LabelKey, NoteCode, Unit } from './schema';
import type { DeclarationResult, ItemResult, MissingFact } from './types';
import { ECIG } from './rules-ecig';

/** What the formatter reads besides the result. */
export type FormatContext = { lang: LanguageCode; words: DeclarationLanguage; limits: Limits; rates: { date: string; basis: 'hand-set' | 'customs-monthly'; source: string } };
/** An item as the traveller gave it, with the words to call it by. */
export type NamedItem = Pick<DeclarationItem, 'type' | 'quantity' | 'unit' | 'value' | 'currency'> & { label: string };

/**
 * Notes on how the estimate was made, not on what to do: shown behind "more". The 1988 cap is
 * already said in the item line it applies to. The rates note is not a bullet: it follows the
 * estimate line (see formatDeclaration).
 */
const NOTES_IN_MORE: ReadonlySet<NoteCode> = new Set(['example_value', 'tobacco_in_value_allowance', 'items_chosen_by_customs', 'cosmetics_band_unsure', 'high_end_watch_unsure', 'taxable_cap_unsure', 'gold_jewellery_band_unsure']);

/** The itemised text's length at most before its notes move behind "more" (the reply adds a source line). */
const DECLARATION_TEXT_MAX_CHARS = 850;

/** Notes the item lines already say, so the notes list leaves them out. */
const SAID_IN_LINE: ReadonlySet<NoteCode> = new Set(['price_needed', 'estimate', 'for_sale']);

const n = (value: number, lang: LanguageCode) => formatNumber(Math.round(value * 100) / 100, lang);
const pluralRules = new Map<LanguageCode, Intl.PluralRules>();
/** A number with its unit in the right plural form ("2 блока", "5 блоков", "2 cartons"). */
function counted(value: number, key: LabelKey, ctx: FormatContext): string {
  let rules = pluralRules.get(ctx.lang);
  if (!rules) pluralRules.set(ctx.lang, (rules = new Intl.PluralRules(ctx.lang)));
  const form = ctx.words.plurals[key]?.[rules.select(Math.round(value * 100) / 100) as 'one' | 'few' | 'many' | 'other'];
  return `${n(value, ctx.lang)} ${form ?? ctx.words.labels[key]}`;
}
const money = (rmb: number, ctx: FormatContext) => counted(Math.round(rmb), 'rmb', ctx);

/** Slots every note and option text may use; filled from limits.yaml and the rates. */
function slots(ctx: FormatContext): Record<string, string> {
  const v = (path: string) => n(getLimit(ctx.limits, path), ctx.lang);
  return {
    minAbv: v('alcohol.minAbvPercent'),
    bottleMl: v('alcohol.standardBottleMl'),
    months: v('storage.months'),
    goldGrams: v('gold.declareAboveGrams'),
    watchRmb: v('tax.highEndWatchRmb'),
    ecigDevices: v('ecigarettes.ordinary.devices'),
    ecigPods: v('ecigarettes.ordinary.pods'),
    ecigMl: v('ecigarettes.ordinary.liquidMl'),
    rmbMax: v('cash.rmbMax'),
    days: v('tobacco.frequentWindowDays'),
    usdMax: v('cash.foreignDeclareAboveUsd'),
    band1: v('tax.band1Percent'),
    band3: v('tax.band3Percent'),
    date: ctx.rates.date,
    basis: ctx.words.rateBasis[ctx.rates.basis],
    source: ctx.rates.source,
  };
}

const UNIT_LABEL: Record<Unit, LabelKey> = { piece: 'pieces', pack: 'packs', carton: 'cartons', bottle: 'bottles', ml: 'ml', l: 'litres', g: 'grams', kg: 'kg', jin: 'jin' };

/** An amount in the item's own unit: RMB for goods and cash, cigarettes, cigars, grams, bottles or pieces otherwise. */
function amountText(r: ItemResult, amount: number, ctx: FormatContext): string {
  if (r.kind === ECIG) return counted(amount, 'pieces', ctx);
  if (r.type === 'goods' || r.type === 'cash') return money(amount, ctx);
  return counted(amount, r.type === 'cigarettes' ? 'sticks' : r.type === 'cigars' ? 'cigarSticks' : r.type === 'tobacco' ? 'grams' : r.type === 'alcohol' ? 'bottles' : 'pieces', ctx);
}

/** An item's quantity in the reply's language ("2,400 cigarettes (12 cartons)", "4 bottles × 750 ml, 40%"). */
function quantityText(r: ItemResult, ctx: FormatContext): string {
  const L = ctx.words.labels;
  const q = r.quantity ?? 0;
  const given = r.given ? ` (${counted(r.given.quantity, UNIT_LABEL[r.given.unit], ctx)})` : '';
  if (r.type === 'alcohol') return `${counted(q, 'bottles', ctx)} × ${n(r.volumeMl ?? 0, ctx.lang)} ${L.ml}${r.abv !== undefined ? `, ${n(r.abv, ctx.lang)}%` : ''}${given}`;
  if (r.kind === ECIG) return counted(q, 'pieces', ctx);
  if (r.type === 'cash' || r.type === 'goods') {
    if (r.valueRmb === undefined) return r.given ? counted(r.given.quantity, UNIT_LABEL[r.given.unit], ctx) : q > 1 ? counted(q, 'pieces', ctx) : '';
    const original = r.currency && r.currency !== 'CNY' && r.value !== undefined ? ` (${formatMoney(r.value, r.currency, ctx.lang)})` : '';
    const pieces = r.type === 'goods' && q > 1 ? `, ${counted(q, 'pieces', ctx)}` : '';
    return `${original ? '≈ ' : ''}${money(r.valueRmb, ctx)}${original}${pieces}`;
  }
  return `${amountText(r, q, ctx)}${given}`;
}

function allowanceText(r: ItemResult, ctx: FormatContext): string {
  const a = r.allowance ?? 0;
  if (r.type === 'alcohol') return `${counted(a, 'bottles', ctx)} / ${n(r.allowanceMl ?? 0, ctx.lang)} ${ctx.words.labels.ml}`;
  if (r.type === 'cash' && r.valueUsd !== undefined) return formatMoney(a, 'USD', ctx.lang);
  return amountText(r, a, ctx);
}

/** The tax line of an item over its allowance, and the taxable-cap line when part cannot be cleared by paying. */
function taxLines(r: ItemResult, ctx: FormatContext): string[] {
  const P = ctx.words.phrases;
  const rate = n(r.bandPercent ?? 0, ctx.lang);
  const lines: string[] = [];
  if ((r.taxable ?? 0) > 0) {
    const tax = r.estimatedTaxRmb;
    if (tax === null || tax === undefined) lines.push(fillTemplate(P.tax_price_needed, { rate }));
    else {
      const value = money((tax * 100) / (r.bandPercent || 1), ctx);
      const base = r.type === 'goods' ? value : `${value}, ${amountText(r, r.taxable ?? 0, ctx)}`;
      lines.push(fillTemplate(P.tax_estimate, { tax: money(tax, ctx), rate, base }));
    }
  }
  if ((r.overCap ?? 0) > 0) lines.push(fillTemplate(P.over_cap, { cap: amountText(r, r.taxableCap ?? 0, ctx), rest: amountText(r, r.overCap ?? 0, ctx) }));
  return lines.map((l) => `   ${l}`);
}

function itemLines(r: ItemResult, name: string, no: number, ctx: FormatContext): string[] {
  const P = ctx.words.phrases;
  const s = slots(ctx);
  const base = { n: no, item: name, qty: quantityText(r, ctx), allowance: allowanceText(r, ctx), excess: amountText(r, r.excess ?? 0, ctx), minAbv: s.minAbv ?? '' };
  const line = (template: string, extra: Record<string, string> = {}) => fillTemplate(template, { ...base, ...extra }).replace(/\s+/g, ' ').trim();
  switch (r.status) {
    case 'prohibited':
    case 'restricted':
      return [line(P.line_article, { note: fillTemplate(ctx.words.notes[r.notes[0] ?? 'ask'], s) })];
    case 'unknown':
      return [line(P.line_unknown)];
    case 'outside':
      return [line(P.line_outside)];
    case 'within':
      return [line(r.mustDeclare ? P.line_within_declare : P.line_within)];
    case 'declare':
      // (cash over its limit says the limit: «30 000 юаней — больше лимита 20 000 юаней»)
      return [line(r.type === 'cash' && r.allowance !== undefined ? P.line_declare_cash : P.line_declare)];
    case 'over':
      return [line(r.type === 'goods' && r.kind !== ECIG ? P.line_over_goods : P.line_over), ...taxLines(r, ctx)];
  }
}

/**
 * A question's own case, in a few lines: the verdict for each priced thing it names and the
 * channel, headed by whose case it is ("Your case, an estimate for a resident:"). The same lines
 * as the itemised reply (issue 10: one code path for a list and for a concrete question).
 */
export function formatEstimate(result: DeclarationResult, names: readonly string[], ctx: FormatContext, residency: 'resident' | 'non_resident'): string {
  const P = ctx.words.phrases;
  const lines = [fillTemplate(P.estimate_intro, { who: residency === 'resident' ? P.who_resident : P.who_non_resident })];
  result.items.forEach((r, i) => lines.push(...itemLines(r, names[r.index] || ctx.words.labels[r.type], i + 1, ctx)));
  lines.push(result.channel === 'red' ? P.channel_red : P.channel_green);
  return lines.join('\n');
}

/**
 * The case of a question about counted things of one kind ("两条中华 没事吧", "4,000 USD cash, declare?"):
 * their lines, then "declare" when over, or that they need no declaration on their own (the
 * message may carry other things it does not count, so no channel is named for it all).
 */
export function formatCounted(result: DeclarationResult, names: readonly string[], ctx: FormatContext): string {
  const P = ctx.words.phrases;
  // (each thing's verdict line only: a tax estimate here would rest on an example price the reply does not explain)
  const lines = result.items.map((r, i) => itemLines(r, r.type === 'alcohol' || r.type === 'goods' ? names[r.index] || ctx.words.labels[r.type] : ctx.words.labels[r.type], i + 1, ctx)[0] ?? '');
  lines.push(result.channel === 'red' ? P.channel_red : P.counted_within);
  return lines.join('\n');
}

/**
 * The itemised reply: one line per item (what it is, the allowance, the excess, declare or
 * not), the estimated tax with its band, the channel, the options for the excess and the notes
 * (always "an estimate; the officer on duty decides", and the reference-rate date when money
 * was converted). `names` are the traveller's words for each item (the channel escapes them).
 */
export function formatDeclaration(result: DeclarationResult, names: readonly string[], ctx: FormatContext): { text: string; more: string } {
  const P = ctx.words.phrases;
  const s = slots(ctx);
  const lines = [P.title];
  // tobacco and cash go by their type's name; drinks and goods by the traveller's own words
  const nameOf = (r: ItemResult) => (r.type === 'alcohol' || r.type === 'goods' ? (names[r.index] || ctx.words.labels[r.type]) : ctx.words.labels[r.type]);
  result.items.forEach((r, i) => lines.push(...itemLines(r, nameOf(r), i + 1, ctx)));
  if (result.valueAllowanceRmb !== undefined && result.items.filter((r) => r.type === 'goods' && !r.treatment && r.kind !== ECIG).length > 1) {
    lines.push(fillTemplate(P.goods_summary, { total: money(result.goodsTotalRmb, ctx), allowance: money(result.valueAllowanceRmb, ctx) }));
  }
  if (result.estimatedTaxRmb > 0) lines.push(fillTemplate(result.taxComplete ? P.total_tax : P.total_tax_partial, { tax: money(result.estimatedTaxRmb, ctx) }));
  // Never "nothing to declare" while an item went unchecked (its own rules, unknown): that could be wrong advice.
  const unchecked = result.items.some((r) => r.treatment === 'own_rules' || r.treatment === 'ask' || r.status === 'unknown');
  lines.push(result.channel === 'red' ? P.channel_red : unchecked ? P.channel_unchecked : P.channel_green);
  // for a phone: the caveats that change what to do stay with the verdict; how the estimate was
  // made and what can be done with the excess go behind "more" (issue 10)
  const itemNotes = result.items.flatMap((r) => (r.status === 'prohibited' || r.status === 'restricted' ? r.notes.slice(1) : r.notes));
  const notes = [...new Set([...itemNotes, ...result.notes])].filter((c) => !SAID_IN_LINE.has(c) && c !== 'rates');
  const note = (c: NoteCode) => `• ${fillTemplate(ctx.words.notes[c], s)}`;
  const main = notes.filter((c) => !NOTES_IN_MORE.has(c));
  // every estimate in another currency says how old its rates are, in sight (issue 12)
  const estimate = [fillTemplate(ctx.words.notes.estimate, s), ...(result.notes.includes('rates') ? [fillTemplate(ctx.words.notes.rates, s)] : [])].join('\n');
  // a long list keeps its verdict on one phone screen: the notes that fit stay with it, in order, the rest wait behind "more"
  const kept: NoteCode[] = [];
  for (const c of main) {
    const shown = [...lines, P.notes_intro, ...[...kept, c].map(note), estimate].join('\n');
    if (shown.length <= DECLARATION_TEXT_MAX_CHARS) kept.push(c);
  }
  const mainNotes = kept.length > 0 ? [P.notes_intro, ...kept.map(note)] : [];
  const options = result.options.filter((o) => o !== 'declare');
  const later = notes.filter((c) => !kept.includes(c));
  const more = [
    ...(options.length > 0 ? [P.options_intro, ...options.map((o) => `• ${fillTemplate(ctx.words.options[o], s)}`)] : []),
    ...(later.length > 0 ? [...(kept.length === 0 && later.some((c) => !NOTES_IN_MORE.has(c)) ? [P.notes_intro] : []), ...later.map(note)] : []),
  ];
  return { text: [...lines, ...mainNotes, estimate].join('\n'), more: more.join('\n') };
}

/** "12 cartons cigarettes", "bag 15,000 CNY": how the list was read, for the question. */
function describe(item: NamedItem, ctx: FormatContext): string {
  const single = item.quantity === 1 && (item.unit === undefined || item.unit === 'piece');
  const qty = item.quantity !== undefined && !single ? `${item.unit ? counted(item.quantity, UNIT_LABEL[item.unit], ctx) : n(item.quantity, ctx.lang)} ` : '';
  const value = item.value === undefined ? '' : ` ${item.currency === 'CNY' ? money(item.value, ctx) : item.currency ? formatMoney(item.value, item.currency, ctx.lang) : n(item.value, ctx.lang)}`;
  // (a thing named only by its unit, "2 cartons", by the type's word)
  return `${qty}${item.label || ctx.words.labels[item.type]}${value}`;
}

/** The one question asked when a fact is missing, after a line saying how the list was read. */
export function formatQuestion(missing: MissingFact, items: readonly NamedItem[], ctx: FormatContext & { frequentWindowDays: number }): string {
  const P = ctx.words.phrases;
  const read = fillTemplate(P.read_as, { items: items.map((i) => describe(i, ctx)).join(P.list_separator) });
  const target = 'itemIndex' in missing ? items[missing.itemIndex] : undefined;
  const item = target ? target.label || ctx.words.labels[target.type] : '';
  const amount = target?.value !== undefined ? n(target.value, ctx.lang) : '';
  const question =
    missing.field === 'category.route'
      ? fillTemplate(P.ask_route, { days: ctx.frequentWindowDays })
      : missing.field === 'category.residency'
        ? P.ask_residency
        : missing.field.endsWith('.value')
          ? fillTemplate(P.ask_value, { item })
          : missing.field.endsWith('.currency')
            ? fillTemplate(P.ask_currency, { item, amount })
            : fillTemplate(P.ask_quantity, { item });
  return `${read}\n${question}`;
}

/** Item types whose allowance depends on the traveller's route, in the order they are named. */
const ROUTE_TYPES = ['cigarettes', 'cigars', 'tobacco', 'alcohol'] as const;

/**
 * The allowances of the ordinary traveller for the kinds of thing in `result` (checked as an
 * ordinary resident), said before the question that could lower them: "For an ordinary traveller:
 * cigarettes 400; alcohol 2 bottles / 1,500 ml". Goods give the resident and the visitor's value
 * allowance. Never a verdict: whether to declare waits for the answer (issue 9).
 */
export function formatAllowances(result: DeclarationResult, ctx: FormatContext): string | undefined {
  const L = ctx.words.labels;
  const parts: string[] = [];
  for (const type of ROUTE_TYPES) {
    const r = result.items.find((i) => i.type === type && i.allowance !== undefined && !i.treatment);
    if (!r) continue;
    // "400 cigarettes" names itself; "500 g" needs its "loose tobacco"
    const amount = allowanceText(r, ctx);
    parts.push(amount.toLowerCase().includes(L[type].toLowerCase().slice(0, 6)) ? amount : `${L[type]} ${amount}`);
  }
  if (result.items.some((i) => i.kind === ECIG)) parts.push(fillTemplate(ctx.words.phrases.allowance_ecig, slots(ctx)));
  const goods = result.items.some((i) => i.type === 'goods' && !i.treatment && i.kind !== ECIG);
  if (goods) parts.push(fillTemplate(ctx.words.phrases.allowance_goods, { resident: money(getLimit(ctx.limits, 'valueAllowance.resident'), ctx), nonResident: money(getLimit(ctx.limits, 'valueAllowance.non_resident'), ctx) }));
  if (parts.length === 0) return undefined;
  // (with every purchase priced, their sum too, to set beside both figures: "your purchases come to ≈ 4,110 RMB")
  const priced = result.items.filter((i) => i.type === 'goods' && !i.treatment && i.kind !== ECIG);
  const total = goods && priced.every((i) => i.valueRmb !== undefined) && result.goodsTotalRmb > 0 ? ` ${fillTemplate(ctx.words.phrases.goods_total, { total: money(result.goodsTotalRmb, ctx) })}` : '';
  const line = fillTemplate(ctx.words.phrases.allowances_ordinary, { list: parts.join(ctx.lang === 'zh' ? '；' : '; ') }) + total;
  // the alcohol figure is UNSURE: said with it, not only in the verdict that follows the answer (fact sheet 0)
  const alcohol = result.items.some((i) => i.type === 'alcohol' && i.allowance !== undefined && !i.treatment);
  return alcohol ? `${line} ${fillTemplate(ctx.words.notes.alcohol_unsure, slots(ctx))}` : line;
}
