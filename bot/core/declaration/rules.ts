import { getLimit } from '../knowledge/limits';
import { ok, type Result } from '../result';
import { normalizeItems, type DeclarationError, type NormalItem, type NormalizeContext } from './normalize-items';
import { checkArticle, checkCash, checkGoods, goldGrams, isHeavyGold } from './rules-goods';
import { checkAlcohol, checkTobacco } from './rules-excise';
import { checkEcigarettes, ECIG } from './rules-ecig';
import { OPTIONS, type DeclarationCategory, type DeclarationInput, type NoteCode } from './schema';
import type { DeclarationResult, ItemResult, MissingFact } from './types';

/** Everything the rules read: limits.yaml, rates.yaml, declaration.yaml and a classifier of descriptions. */
export type RulesContext = NormalizeContext;

const TOBACCO = new Set(['cigarettes', 'cigars', 'tobacco']);

/**
 * Checks a list of things a traveller carries into China, item by item: allowance, excess,
 * whether to declare, the estimated tax on the excess with its band, and the options (declare
 * and pay, temporary storage, return shipment, abandon). Pure; every number comes from
 * limits.yaml and rates.yaml. A fact that changes the result and is missing (the traveller's
 * route or residency, a value, a currency, a count) is listed in `missing`, never guessed.
 * Input errors (unknown currency or kind, a unit that does not fit, absurd quantities) are
 * error values naming the field.
 * @example checkDeclaration({ items: [{ type: 'cigarettes', quantity: 3, unit: 'carton' }], category: { route: 'ordinary' } }, ctx)
 */
export function checkDeclaration(input: DeclarationInput, ctx: RulesContext): Result<DeclarationResult, DeclarationError> {
  const normal = normalizeItems(input, ctx);
  if (!normal.ok) return normal;
  const { items } = normal.value;
  const lacking = new Set(normal.value.missing.flatMap((m) => ('itemIndex' in m ? [m.itemIndex] : [])));
  const usable = items.filter((i) => !lacking.has(i.index));
  // e-cigarettes with a number are counted against their own table; named alone they stay an article
  const ecigs = usable.filter((i) => i.type === 'goods' && i.ecigCounted && i.articles[0] === ECIG);
  const articles = usable.filter((i) => i.type === 'goods' && i.articles.length > 0 && !ecigs.includes(i));
  const goods = usable.filter((i) => i.type === 'goods' && i.articles.length === 0);
  const excise = usable.filter((i) => TOBACCO.has(i.type) || i.type === 'alcohol');
  const category = input.category;
  const needsRoute = excise.length > 0 || ecigs.length > 0 || (goods.length > 0 && category.residency !== 'non_resident');
  const route: MissingFact[] = needsRoute && !category.route ? [{ field: 'category.route' }] : [];
  const residency: MissingFact[] = goods.length > 0 && !category.residency ? [{ field: 'category.residency' }] : [];
  // goods alone: residency decides their allowance (5,000 or 2,000), so it is asked first; with tobacco or drink, the route
  const goodsOnly = excise.length === 0 && ecigs.length === 0;
  const missing: MissingFact[] = [...(goodsOnly ? [...residency, ...route] : [...route, ...residency]), ...normal.value.missing];

  const results: ItemResult[] = [];
  let goodsSummary: { totalRmb: number; allowance?: number } = { totalRmb: goods.reduce((s, i) => s + (i.valueRmb ?? 0), 0) };
  if (category.route) {
    results.push(...checkTobacco(excise.filter((i) => TOBACCO.has(i.type)), category.route, ctx.limits));
    results.push(...checkAlcohol(excise.filter((i) => i.type === 'alcohol'), category.route, ctx.limits, ctx.data));
    results.push(...checkEcigarettes(ecigs, category.route, ctx.limits));
  }
  const full = fullCategory(category, needsRoute);
  if (full && goods.length > 0) {
    const g = checkGoods(goods, full, ctx.limits, ctx.data);
    results.push(...g.results);
    goodsSummary = g;
  }
  results.push(...checkCash(usable.filter((i) => i.type === 'cash'), ctx.limits, ctx.rates));
  results.push(...articles.map((i) => checkArticle(i, ctx.data)));
  const done = new Set(results.map((r) => r.index));
  const goldLimit = getLimit(ctx.limits, 'gold.declareAboveGrams');
  const allGold = goldGrams(items);
  for (const item of items) if (!done.has(item.index)) results.push(unknown(item, goldLimit, allGold));
  results.sort((a, b) => a.index - b.index);
  for (const r of results) finish(r, items[r.index] as NormalItem, ctx);
  // priced tobacco or drinks that take the purchases over the value allowance: tobacco counts within it since December 2024, and
  // whether drinks do is unconfirmed (fact sheet 2.1), so "nothing to declare" is never said on the goods alone
  const exciseRmb = excise.reduce((s, i) => s + (i.valueRmb ?? 0), 0);
  const exciseOver = goodsSummary.allowance !== undefined && goodsSummary.totalRmb <= goodsSummary.allowance && goodsSummary.totalRmb + exciseRmb > goodsSummary.allowance;
  return ok(summarise(results, category, goodsSummary, missing, ctx, exciseOver));
}

