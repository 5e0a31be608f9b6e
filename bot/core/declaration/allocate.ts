/**
 * The arithmetic of "which part of a list is duty-free". Customs decides which items count
 * against an allowance (fact sheet 2.2: UNSURE), so every estimate here takes the split most
 * favourable to the traveller. Each function is a minimum over feasible splits, which makes the
 * estimate independent of the order of items and never lower when an item is added (pinned by the
 * property tests in test/core/declaration/rules.test.ts).
 */

/** Units of one kind sharing a price per unit (RMB; 0 when unknown). */
export type CountLot = { quantity: number; price: number };
export type CountSplit = { exempt: number; taxed: number; overCap: number };

/**
 * Splits lots counted in units (cigarettes, cigars, grams): the `allowance` most expensive units
 * are duty-free, the next `cap` units are taxed, anything beyond is over the taxable cap.
 * @example allocateCount([{quantity: 2400, price: 0}], 400, 400) // [{exempt: 400, taxed: 400, overCap: 1600}]
 */
export function allocateCount(lots: readonly CountLot[], allowance: number, cap: number): CountSplit[] {
  const order = lots.map((lot, i) => ({ lot, i })).sort((a, b) => b.lot.price - a.lot.price || a.i - b.i);
  const out: CountSplit[] = lots.map(() => ({ exempt: 0, taxed: 0, overCap: 0 }));
  let free = allowance;
  let taxable = cap;
  for (const { lot, i } of order) {
    const split = out[i] as CountSplit;
    split.exempt = Math.min(lot.quantity, free);
    free -= split.exempt;
    split.taxed = Math.min(lot.quantity - split.exempt, taxable);
    taxable -= split.taxed;
    split.overCap = lot.quantity - split.exempt - split.taxed;
  }
  return out;
}

/** Bottles of one line: how many, ml each, price each (RMB; 0 when unknown). */
export type BottleLot = { count: number; ml: number; price: number };

/**
 * Every way to pick up to `maxCount` bottles of at most `maxMl` in total from the lots, as
 * counts per lot. Allowances are a couple of bottles, so the enumeration stays small.
 */
export function bottleSelections(lots: readonly BottleLot[], maxCount: number, maxMl: number): number[][] {
  const out: number[][] = [];
  const pick = (i: number, left: number, mlLeft: number, acc: number[]) => {
    if (i === lots.length) {
      out.push([...acc]);
      return;
    }
    const lot = lots[i] as BottleLot;
    for (let n = 0; n <= Math.min(lot.count, left) && n * lot.ml <= mlLeft + 1e-9; n++) {
      acc.push(n);
      pick(i + 1, left - n, mlLeft - n * lot.ml, acc);
      acc.pop();
    }
  };
  pick(0, Math.max(0, Math.floor(maxCount)), Math.max(0, maxMl), []);
  return out;
}

const valueOf = (lots: readonly BottleLot[], sel: readonly number[]) => sel.reduce((s, n, i) => s + n * (lots[i]?.price ?? 0), 0);
const countOf = (sel: readonly number[]) => sel.reduce((s, n) => s + n, 0);
const mlOf = (lots: readonly BottleLot[], sel: readonly number[]) => sel.reduce((s, n, i) => s + n * (lots[i]?.ml ?? 0), 0);

/**
 * Splits bottles under an allowance of `allowance.count` bottles and `allowance.ml` in total:
 * the duty-free choice that leaves the least tax, where the taxed bottles are the dearest
 * choice within the taxable cap (the taxed quantity may not exceed the duty-free quantity,
 * fact sheet 3.2, UNSURE) and the rest is over the cap. Ties: more bottles duty-free.
 */
export function allocateBottles(lots: readonly BottleLot[], allowance: { count: number; ml: number }, cap: { count: number; ml: number }): CountSplit[] {
  let best: { exempt: number[]; taxed: number[]; tax: number } | undefined;
  for (const exempt of bottleSelections(lots, allowance.count, allowance.ml)) {
    const rest = lots.map((l, i) => ({ ...l, count: l.count - (exempt[i] ?? 0) }));
    let taxed = rest.map(() => 0);
    let taxValue = 0;
    for (const t of bottleSelections(rest, cap.count, cap.ml)) {
      const v = valueOf(rest, t);
      if (v > taxValue || (v === taxValue && countOf(t) > countOf(taxed))) [taxed, taxValue] = [t, v];
    }
    const better =
      !best ||
      taxValue < best.tax - 1e-9 ||
      (Math.abs(taxValue - best.tax) <= 1e-9 && (countOf(exempt) > countOf(best.exempt) || (countOf(exempt) === countOf(best.exempt) && mlOf(lots, exempt) > mlOf(lots, best.exempt))));
    if (better) best = { exempt, taxed, tax: taxValue };
  }
  const chosen = best ?? { exempt: lots.map(() => 0), taxed: lots.map(() => 0), tax: 0 };
  return lots.map((l, i) => {
    const exempt = chosen.exempt[i] ?? 0;
    const taxed = chosen.taxed[i] ?? 0;
    return { exempt, taxed, overCap: l.count - exempt - taxed };
  });
}

/** One indivisible piece of goods: value in RMB and the tax rate of its band (0..1). */
export type Piece = { valueRmb: number; rate: number };

/**
 * Chooses the duty-free pieces under a value allowance (RMB) so the tax on the rest is least:
 * a 0/1 knapsack over whole yuan (a piece worth more than the allowance can never be duty-free,
 * which is the single-item rule of fact sheet 2.2). Returns one flag per piece: true = duty-free.
 * @example exemptPieces([{valueRmb: 8000, rate: 0.2}], 5000) // [false]: taxed in full
 */
export function exemptPieces(pieces: readonly Piece[], allowanceRmb: number): boolean[] {
  const capacity = Math.max(0, Math.floor(allowanceRmb));
  const weights = pieces.map((p) => Math.ceil(p.valueRmb));
  // pieces worth more than the allowance can never be duty-free; if the rest fits, no search is needed
  const fitting = weights.reduce((s, w) => (w <= capacity ? s + w : s), 0);
  if (fitting <= capacity) return weights.map((w) => w <= capacity);
  const best = new Float64Array(capacity + 1);
  const keep = pieces.map(() => new Uint8Array(capacity + 1));
  pieces.forEach((p, i) => {
    const w = weights[i] ?? 0;
    const benefit = p.valueRmb * p.rate;
    const row = keep[i] as Uint8Array;
    for (let c = capacity; c >= w; c--) {
      const candidate = (best[c - w] ?? 0) + benefit;
      if (candidate > (best[c] ?? 0) + 1e-9) {
        best[c] = candidate;
        row[c] = 1;
      }
    }
  });
  const exempt = pieces.map(() => false);
  let c = capacity;
  for (let i = pieces.length - 1; i >= 0; i--) {
    if ((keep[i] as Uint8Array)[c]) {
      exempt[i] = true;
      c -= weights[i] ?? 0;
    }
  }
  return exempt;
}
