import { getLimit, type Limits } from '../knowledge/limits';
import { exemptPieces, type Piece } from './allocate';
import type { NormalItem } from './normalize-items';
import { EXCESS_OPTIONS } from './rules-excise';
import type { DeclarationCategory, DeclarationData, DeclarationOption, NoteCode, RatesFile, Treatment } from './schema';
import type { ItemResult } from './types';

/** The value allowance and declaration threshold of a resident or non-resident (fact sheet 2.1-2.3, 0.2 item 13). */
export function valueRules(category: Required<DeclarationCategory>, limits: Limits): { allowance: number; mustDeclare: (total: number) => boolean } {
  if (category.residency === 'non_resident') {
    const threshold = getLimit(limits, 'redChannel.nonResidentGoodsLeftInChina');
    return { allowance: getLimit(limits, 'valueAllowance.non_resident'), mustDeclare: (t) => t > threshold };
  }
  const fromHkMacao = category.route === 'hk_macao';
  const threshold = getLimit(limits, fromHkMacao ? 'redChannel.residentGoodsFromHkMacao' : 'redChannel.residentGoodsOrdinary');
  // "5,000 or more (incl. 5,000)" since 1 Dec 2024 (GACC Ann. 2024 No. 176, fact sheet 0.2 item 13)
  return { allowance: getLimit(limits, fromHkMacao ? 'valueAllowance.residentFromHkMacao' : 'valueAllowance.resident'), mustDeclare: (t) => t >= threshold };
}

/** The class after the high-end watch rule (a watch worth tax.highEndWatchRmb or more, UNSURE). */
function classOf(item: NormalItem, pieceRmb: number, data: DeclarationData, limits: Limits): string {
  const cls = item.kind ?? 'general';
  return cls === data.highEndWatch.from && pieceRmb >= getLimit(limits, 'tax.highEndWatchRmb') ? data.highEndWatch.to : cls;
}

const bandRate = (cls: string, data: DeclarationData, limits: Limits) => getLimit(limits, `tax.band${data.goodsBands[cls] ?? data.goodsBands.general ?? 2}Percent`) / 100;

/**
 * Goods by the value allowance (limits.yaml `valueAllowance`): the duty-free pieces are chosen so
 * the tax on the rest is least (customs' own choice is UNSURE, fact sheet 2.2); a piece worth
 * more than the allowance is taxed in full (single-item rule). Tax at the band of the goods class
 * (knowledge/declaration.yaml goodsBands -> tax.band<n>Percent). Frequent travellers' value
 * allowance is not known (fact sheet 2.4): declare, no estimate.
 */
export function checkGoods(items: readonly NormalItem[], category: Required<DeclarationCategory>, limits: Limits, data: DeclarationData): { results: ItemResult[]; totalRmb: number; allowance?: number } {
  const totalRmb = items.reduce((s, i) => s + (i.valueRmb ?? 0), 0);
  const goldLimit = getLimit(limits, 'gold.declareAboveGrams');
  const allGold = goldGrams(items);
  const classNotes = (cls: string): NoteCode[] => [...(data.classNotes[cls] ?? [])];
  if (category.route === 'frequent') {
    const results = items.map((i) => ({ ...base(i), kind: i.kind ?? 'general', mustDeclare: true, status: 'declare' as const, estimatedTaxRmb: null, options: ['declare'] as DeclarationOption[], notes: ['frequent_value_unknown' as NoteCode, ...classNotes(i.kind ?? 'general')] }));
    return { results, totalRmb };
  }
  const rules = valueRules(category, limits);
  const pieces: (Piece & { item: number; cls: string })[] = [];
  items.forEach((item, n) => {
    const cls0 = classOf(item, item.valueRmb ?? 0, data, limits);
    // a sum over several things is no one article: cut into small pieces, only the part above the allowance is taxed
    const divisible = data.divisible.includes(cls0) && (item.quantity === undefined || item.quantity <= 1);
    const value = item.valueRmb ?? 0;
    const step = Math.max(DIVISIBLE_STEP_RMB, value / MAX_PIECES);
    const count = divisible ? Math.max(1, Math.ceil(value / step)) : Math.max(1, Math.round(item.quantity ?? 1));
    const each = value / count;
    const cls = divisible ? cls0 : classOf(item, each, data, limits);
    // (whole steps and the remainder, so the taxed part is the excess to the yuan when the allowance is a multiple of the step)
    for (let k = 0; k < count; k++) pieces.push({ valueRmb: divisible ? Math.min(step, value - k * step) : each, rate: bandRate(cls, data, limits), item: n, cls });
  });
  const order = pieces.map((p, i) => ({ p, i })).sort((a, b) => b.p.valueRmb - a.p.valueRmb || b.p.rate - a.p.rate || a.p.cls.localeCompare(b.p.cls) || a.i - b.i);
  const flags = exemptPieces(order.map((o) => o.p), rules.allowance);
  const declareAll = rules.mustDeclare(totalRmb);
  const results = items.map((item, n) => {
    const mine = order.filter((o) => o.p.item === n);
    const taxedPieces = mine.filter((o) => !flags[order.indexOf(o)]);
    const taxable = taxedPieces.reduce((s, o) => s + o.p.valueRmb, 0);
    const cls = mine[0]?.p.cls ?? item.kind ?? 'general';
    const rate = mine[0]?.p.rate ?? bandRate(cls, data, limits);
    const notes: NoteCode[] = [...classNotes(cls)];
    if (mine.some((o) => o.p.valueRmb > rules.allowance)) notes.push('single_item');
    const heavyGold = isHeavyGold({ ...item, kind: cls }, goldLimit, allGold);
    if (heavyGold) notes.push('gold_weight');
    if (!heavyGold && isHeavyGold({ ...item, kind: cls }, -1, allGold)) notes.push('gold_within_weight');
    return {
      ...base(item),
      kind: cls,
      allowance: rules.allowance,
      excess: taxable,
      taxable,
      bandPercent: rate * 100,
      estimatedTaxRmb: taxable * rate,
      mustDeclare: declareAll || taxable > 0 || heavyGold,
      status: taxable > 0 ? ('over' as const) : ('within' as const),
      options: taxable > 0 ? [...EXCESS_OPTIONS] : heavyGold ? (['declare'] as DeclarationOption[]) : [],
      notes: category.residency === 'non_resident' ? [...notes, 'non_resident_left_in_china' as NoteCode] : notes,
    };
  });
  return { results, totalRmb, allowance: rules.allowance };
}

