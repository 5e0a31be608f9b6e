import { getLimit, type Limits } from '../knowledge/limits';
import { err, ok, type Result } from '../result';
import { MAX_GOODS_PIECES, type DeclarationData, type DeclarationInput, type DeclarationItem, type ItemType, type RatesFile, type Unit } from './schema';
import type { MissingFact } from './types';

/** What a description was read as (drink kind, goods class, flagged articles). */
/** The goods class of food, whose words may name a restricted article (meat, dairy, fruit). */
const FOOD = 'food';

export type Classification = { drink?: string; goodsClass?: string; articles: string[]; ecigPart?: EcigPart };
/** An e-cigarette is a device, or a pod or disposable (limits.yaml `ecigarettes`: devices, pods). */
export type EcigPart = 'devices' | 'pods';

/** An input error: the field (path into the request) and what is wrong with it. */
export type DeclarationError = { code: 'unknown_currency' | 'unknown_kind' | 'invalid_unit' | 'absurd_quantity'; message: string; field: string };

/** An item with its quantity in checked units and its value in RMB. */
export type NormalItem = {
  index: number;
  source: DeclarationItem;
  type: ItemType;
  kind?: string;
  articles: string[];
  /** sticks (cigarettes), pieces (cigars, goods), grams (tobacco), bottles (alcohol). */
  quantity?: number;
  /** Alcohol: ml per bottle, and whether it was assumed (standard bottle). */
  bottleMl?: number;
  assumedBottle?: boolean;
  /** Goods given by weight (gold). */
  weightGrams?: number;
  /** E-cigarettes: device, or pod/disposable; counted only when the traveller gave a number. */
  ecigPart?: EcigPart;
  ecigCounted?: boolean;
  valueRmb?: number;
  currency?: string;
};

export type NormalizeContext = { limits: Limits; rates: RatesFile; data: DeclarationData; classify(description: string, withArticles: boolean): Classification };

/** Sanity caps per checked unit (not regulation). */
const ABSURD: Record<string, number> = { cigarettes: 100_000, cigars: 10_000, tobacco: 100_000, alcohol: 1_000, goods: MAX_GOODS_PIECES };
const CHECKED_UNIT: Record<ItemType, string> = { cigarettes: 'cigarettes', cigars: 'cigars', tobacco: 'grams', alcohol: 'bottles', goods: 'pieces', cash: '' };
const GRAMS: Partial<Record<Unit, number>> = { g: 1, kg: 1000, jin: 500 };
const ALLOWED_UNITS: Record<ItemType, readonly (Unit | undefined)[]> = {
  cigarettes: [undefined, 'piece', 'pack', 'carton'],
  cigars: [undefined, 'piece', 'pack', 'carton'],
  tobacco: [undefined, 'g', 'kg', 'jin', 'piece', 'pack'],
  alcohol: [undefined, 'bottle', 'piece', 'ml', 'l'],
  cash: [undefined, 'piece'],
  goods: [undefined, 'piece', 'pack', 'carton', 'bottle', 'g', 'kg', 'jin'],
};

/**
 * A record's own entry: `kind` and `currency` come from the request, and `"__proto__"` or
 * `"constructor"` must not reach Object.prototype (issue 14 item 4; pinned by
 * test/adapters/http/declaration-api.test.ts "prototype keys").
 */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

const fail = (code: DeclarationError['code'], field: string, message: string) => err<DeclarationError>({ code, field, message: `${field}: ${message}` });

/**
 * Validates what zod cannot (currencies against rates.yaml, kinds against declaration.yaml,
 * units per type, absurd quantities) and converts every item to checked units and RMB. Facts
 * the check needs but the request lacks are collected in `missing`, not treated as errors.
 */
export function normalizeItems(input: DeclarationInput, ctx: NormalizeContext): Result<{ items: NormalItem[]; missing: MissingFact[] }, DeclarationError> {
  if (input.currency && own(ctx.rates.rates, input.currency) === undefined) return fail('unknown_currency', 'currency', unknownCurrency(input.currency, ctx.rates));
  const items: NormalItem[] = [];
  const missing: MissingFact[] = [];
  for (const [index, source] of input.items.entries()) {
    const r = normalizeOne(index, source, input.currency, ctx, missing);
    if (!r.ok) return r;
    items.push(r.value);
  }
  return ok({ items, missing });
}

function unknownCurrency(code: string, rates: RatesFile): string {
  return `unknown currency "${code}"; known: ${Object.keys(rates.rates).join(', ')}`;
}

