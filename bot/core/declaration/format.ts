import { getLimit, type Limits } from '../knowledge/limits';
import { formatNumber } from '../knowledge/render';
import type { LanguageCode } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/templates';
import type { DeclarationLanguage, NoteCode } from './schema';
import type { DeclarationResult, ItemResult, MissingFact } from './types';

/** What the formatter reads besides the result. */
export type FormatContext = { lang: LanguageCode; words: DeclarationLanguage; limits: Limits; rates: { date: string; source: string } };

const n = (value: number, lang: LanguageCode) => formatNumber(Math.round(value * 100) / 100, lang);
const money = (rmb: number, ctx: FormatContext) => `${n(Math.round(rmb), ctx.lang)} ${ctx.words.labels.rmb}`;

/** Slots every note and option text may use; filled from limits.yaml and the rates. */
function slots(ctx: FormatContext): Record<string, string> {
  const v = (path: string) => n(getLimit(ctx.limits, path), ctx.lang);
  return {
    minAbv: v('alcohol.minAbvPercent'),
    bottleMl: v('alcohol.standardBottleMl'),
    months: v('storage.months'),
    goldGrams: v('gold.declareAboveGrams'),
    watchRmb: v('tax.highEndWatchRmb'),
    rmbMax: v('cash.rmbMax'),
    days: v('tobacco.frequentWindowDays'),
    usdMax: v('cash.foreignDeclareAboveUsd'),
    date: ctx.rates.date,
    source: ctx.rates.source,
  };
}

/** An item's quantity in the reply's language ("2,400 cigarettes", "4 bottles × 750 ml, 40%"). */
function quantityText(r: ItemResult, ctx: FormatContext): string {
  const L = ctx.words.labels;
  const q = r.quantity ?? 0;
  switch (r.type) {
    case 'cigarettes':
      return `${n(q, ctx.lang)} ${L.sticks}`;
    case 'cigars':
      return `${n(q, ctx.lang)} ${L.pieces}`;
    case 'tobacco':
      return `${n(q, ctx.lang)} ${L.grams}`;
    case 'alcohol':
      return `${n(q, ctx.lang)} ${L.bottles} × ${n(r.volumeMl ?? 0, ctx.lang)} ${L.ml}${r.abv !== undefined ? `, ${n(r.abv, ctx.lang)}%` : ''}`;
    case 'cash':
    case 'goods': {
      if (r.valueRmb === undefined) return q > 1 ? `${n(q, ctx.lang)} ${L.pieces}` : '';
      const original = r.currency && r.value !== undefined ? ` (${n(r.value, ctx.lang)} ${r.currency})` : '';
      const pieces = r.type === 'goods' && q > 1 ? `, ${n(q, ctx.lang)} ${L.pieces}` : '';
      return `${r.currency ? '≈ ' : ''}${money(r.valueRmb, ctx)}${original}${pieces}`;
    }
  }
}

function allowanceText(r: ItemResult, ctx: FormatContext): string {
  const L = ctx.words.labels;
  const a = r.allowance ?? 0;
  switch (r.type) {
    case 'cigarettes':
      return `${n(a, ctx.lang)} ${L.sticks}`;
    case 'cigars':
      return `${n(a, ctx.lang)} ${L.pieces}`;
    case 'tobacco':
      return `${n(a, ctx.lang)} ${L.grams}`;
    case 'alcohol':
      return `${n(a, ctx.lang)} ${L.bottles} / ${n(r.allowanceMl ?? 0, ctx.lang)} ${L.ml}`;
    case 'cash':
      return r.currency === 'CNY' || r.currency === undefined ? money(a, ctx) : `USD ${n(a, ctx.lang)}`;
    case 'goods':
      return money(a, ctx);
  }
}

/** An amount in the item's own unit: RMB for goods, sticks, grams, bottles or pieces otherwise. */
function amountText(r: ItemResult, amount: number, ctx: FormatContext): string {
  const L = ctx.words.labels;
  if (r.type === 'goods' || r.type === 'cash') return money(amount, ctx);
  const unit = r.type === 'cigarettes' ? L.sticks : r.type === 'tobacco' ? L.grams : r.type === 'alcohol' ? L.bottles : L.pieces;
  return `${n(amount, ctx.lang)} ${unit}`;
}

