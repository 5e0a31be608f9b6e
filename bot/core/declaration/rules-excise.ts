import { getLimit, type Limits } from '../knowledge/limits';
import { allocateBottles, allocateCount, type CountSplit } from './allocate';
import type { NormalItem } from './normalize-items';
import type { DeclarationData, DeclarationOption, NoteCode, Route } from './schema';
import type { ItemResult } from './types';

/** Options for a quantity over the allowance: pay on the taxable part, or not bring it in. */
export const EXCESS_OPTIONS: readonly DeclarationOption[] = ['declare_and_pay', 'temporary_storage', 'return_shipment', 'abandon'];
const NOT_TAXABLE_OPTIONS: readonly DeclarationOption[] = ['temporary_storage', 'return_shipment', 'abandon'];

const TOBACCO_KINDS = ['cigarettes', 'cigars', 'tobacco'] as const;
type TobaccoKind = (typeof TOBACCO_KINDS)[number];
const LIMIT_KEY: Record<TobaccoKind, string> = { cigarettes: 'cigarettes', cigars: 'cigars', tobacco: 'tobaccoGrams' };
const UNIT: Record<TobaccoKind, ItemResult['unit']> = { cigarettes: 'sticks', cigars: 'pieces', tobacco: 'grams' };

const rateOf = (limits: Limits) => getLimit(limits, 'tax.band3Percent') / 100;
const pricePer = (item: NormalItem) => (item.valueRmb !== undefined && item.quantity ? item.valueRmb / item.quantity : undefined);

/** Common fields of an over/within result from a split. */
function fromSplit(item: NormalItem, split: CountSplit, allowance: number, cap: number, price: number | undefined, rate: number, notes: NoteCode[]): ItemResult {
  const quantity = item.quantity ?? 0;
  const excess = quantity - split.exempt;
  const taxKnown = price !== undefined || split.taxed === 0;
  const itemNotes = [...notes];
  if (split.overCap > 0) itemNotes.push('taxable_cap_unsure');
  if (!taxKnown) itemNotes.push('price_needed');
  return {
    index: item.index,
    type: item.type,
    quantity,
    allowance,
    excess,
    taxable: split.taxed,
    overCap: split.overCap,
    taxableCap: cap,
    bandPercent: rate * 100,
    estimatedTaxRmb: taxKnown ? split.taxed * (price ?? 0) * rate : null,
    mustDeclare: excess > 0,
    status: excess > 0 ? 'over' : 'within',
    options: excess <= 0 ? [] : split.taxed > 0 ? [...EXCESS_OPTIONS] : [...NOT_TAXABLE_OPTIONS],
    notes: itemNotes,
    entries: [],
    ...(item.valueRmb !== undefined ? { valueRmb: item.valueRmb } : {}),
  };
}

/**
 * Tobacco by the quantity table of the traveller's route (limits.yaml `tobacco`): the three
 * kinds are alternatives (400 cigarettes OR 20 cigars OR 500 g, fact sheet 3.1), so the
 * allowance goes to the one kind where it saves most; other kinds are over from the first
 * piece. Tax 50% (tax.band3Percent) on at most the table quantity beyond the allowance
 * (fact sheet 3.2, UNSURE); the rest can only be stored, shipped back or abandoned.
 * Counting tobacco within the value allowance (since Dec 2024) is flagged, not computed: its
 * mechanics are UNSURE (fact sheet 0.2 item 10).
 */