/** The category the goods rules need, when known (a non-resident's route does not matter for goods). */
function fullCategory(category: DeclarationCategory, needsRoute: boolean): Required<DeclarationCategory> | undefined {
  if (!category.residency) return undefined;
  if (category.route) return { route: category.route, residency: category.residency };
  return needsRoute ? undefined : { route: 'ordinary', residency: category.residency };
}

/**
 * An item a fact is missing for. Gold or gold jewellery heavier than gold.declareAboveGrams must be
 * declared whatever it cost, so its missing price leaves only the tax open (fact sheet 4.3).
 */
function unknown(item: NormalItem, goldLimit: number, allGold: number): ItemResult {
  const heavyGold = isHeavyGold(item, goldLimit, allGold);
  const lightGold = !heavyGold && isHeavyGold(item, -1, allGold);
  // (its weight is said in the reply: "金项链：120 克——须申报")
  const weight = (heavyGold || lightGold) && item.weightGrams !== undefined ? { given: { quantity: item.weightGrams, unit: 'g' as const } } : {};
  return { index: item.index, type: item.type, kind: item.kind, quantity: item.quantity, ...weight, mustDeclare: heavyGold, status: heavyGold ? 'declare' : 'unknown', options: heavyGold ? ['declare'] : [], notes: heavyGold ? ['gold_weight', 'price_needed'] : lightGold ? ['gold_within_weight'] : [], entries: [] };
}

/** Adds the description, original value and the entries behind the item's rules. */
function finish(r: ItemResult, item: NormalItem, ctx: RulesContext): void {
  if (item.source.description) r.description = item.source.description;
  const { quantity, unit } = item.source;
  if (quantity !== undefined && unit !== undefined && (unit === 'carton' || unit === 'pack' || unit === 'kg' || unit === 'jin' || unit === 'l')) r.given = { quantity, unit };
  if (item.source.value !== undefined && item.currency && item.currency !== 'CNY') Object.assign(r, { value: item.source.value, currency: item.currency });
  if (r.kind === undefined && item.kind) r.kind = item.kind;
  const e = ctx.data.entries;
  const add = (id: string | undefined) => id && !r.entries.includes(id) && r.entries.push(id);
  if (TOBACCO.has(r.type)) add(e.tobacco);
  if (r.type === 'alcohol') add(e.alcohol);
  if (r.type === 'cash') add(item.currency === 'CNY' ? e.cash_rmb : e.cash_foreign);
  if (r.kind === ECIG) add(ctx.data.articles[ECIG]?.entry);
  else if (r.type === 'goods' && !r.treatment) {
    add(e.goods);
    if (r.notes.includes('single_item')) add(e.single_item);
    if (r.kind === 'electronics') add(e.electronics);
    if (r.kind === 'gold' || r.kind === 'gold_jewellery') add(e.gold);
  }
  if (r.estimatedTaxRmb) add(e.tax);
}

function summarise(results: ItemResult[], category: DeclarationCategory, goods: { totalRmb: number; allowance?: number }, missing: MissingFact[], ctx: RulesContext, exciseOver = false): DeclarationResult {
  const notes: NoteCode[] = ['estimate'];
  if (exciseOver) notes.push('excise_over_value_allowance');
  const types = new Set(results.map((r) => r.type));
  if ([...types].some((t) => TOBACCO.has(t))) notes.push('tobacco_in_value_allowance');
  if (types.has('alcohol')) notes.push('alcohol_unsure');
  const valued = results.filter((r) => r.type === 'goods' && !r.treatment && r.kind !== ECIG);
  if (valued.some((r) => r.status === 'over') && valued.length > 1) notes.push('items_chosen_by_customs');
  const options = OPTIONS.filter((o) => results.some((r) => r.options.includes(o)));
  if (results.some((r) => r.currency !== undefined && r.currency !== 'CNY')) notes.push('rates');
  const taxes = results.map((r) => r.estimatedTaxRmb);
  const mustDeclare = exciseOver || results.some((r) => r.mustDeclare) || (category.route === 'frequent' && results.some((r) => r.status === 'unknown'));
  const entries = [...new Set(results.flatMap((r) => r.entries))];
  if (options.includes('temporary_storage') && ctx.data.entries.storage) entries.push(ctx.data.entries.storage);
  return {
    items: results,
    category,
    mustDeclare,
    channel: mustDeclare ? 'red' : 'green',
    estimatedTaxRmb: Math.round(taxes.reduce<number>((s, t) => s + (t ?? 0), 0)),
    taxComplete: taxes.every((t) => t !== null) && missing.length === 0,
    goodsTotalRmb: goods.totalRmb,
    ...(goods.allowance !== undefined ? { valueAllowanceRmb: goods.allowance } : {}),
    options,
    notes,
    rates: { asOf: ctx.rates.asOf, basis: ctx.rates.basis, source: ctx.rates.source.name, url: ctx.rates.source.url, reference: true },
    missing,
    entries,
    storageMonths: getLimit(ctx.limits, 'storage.months'),
  };
}