/** Size of the pieces a sum over several things is cut into, and at most how many (the excess is exact to this step). */
const DIVISIBLE_STEP_RMB = 50;
const MAX_PIECES = 2000;

const GOLD_KINDS: ReadonlySet<string> = new Set(['gold', 'gold_jewellery', 'jewellery']);
const weighedGold = (item: Pick<NormalItem, 'kind' | 'weightGrams'>) => item.weightGrams !== undefined && GOLD_KINDS.has(item.kind ?? '');

/** Grams of gold and jewellery weighed in grams, over all the things carried: the declaring limit is for the whole (a 25 g chain and 40 g of rings are 65 g). */
export function goldGrams(items: readonly Pick<NormalItem, 'kind' | 'weightGrams'>[]): number {
  return items.filter(weighedGold).reduce((sum, i) => sum + (i.weightGrams ?? 0), 0);
}

/** Gold, or jewellery weighed in grams (travellers weigh gold and silver), when all of it together is above the declaring limit. */
export function isHeavyGold(item: Pick<NormalItem, 'kind' | 'weightGrams'>, goldLimit: number, totalGrams = item.weightGrams ?? 0): boolean {
  return weighedGold(item) && totalGrams > goldLimit;
}

function base(item: NormalItem): Pick<ItemResult, 'index' | 'type' | 'quantity' | 'unit' | 'valueRmb' | 'entries'> {
  return { index: item.index, type: item.type, quantity: item.quantity, unit: 'pieces', valueRmb: item.valueRmb, entries: [] };
}

/**
 * Cash is never taxed, only declared: RMB above cash.rmbMax, foreign currency above
 * cash.foreignDeclareAboveUsd in total (converted at the reference rates).
 */
export function checkCash(items: readonly NormalItem[], limits: Limits, rates: RatesFile): ItemResult[] {
  const usdRate = rates.rates.USD ?? 1;
  const rmb = items.filter((i) => i.currency === 'CNY');
  const foreign = items.filter((i) => i.currency !== 'CNY');
  const rmbTotal = rmb.reduce((s, i) => s + (i.valueRmb ?? 0), 0);
  const usdTotal = foreign.reduce((s, i) => s + (i.valueRmb ?? 0), 0) / usdRate;
  const rmbOver = rmbTotal > getLimit(limits, 'cash.rmbMax');
  const foreignOver = usdTotal > getLimit(limits, 'cash.foreignDeclareAboveUsd');
  return items.map((item) => {
    const isRmb = item.currency === 'CNY';
    const declare = isRmb ? rmbOver : foreignOver;
    const notes: NoteCode[] = ['cash_not_taxed'];
    if (isRmb && rmbOver) notes.push('rmb_over_limit');
    return {
      index: item.index,
      type: 'cash',
      unit: 'rmb',
      valueRmb: item.valueRmb,
      value: item.source.value,
      currency: item.currency,
      ...(isRmb ? { allowance: getLimit(limits, 'cash.rmbMax') } : { valueUsd: (item.valueRmb ?? 0) / usdRate, allowance: getLimit(limits, 'cash.foreignDeclareAboveUsd') }),
      estimatedTaxRmb: 0,
      mustDeclare: declare,
      status: declare ? 'declare' : 'within',
      options: declare ? ['declare'] : [],
      notes,
      entries: [],
    };
  });
}

const ARTICLE: Record<Treatment, Pick<ItemResult, 'status' | 'mustDeclare' | 'options'> & { note: NoteCode }> = {
  quarantine: { status: 'prohibited', mustDeclare: true, options: ['abandon', 'return_shipment'], note: 'quarantine' },
  prohibited: { status: 'prohibited', mustDeclare: true, options: ['abandon'], note: 'prohibited' },
  permit: { status: 'restricted', mustDeclare: true, options: ['declare', 'temporary_storage', 'return_shipment', 'abandon'], note: 'permit' },
  ask: { status: 'restricted', mustDeclare: true, options: ['declare'], note: 'ask' },
  own_rules: { status: 'restricted', mustDeclare: false, options: [], note: 'own_rules' },
};

/** Prohibited and restricted articles (fact sheet sections 7-8), by the concept they were read as. */
export function checkArticle(item: NormalItem, data: DeclarationData): ItemResult {
  const concept = item.articles.find((a) => data.articles[a]) ?? item.articles[0] ?? 'prohibited';
  const article = data.articles[concept];
  const rule = ARTICLE[article?.treatment ?? 'ask'];
  return { index: item.index, type: item.type, kind: concept, quantity: item.quantity, treatment: article?.treatment, status: rule.status, mustDeclare: rule.mustDeclare, options: [...rule.options], notes: [rule.note], entries: article ? [article.entry] : [] };
}