export function checkTobacco(items: readonly NormalItem[], route: Route, limits: Limits): ItemResult[] {
  if (items.length === 0) return [];
  const rate = rateOf(limits);
  const table = (k: TobaccoKind) => getLimit(limits, `tobacco.${route}.${LIMIT_KEY[k]}`);
  const present = TOBACCO_KINDS.filter((k) => items.some((i) => i.type === k));
  const splitFor = (holder: TobaccoKind) =>
    present.map((k) => {
      const lines = items.filter((i) => i.type === k);
      const splits = allocateCount(lines.map((i) => ({ quantity: i.quantity ?? 0, price: pricePer(i) ?? 0 })), k === holder ? table(k) : 0, table(k));
      const tax = splits.reduce((s, sp, j) => s + sp.taxed * (pricePer(lines[j] as NormalItem) ?? 0) * rate, 0);
      return { k, lines, splits, tax };
    });
  const covered = (k: TobaccoKind) => Math.min(1, items.filter((i) => i.type === k).reduce((s, i) => s + (i.quantity ?? 0), 0) / Math.max(1, table(k)));
  const options = present.map((holder) => ({ holder, kinds: splitFor(holder) }));
  const total = (o: (typeof options)[number]) => o.kinds.reduce((s, k) => s + k.tax, 0);
  options.sort((a, b) => total(a) - total(b) || covered(b.holder) - covered(a.holder) || TOBACCO_KINDS.indexOf(a.holder) - TOBACCO_KINDS.indexOf(b.holder));
  const chosen = options[0];
  if (!chosen) return [];
  const notes: NoteCode[] = present.length > 1 ? ['tobacco_alternatives'] : [];
  return chosen.kinds.flatMap(({ k, lines, splits }) =>
    lines.map((item, j) => ({ ...fromSplit(item, splits[j] as CountSplit, k === chosen.holder ? table(k) : 0, table(k), pricePer(item), rate, notes), unit: UNIT[k] })),
  );
}

/**
 * Alcohol of 12% or more (alcohol.minAbvPercent) by the route's bottles and total volume
 * (limits.yaml `alcohol`, UNSURE since Dec 2024: the reply says to confirm with 12360). Bottle
 * size defaults to alcohol.standardBottleMl, strength to the drink's typical one (both said in
 * the reply). Without a price the fact sheet's example value of the drink is used, labelled.
 * Weaker drinks are outside the allowance: customs judges a reasonable quantity.
 */
export function checkAlcohol(items: readonly NormalItem[], route: Route, limits: Limits, data: DeclarationData): ItemResult[] {
  const minAbv = getLimit(limits, 'alcohol.minAbvPercent');
  const rate = rateOf(limits);
  const strength = (i: NormalItem) => i.source.abv ?? data.drinks[i.kind ?? 'alcohol']?.typicalAbvPercent;
  const counted = items.filter((i) => (strength(i) ?? minAbv) >= minAbv);
  const price = (i: NormalItem): { value?: number; example: boolean } => {
    const own = pricePer(i);
    if (own !== undefined) return { value: own, example: false };
    const path = data.drinks[i.kind ?? 'alcohol']?.exampleValue;
    const example = path ? limits.values.get(path) : undefined;
    return example !== undefined ? { value: example, example: true } : { example: false };
  };
  const allowance = { count: getLimit(limits, `alcohol.${route}.bottles`), ml: getLimit(limits, `alcohol.${route}.totalMl`) };
  const splits = allocateBottles(
    counted.map((i) => ({ count: i.quantity ?? 0, ml: i.bottleMl ?? 0, price: price(i).value ?? 0 })),
    allowance,
    allowance,
  );
  return items.map((item) => {
    const abv = strength(item);
    const base = { volumeMl: item.bottleMl, totalMl: (item.bottleMl ?? 0) * (item.quantity ?? 0), unit: 'bottles' as const, kind: item.kind, ...(abv !== undefined ? { abv } : {}) };
    const notes: NoteCode[] = [];
    if (item.assumedBottle) notes.push('standard_bottle');
    const drink = data.drinks[item.kind ?? 'alcohol'];
    if (item.source.abv === undefined && (drink?.typicalAbvPercent === undefined || drink.strengthVaries)) notes.push('abv_assumed');
    const j = counted.indexOf(item);
    if (j < 0) {
      return { index: item.index, type: item.type, quantity: item.quantity, ...base, mustDeclare: false, status: 'outside', options: [], notes: [...notes, 'below_abv'], entries: [] } satisfies ItemResult;
    }
    const p = price(item);
    const split = splits[j] as CountSplit;
    if (p.example && split.taxed > 0) notes.push('example_value');
    return { ...fromSplit(item, split, allowance.count, allowance.count, p.value, rate, notes), ...base, allowanceMl: allowance.ml };
  });
}