function itemLines(r: ItemResult, name: string, no: number, ctx: FormatContext): string[] {
  const P = ctx.words.phrases;
  const s = slots(ctx);
  const base = { n: no, item: name, qty: quantityText(r, ctx), allowance: allowanceText(r, ctx), excess: amountText(r, r.excess ?? 0, ctx), minAbv: s.minAbv ?? '' };
  const clean = (t: string) => t.replace(/:\s+—/u, ' —').replace(/\s+/g, ' ').trim();
  switch (r.status) {
    case 'prohibited':
    case 'restricted':
      return [clean(fillTemplate(P.line_article, { ...base, note: fillTemplate(ctx.words.notes[r.notes[0] ?? 'ask'], s) }))];
    case 'unknown':
      return [clean(fillTemplate(P.line_unknown, base))];
    case 'outside':
      return [clean(fillTemplate(P.line_outside, base))];
    case 'within':
      return [clean(fillTemplate(r.mustDeclare ? P.line_within_declare : P.line_within, base))];
    case 'declare':
      return [clean(fillTemplate(P.line_declare, base))];
    case 'over': {
      const lines = [clean(fillTemplate(P.line_over, base))];
      const rate = n(r.bandPercent ?? 0, ctx.lang);
      if ((r.taxable ?? 0) > 0) {
        const taxBase = amountText(r, r.taxable ?? 0, ctx);
        lines.push(r.estimatedTaxRmb === null || r.estimatedTaxRmb === undefined ? fillTemplate(P.tax_price_needed, { rate }) : fillTemplate(P.tax_estimate, { tax: money(r.estimatedTaxRmb, ctx), rate, base: taxBase }));
      }
      if ((r.overCap ?? 0) > 0) lines.push(fillTemplate(P.over_cap, { cap: amountText(r, r.taxableCap ?? 0, ctx), rest: amountText(r, r.overCap ?? 0, ctx) }));
      return lines.map((l) => `   ${l}`).map((l, i) => (i === 0 ? l.trim() : l));
    }
  }
}

/**
 * The itemised reply: one line per item (what it is, the allowance, the excess, declare or
 * not), the estimated tax with its band, the channel, the options for the excess and the notes
 * (always "an estimate; the officer on duty decides", and the reference-rate date when money
 * was converted). `names` are the traveller's words for each item (the channel escapes them).
 */
export function formatDeclaration(result: DeclarationResult, names: readonly string[], ctx: FormatContext): string {
  const P = ctx.words.phrases;
  const s = slots(ctx);
  const lines = [P.title];
  result.items.forEach((r, i) => lines.push(...itemLines(r, names[r.index] ?? ctx.words.labels[r.type], i + 1, ctx)));
  if (result.valueAllowanceRmb !== undefined && result.items.some((r) => r.type === 'goods' && !r.treatment)) {
    lines.push(fillTemplate(P.goods_summary, { total: money(result.goodsTotalRmb, ctx), allowance: money(result.valueAllowanceRmb, ctx) }));
  }
  if (result.estimatedTaxRmb > 0 || !result.taxComplete) lines.push(fillTemplate(result.taxComplete ? P.total_tax : P.total_tax_partial, { tax: money(result.estimatedTaxRmb, ctx) }));
  lines.push(result.channel === 'red' ? P.channel_red : P.channel_green);
  const options = result.options.filter((o) => o !== 'declare');
  if (options.length > 0) lines.push(P.options_intro, ...options.map((o) => `• ${fillTemplate(ctx.words.options[o], s)}`));
  const notes: NoteCode[] = [...new Set([...result.items.flatMap((r) => (r.status === 'prohibited' || r.status === 'restricted' ? r.notes.slice(1) : r.notes)), ...result.notes])].filter((c) => c !== 'estimate');
  lines.push(...notes.map((c) => `• ${fillTemplate(ctx.words.notes[c], s)}`));
  lines.push(fillTemplate(ctx.words.notes.estimate, s));
  return lines.join('\n');
}

/** The one question asked when a fact is missing, after a line saying how the list was read. */
export function formatQuestion(missing: MissingFact, names: readonly string[], values: readonly (string | undefined)[], ctx: FormatContext & { frequentWindowDays: number }): string {
  const P = ctx.words.phrases;
  const read = fillTemplate(P.read_as, { items: names.join(P.list_separator) });
  const item = 'itemIndex' in missing ? (names[missing.itemIndex] ?? '') : '';
  const amount = 'itemIndex' in missing ? (values[missing.itemIndex] ?? '') : '';
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
