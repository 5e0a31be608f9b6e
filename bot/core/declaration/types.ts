import type { DeclarationCategory, DeclarationItem, DeclarationOption, ItemType, NoteCode, Treatment, Unit } from './schema';

/** Unit a checked quantity is expressed in after normalisation. */
export type CheckedUnit = 'sticks' | 'pieces' | 'grams' | 'bottles' | 'rmb';

/**
 * - within: inside the allowance, nothing to do;
 * - over: above the allowance: declare; tax on the excess (or options);
 * - declare: must be declared but is not taxed (cash) or cannot be estimated (frequent traveller's goods);
 * - outside: not covered by the allowance (drinks under 12%): customs judges a reasonable quantity;
 * - prohibited / restricted: an article flagged by the concept matcher;
 * - unknown: a fact is missing (see `missing`).
 */
export type ItemStatus = 'within' | 'over' | 'declare' | 'outside' | 'prohibited' | 'restricted' | 'unknown';

/** The check of one item. Amounts in RMB; quantities in `unit`. */
export type ItemResult = {
  /** Position in the request's `items`. */
  index: number;
  type: ItemType;
  description?: string;
  /** The quantity as the traveller gave it (12 cartons), when it differs from `quantity`. */
  given?: { quantity: number; unit: Unit };
  /** Drink kind, goods class or article concept the item was read as. */
  kind?: string;
  /** Normalised quantity (sticks, pieces, grams, bottles; RMB for cash and goods). */
  quantity?: number;
  unit?: CheckedUnit;
  /** Alcohol: volume of one bottle and total, ml. */
  volumeMl?: number;
  totalMl?: number;
  abv?: number;
  /** Value in RMB (converted at the reference rate when given in another currency). */
  valueRmb?: number;
  /** Original value and currency when not RMB. */
  value?: number;
  currency?: string;
  /** Cash: the USD equivalent, for the USD 5,000 threshold. */
  valueUsd?: number;
  /** Duty-free quantity (or RMB) that applies to this item; 0 when another item uses it. */
  allowance?: number;
  /** Alcohol: the total volume allowance, ml. */
  allowanceMl?: number;
  /** Quantity (or RMB) above the allowance. */
  excess?: number;
  /** Quantity (or RMB) the estimate taxes. */
  taxable?: number;
  /** Tobacco and alcohol: quantity above the taxable cap (storage, return or abandon only). */
  overCap?: number;
  taxableCap?: number;
  bandPercent?: number;
  /** Estimated tax in RMB; null when it cannot be estimated (no price). */
  estimatedTaxRmb?: number | null;
  mustDeclare: boolean;
  status: ItemStatus;
  treatment?: Treatment;
  options: DeclarationOption[];
  notes: NoteCode[];
  /** Knowledge entries behind this item's rules. */
  entries: string[];
};

/** A fact the check needs and the request did not give. `field` is a path into the request. */
export type MissingFact =
  | { field: 'category.route' }
  | { field: 'category.residency' }
  | { field: `items.${number}.value`; itemIndex: number }
  | { field: `items.${number}.currency`; itemIndex: number }
  | { field: `items.${number}.quantity`; itemIndex: number };

/** The whole result: every item, the channel, the tax estimate, notes. */
export type DeclarationResult = {
  items: ItemResult[];
  category: DeclarationCategory;
  /** True when anything must (or, being unsure, should) be declared: take the red channel. */
  mustDeclare: boolean;
  channel: 'red' | 'green';
  /** Sum of the estimated taxes, RMB; a lower bound when `taxComplete` is false. */
  estimatedTaxRmb: number;
  taxComplete: boolean;
  /** Goods: total value (RMB) and the value allowance that applies, when known. */
  goodsTotalRmb: number;
  valueAllowanceRmb?: number;
  /** Options that apply to at least one item, in a fixed order. */
  options: DeclarationOption[];
  /** Notes for the whole list (always includes "estimate"). */
  notes: NoteCode[];
  rates: { asOf: string; basis: 'hand-set' | 'customs-monthly'; source: string; url: string; reference: true };
  /** Facts to ask for; when not empty the result is partial. */
  missing: MissingFact[];
  /** Knowledge entries cited, most relevant first. */
  entries: string[];
  /** Temporary storage period (months, UNSURE) for the options text. */
  storageMonths: number;
};

/** An item as the chat parser read it, with where it came from. */
export type ParsedItem = DeclarationItem & {
  /** The traveller's words for it (for the reply; escaped by the channel that shows it). */
  label: string;
  /** True when the item has a quantity or a value (counts towards "a list"). */
  quantified: boolean;
  hasMoney: boolean;
  /** Named only as a prohibited or restricted article ("колбаса"), without a quantity. */
  article?: boolean;
  /** Where the price of a bought thing is written (in the normalised text): not a cash topic. */
  priceSpan?: { start: number; end: number };
  /** Where a sum of cash is written (for its currency: "¥600,000" said by a traveller from Japan is yen). */
  sumSpan?: { start: number; end: number };
  /** Said to be the traveller's own, worn or taken home again ("jacket CAD 1,395 (mine, wearing it, taking it home)"). */
  own?: boolean;
};

/** What the parser found in a message. */
export type ParsedDeclaration = {
  items: ParsedItem[];
  category: DeclarationCategory;
  /** 0..1: how sure the parser is that the message is a list of things carried. */
  confidence: number;
  /** The message says the traveller is coming into China ("从泰国回", "flying home"), whatever else it says of leaving. */
  inbound: boolean;
  /** The message speaks of buying ("bought", "купила", "买了") and names no cash. */
  bought: boolean;
  /** Stretches naming things said to be absent ("no cigarettes or alcohol", "没有烟酒"): no topic of the message. */
  absent?: { start: number; end: number }[];
  /** How many travellers the message says share the things listed («на двоих», "for the two of us"), from 2. */
  sharedBy?: number;
};

/** Goods classes that name no particular kind of thing: "gifts", "stuff", a sum over several things (knowledge/declaration.yaml). */
export const UNSPECIFIC_GOODS: ReadonlySet<string> = new Set(['general', 'assorted']);

/**
 * True when the things listed are sums of cash in two currencies or more ("人民币3万和2000美元"): declared
 * above the same thresholds going in or out. (Two sums of one currency are a story: "8k USD, I declared 10k when I arrived".)
 */
export function isCashList(items: readonly ParsedItem[]): boolean {
  return items.length >= 2 && items.every((i) => i.type === 'cash') && new Set(items.map((i) => i.currency ?? 'CNY')).size >= 2;
}

/** The text with the given stretches blanked out (same length, so positions stay the message's). */
export function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}