function normalizeOne(index: number, source: DeclarationItem, defaultCurrency: string | undefined, ctx: NormalizeContext, missing: MissingFact[]): Result<NormalItem, DeclarationError> {
  const at = (f: string) => `items.${index}.${f}`;
  const { type, unit } = source;
  if (!ALLOWED_UNITS[type].includes(unit)) return fail('invalid_unit', at('unit'), `"${unit}" is not a unit for ${type}; use one of ${ALLOWED_UNITS[type].filter(Boolean).join(', ')}`);
  const item: NormalItem = { index, source, type, articles: [] };

  const classify = (withArticles: boolean): Classification => (source.description ? ctx.classify(source.description, withArticles) : { articles: [] });
  if (source.kind !== undefined) {
    const known = type === 'alcohol' ? own(ctx.data.drinks, source.kind) : type === 'goods' ? own(ctx.data.goodsBands, source.kind) : undefined;
    if (known === undefined) {
      const allowed = type === 'alcohol' ? Object.keys(ctx.data.drinks) : type === 'goods' ? Object.keys(ctx.data.goodsBands) : [];
      return fail('unknown_kind', at('kind'), allowed.length ? `unknown kind "${source.kind}" for ${type}; use one of ${allowed.join(', ')}` : `${type} items take no kind`);
    }
    item.kind = source.kind;
  } else if (type === 'alcohol') item.kind = classify(false).drink ?? 'alcohol';
  else if (type === 'goods') {
    const classified = classify(false);
    if (classified.goodsClass) item.kind = classified.goodsClass;
    else {
      const withArticles = classify(true);
      item.articles = withArticles.articles;
      if (withArticles.ecigPart) item.ecigPart = withArticles.ecigPart;
    }
  }

  // food is looked at for articles too: "和牛1公斤 12000日元" is meat whatever its price, not a snack within the allowance
  if (type === 'goods' && item.kind === FOOD && item.articles.length === 0) {
    const restricted = classify(true).articles;
    if (restricted.length > 0) {
      item.articles = restricted;
      delete item.kind;
    }
  }

  const currency = source.currency ?? defaultCurrency;
  if (currency !== undefined && own(ctx.rates.rates, currency) === undefined) return fail('unknown_currency', source.currency ? at('currency') : 'currency', unknownCurrency(currency, ctx.rates));
  if (source.value !== undefined) {
    if (currency === undefined) missing.push({ field: `items.${index}.currency`, itemIndex: index });
    else {
      item.currency = currency;
      item.valueRmb = source.value * (own(ctx.rates.rates, currency) ?? 1);
    }
  } else if ((type === 'cash' || type === 'goods') && item.articles.length === 0) {
    missing.push({ field: `items.${index}.value`, itemIndex: index });
  }

  const quantity = quantityOf(source, ctx.limits, item);
  if (quantity === 'missing') {
    if (type !== 'goods' && type !== 'cash') missing.push({ field: `items.${index}.quantity`, itemIndex: index });
  } else if (quantity !== undefined) {
    if (quantity > (ABSURD[type] ?? Infinity)) return fail('absurd_quantity', at('quantity'), `${quantity} ${CHECKED_UNIT[type]} is more than anyone carries as baggage (at most ${ABSURD[type]} per line)`);
    item.quantity = quantity;
  }
  if (item.ecigPart && source.quantity !== undefined && (source.unit === undefined || source.unit === 'piece')) item.ecigCounted = true;
  if (type === 'goods' && item.quantity === undefined) item.quantity = 1;
  return ok(item);
}

/** Quantity in checked units, 'missing' when the check cannot count it (cigars by the box). */
function quantityOf(source: DeclarationItem, limits: Limits, item: NormalItem): number | 'missing' | undefined {
  const { type, unit, quantity } = source;
  if (type === 'cash') return undefined;
  if (quantity === undefined) {
    if (type === 'alcohol' && source.volumeMl === undefined) return 'missing';
    if (type === 'alcohol') return alcoholBottles(1, source.volumeMl, limits, item);
    return type === 'goods' ? undefined : 'missing';
  }
  switch (type) {
    case 'cigarettes':
      if (unit === 'carton') return quantity * getLimit(limits, 'units.cigarettesPerCarton');
      if (unit === 'pack') return quantity * getLimit(limits, 'units.cigarettesPerPack');
      return quantity;
    case 'cigars':
      return unit === 'pack' || unit === 'carton' ? 'missing' : quantity;
    case 'tobacco':
      return unit === 'piece' || unit === 'pack' ? 'missing' : quantity * (GRAMS[unit ?? 'g'] ?? 1);
    case 'alcohol':
      if (unit === 'ml' || unit === 'l') return alcoholVolume(quantity * (unit === 'l' ? 1000 : 1), limits, item);
      return alcoholBottles(quantity, source.volumeMl, limits, item);
    case 'goods': {
      const grams = unit ? GRAMS[unit] : undefined;
      if (grams === undefined) return quantity;
      item.weightGrams = quantity * grams;
      return 1;
    }
  }
}

function alcoholBottles(count: number, volumeMl: number | undefined, limits: Limits, item: NormalItem): number {
  item.bottleMl = volumeMl ?? getLimit(limits, 'alcohol.standardBottleMl');
  item.assumedBottle = volumeMl === undefined;
  return Math.ceil(count);
}

/** A volume without bottles counts as standard bottles ("1.5 l of whisky" = 2 × 750 ml). */
function alcoholVolume(totalMl: number, limits: Limits, item: NormalItem): number {
  const standard = getLimit(limits, 'alcohol.standardBottleMl');
  const bottles = Math.max(1, Math.round(totalMl / standard));
  item.bottleMl = totalMl / bottles;
  item.assumedBottle = true;
  return bottles;
}
