import { normalizeText } from '../text';
import { phrasesAt, type Lexicon, type ItemWord } from './lexicon';
import { isHan } from './numbers';
import { DIMENSION, isOnePiece, scanWithAbsent, type Token } from './scan';
import type { DeclarationCategory, DeclarationData, ItemType, Residency, Route, Unit } from './schema';
import { UNSPECIFIC_GOODS, blank, isCashList, type ParsedDeclaration, type ParsedItem } from './types';

/** What the parser needs besides the lexicon: the shared concept and category matchers. */
export type ParseContext = {
  lexicon: Lexicon;
  data: DeclarationData;
  /** Concept ids (knowledge/lang/*.yaml `concepts`) found in a text. */
  matchConcepts(text: string): ReadonlySet<string>;
  /** Traveller category cues found in a text. */
  matchCategories(text: string): ReadonlySet<string>;
  /** Currency of sums when the message names none (the message language's, if it has one). */
  defaultCurrency?: string;
  /** True when the text is phrased as a question (the shared question words, "吗", "можно ли"). */
  asksQuestion(text: string): boolean;
  /** RMB per unit of each currency (rates.yaml), to see a total restating sums in several currencies. */
  rmbRates?: Readonly<Record<string, number>>;
};

/** A list number: one or two digits with ")" or "、" (or "(n)"), at the start or after a space or colon, before a space. */
const ENUMERATOR = /(^|[\s:：;；,，])\(?\d{1,2}[)、](?=\s|\p{L})/gu;
/** "1. Сумка … 2. Духи …": numbers with a full stop before a word, when the message counts 1. and 2. so (else "купил 2. Потом" would lose a count). */
const DOTTED_ENUMERATOR = /(^|[\s:：;；,，])\d{1,2}\.(?=\s+\p{L})/gu;
const DOTTED_LIST = [/(^|[\s:：])1\.\s+\p{L}/u, /(^|[\s:：;；,，])2\.\s+\p{L}/u];
/** Gold purity in karats ("18k", "24K"): no sum of money when said of gold. */
const KARAT = /^(?:9|10|14|18|22|24)\s?(?:k|kt|karat)$/iu;
/** Up to this length a message listing counted banned or restricted things is their list (longer, it is a story). */
const ARTICLE_LIST_CHARS = 150;
/** From this many things named, a message is a list whatever rule question it also asks. */
const LISTED_THINGS = 3;

/** Tuning of list detection (not regulation). */
export type ParseOptions = {
  /** Confidence from which a message is treated as a list (default 0.6). */
  minConfidence: number;
};
export const defaultParseOptions: ParseOptions = { minConfidence: 0.6 };

type Qty = Extract<Token, { kind: 'qty' }>;
type Money = Extract<Token, { kind: 'money' }>;
type Thing = Extract<Token, { kind: 'item' | 'drink' | 'goods' }>;

/** Tokens of one item, gathered left to right. */
type Group = { things: Thing[]; count?: Qty; volume?: Qty; weight?: Qty; money?: Money; perUnit: boolean; total: boolean; abv?: number; times?: number; start: number; end: number; priceMarked?: boolean; currency?: string; volumeEach?: boolean; weightEach?: boolean; unnamedThing?: boolean; nameBefore?: Span; sentenceStart?: boolean; eachSeen?: boolean; itemized?: boolean; lot?: boolean };

/** Two or more letters of a word (Chinese characters included). */
const LETTER_RUN = /\p{L}{2,}/u;
/** A comma that ends a thing's name before what is said of it ("30件样衣回来给厂家打版，每件大概5万韩元"). */
const LIST_COMMA = /[,，、;；]/u;
/** Spaces and punctuation between the words of a name (labels are joined with one space). */
const PUNCTUATION_RUN = /[\s,.;:!?，。；：！？()（）]+/gu;
/** Punctuation that ends a sentence. */
const SENTENCE_END = /[?？!！。\n]/u;
/** A full stop ending a sentence: before a space or the end (not a decimal point). */
const FULL_STOP = /\.(?=\s|$)/u;
/** Two Chinese characters or more: a name in a Chinese message. */
const HAN_NAME = /^\p{Script=Han}{2,}/u;
/** A name of three letters or more (any script). */
const UNKNOWN_NAME = /^\p{L}{3,}/u;
/** Text ending in a Chinese character. */
const HAN_END = /\p{Script=Han}$/u;
/** One Chinese character standing alone as a name ("衫", "表"); which characters name nothing is language data (namelessChars). */
const ONE_HAN_NAME = /(?:^|[\s,，、:：;；])\p{Script=Han}\s*$/u;
const isPerUnit = (t: Token | undefined) => t?.kind === 'marker' && t.marker === 'perUnit';
const GENERIC_DRINKS = new Set(['alcohol', 'spirits']);
/** The goods class of generic words (gift, stuff, 东西, вещи): declaration.yaml's required "general". */
const GENERIC_GOODS: ReadonlySet<string> = UNSPECIFIC_GOODS;
/** The goods class of a sum over several things (knowledge/declaration.yaml `divisible`). */
const SEVERAL_THINGS = 'assorted';
/** Goods weighed in grams whatever their count (rules-goods isHeavyGold): the weight given is the lot's. */
const GOLD_CLASSES: ReadonlySet<string> = new Set(['gold', 'gold_jewellery', 'jewellery']);

/** The family of a thing: items of one family merge ("Hennessy cognac"), others start a new item. */
function familyOf(t: Thing): string {
  if (t.kind === 'item') return t.item;
  if (t.kind === 'goods') return 'goods';
  return `drink:${t.drink}`;
}
function sameFamily(a: Thing, b: Thing): boolean {
  const fa = familyOf(a);
  const fb = familyOf(b);
  if (fa === fb) return true;
  return a.kind === 'drink' && b.kind === 'drink' && (GENERIC_DRINKS.has(a.drink) || GENERIC_DRINKS.has(b.drink));
}

const newGroup = (start: number): Group => ({ things: [], perUnit: false, total: false, start, end: start });

/**
 * A group that only adds a detail to the one before: a volume or strength the drink lacks, or a
 * price ("3个包，每个5000元", "2 bags, each for 5000") the thing lacks.
 */
function isDetailOf(g: Group, before: Group, text: string, nothingPricedYet = false): boolean {
  if (restatesInPieces(g, before, text)) return true;
  // "золотые цепочки 3 штуки, всего 120 г", "金项链3条，一共120克": a weight alone after counted goods is the lot's
  if (g.weight && !g.sentenceStart && g.things.length === 0 && !g.count && !g.money && !g.volume && before.count && !before.weight && before.things.some((t) => t.kind === 'goods')) return true;
  // "сигары кубинские, 30 шт, Cohiba", "табак для кальяна, 1 кг": an amount alone between commas is the named thing's before it
  const lone = !g.sentenceStart && g.things.length === 0 && !g.money && !g.volume && g.abv === undefined && Boolean(g.count) !== Boolean(g.weight);
  if (lone && before.things.length > 0 && !before.count && !before.weight && !before.money && !before.volume) return true;
  if (g.things.length || g.count || g.weight) return false;
  // "gold chain 8g, 14,000 baht": a sum alone after goods without a price is their price (after drinks it may be cash)
  // (a sum called a total after gifts, with nothing priced before, is their price: "gifts for my host family, about USD 250 total";
  // after priced things it is the whole list's: "jacket $1.5k, airpods $249, perfumes and stuff, like $3k total")
  const goodsBefore = before.things.length > 0 && before.things.every((t) => t.kind === 'goods' && ((g.total && nothingPricedYet) || !GENERIC_GOODS.has(t.goodsClass ?? '')));
  // ("2 saris as gifts, 800 AED together": a counted thing the lexicon does not know, then a sum called a total, is that thing's price)
  const unknownCounted = before.things.length === 0 && before.count !== undefined && !before.weight && !before.volume && LETTER_RUN.test(unnamedLabel(before, text));
  if (g.money && unknownCounted && (g.total || g.priceMarked) && !g.volume && g.abv === undefined && !before.money) return true;
  if (g.money) return (Boolean(g.priceMarked) || goodsBefore) && !g.volume && g.abv === undefined && before.things.length > 0 && !before.money;
  if (!g.volume && g.abv === undefined) return false;
  const drink = before.things.some((t) => t.kind === 'drink') || before.count?.unit === 'bottle';
  // ("5个一次性电子烟，每个10ml": a volume of each, alone, after counted things is each one's; it is no drink of its own)
  const eachOfCounted = g.volumeEach === true && g.abv === undefined && before.count !== undefined && before.things.length > 0 && !before.volume;
  return eachOfCounted || (drink && (!g.volume || !before.volume) && (g.abv === undefined || before.abv === undefined));
}

/**
 * How many unpriced goods right before a nameless total it prices together
 * («конфеты, духи и шарф, всего на 30 тысяч», "chocolates, a scarf and perfume, about $300 in total"):
 * two or more, when nothing in the message is priced yet; otherwise 0.
 */
function lotPricedByTotal(g: Group, groups: readonly Group[]): number {
  if (!g.total || !g.money || g.things.length > 0 || g.count || g.weight || g.volume || g.sentenceStart || groups.some((x) => x.money)) return 0;
  let n = 0;
  for (let i = groups.length - 1; i >= 0; i--) {
    const b = groups[i] as Group;
    if (b.sentenceStart && n > 0) break;
    if (b.things.length === 0 || !b.things.every((t) => t.kind === 'goods') || b.weight || b.volume) break;
    n++;
    if (b.sentenceStart) break;
  }
  return n >= 2 ? n : 0;
}

/** A sum opening brackets right after a word, an "about" between them allowed ("kit (~40,000 yuan)", "сумка (около 30 000 ₽)", "包（约3万）"). */
function bracketedAfterName(text: string, start: number, prev: Token | undefined): boolean {
  const from = prev?.kind === 'marker' && prev.marker === 'approx' && /^\s*$/u.test(text.slice(prev.end, start)) ? prev.start : start;
  return /[\p{L}\p{N}]\s*[(（]\s*[≈～]?\s*$/u.test(text.slice(Math.max(0, from - 16), from));
}

/** "雪茄两盒一共50支", "烟一条半，300支": a count in pieces alone, after tobacco counted in packs or cartons, is the same amount in pieces. */
function restatesInPieces(g: Group, before: Group, text: string): boolean {
  // (not a count with a name of its own before it: "2 блока сигарет, мёд 3 банки" is honey)
  if (g.count && LETTER_RUN.test(text.slice(g.start, g.count.start))) return false;
  // (nor one naming its own thing after it: "1 carton of cigarettes and 2 tins of caviar" is caviar)
  // (a word, not Chinese 装的 or 支装: "一盒雪茄 25支装的" restates the box in pieces)
  if (g.count && NAMING_WORD.test(text.slice(g.count.end, g.end))) return false;
  const tobacco = before.things.some((t) => t.kind === 'item' && (t.item === 'cigars' || t.item === 'cigarettes'));
  // (more pieces than packs, in the same sentence: "5 блоков сигарет … пару палок колбасы" restates nothing)
  return tobacco && !g.sentenceStart && g.things.length === 0 && !g.money && !g.volume && !g.weight && g.count?.unit === 'piece' && (before.count?.unit === 'pack' || before.count?.unit === 'carton') && g.count.value > before.count.value && !before.money;
}

type Span = { start: number; end: number };
const isSeparator = (t: Token) => t.kind === 'sep' || (t.kind === 'marker' && (t.marker === 'separators' || t.marker === 'alternatives'));

/**
 * Splits tokens into item groups: separators (",", "and", "и", "和"…) close a group, and so
 * does a token whose role the group already has (a second quantity of the same dimension, a
 * second price, a thing of another family). So "3条烟2瓶酒" and "сигареты 2 блока, коньяк 4
 * бутылки" both give two groups. A group holding only a detail of the one before (a volume, a
 * strength, a marked price) is merged into it.
 */
class Grouper {
  readonly groups: Group[] = [];
  readonly segments: Span[] = [];
  /** Where "or" words stand ("400 cigarettes or 20 cigars"). */
  private readonly alternativesAt: number[] = [];
  private g = newGroup(0);
  private segStart = 0;
  /** Where the current group's last quantity ends. */
  private lastAmountEnd: number | undefined;

  constructor(
    private readonly text: string,
    private readonly nameless: ReadonlySet<string>,
  ) {}

  add(t: Token, prev: Token | undefined, before: Token | undefined, next: Token | undefined, afterNext?: Token): void {
    // "подарки партнёрам: 3 бутылки водки": generic words before a colon head the list, they are no item
    const colon = prev ? this.text.slice(prev.end, t.start).search(/[:：]/u) : -1;
    // …and so does a sentence before it that names a thing but no amount ("visiting the Beer Festival for 5 days. Bringing omiyage: 6 furoshiki …")
    if (prev && colon >= 0 && (this.heading() || this.sentenceBefore(prev.end + colon))) this.g = newGroup(prev.end + colon + 1);
    const g = this.g;
    // "两个Prada bag，一个5800一个4200": the pieces' prices after a comma still belong to the counted thing
    const piecesPriced = isOnePiece(next) && afterNext?.kind === 'money' && g.things.length > 0 && g.things.every((x) => x.kind === 'goods') && (g.count?.value ?? 0) >= 2 && !g.money;
    if (isSeparator(t) && t.kind === 'sep' && piecesPriced) return;
    // "a gift box, 600,000 won": a sum alone after a comma is the price of the thing before it
    const loneSumNext = next?.kind === 'money' && (afterNext === undefined || afterNext.kind === 'sep');
    const pricedAfter = loneSumNext && g.things.length > 0 && g.things.every((x) => x.kind === 'goods') && !g.money;
    // (and so is one after a name that ends in a unit word, "高丽参礼盒，60万韩元": a boxed thing, priced)
    const boxedName = loneSumNext && prev?.kind === 'unit' && g.things.length === 0 && !g.count && !g.money && HAN_END.test(this.text.slice(Math.max(0, prev.start - 1), prev.start));
    if (t.kind === 'sep' && /^[\s,，]*$/u.test(this.text.slice(t.start, t.end)) && (pricedAfter || boxedName)) {
      if (boxedName) {
        g.unnamedThing = true;
        g.priceMarked = true;
      }
      return;
    }
    // "gold chain 18k 8g": the karats of gold, not 18,000
    if (t.kind === 'money' && KARAT.test(this.text.slice(t.start, t.end).trim()) && (g.things.some((x) => x.kind === 'goods' && GOLD_CLASSES.has(x.goodsClass)) || (next?.kind === 'goods' && GOLD_CLASSES.has(next.goodsClass)))) return;
    if (isSeparator(t)) return this.separate(t);
    // "4瓶XO 每瓶700毫升 烟没买": a word the lexicon does not know after a count, before its details, is that count's thing
    // …and so is one right before the group's first amount ("，Rimowa箱子 €780", "：人参礼盒2盒")
    const amount = t.kind === 'qty' || t.kind === 'money' || isPerUnit(t);
    // (unit words inside the name are part of it: "礼盒" holds 盒, "套盒" 套 and 盒)
    const word = prev?.kind === 'unit' ? (before?.kind === 'unit' ? undefined : before) : prev;
    const gapStart = word?.end ?? this.segStart;
    const gap = this.text.slice(gapStart, t.start);
    // (a Chinese name may be one character: "衫HK$2,500", "表3000"; words like 的 or 了 name nothing)
    const nameGap = amount && (LETTER_RUN.test(gap) || ONE_HAN_NAME.test([...gap].filter((c) => !this.nameless.has(c)).join('')));
    // a name before its amount is Chinese style ("红肠2根", "Rimowa箱子 €780"); "with 200g gold bar" names it after
    // …and so is any name before a price ("Shiseido ¥15,000", «фигурки 40 000 иен»)
    const hanName = nameGap && (HAN_END.test(gap.replace(/^.*[:：]/su, '').trimEnd()) || (t.kind === 'money' && LETTER_RUN.test(gap.replace(/^.*[:：]/su, ''))));
    if (nameGap && g.count && g.things.length === 0) g.unnamedThing = true;
    // "电子烟杆3个 烟弹十颗", "marlboro 2 cartons winston 3 cartons": a thing with its own count after a counted thing is the next item
    if ((t.kind === 'item' || t.kind === 'drink' || t.kind === 'goods') && this.counted() && next?.kind === 'qty') this.close(t.start);
    if (t.kind === 'item' || t.kind === 'drink' || t.kind === 'goods') return this.addThing(t, next);
    // "钱包里有6000刀现金", "in my wallet 5000 dollars cash": a sum right before a word for cash is that cash, not the price of the thing before
    // (not across a full stop: «набор косметики тысяч на 12. Наличными ещё 1500 долларов» prices the cosmetics)
    if (t.kind === 'money' && next?.kind === 'item' && next.item === 'cash' && g.things.length > 0 && !g.things.some((x) => x.kind === 'item' && x.item === 'cash') && !FULL_STOP.test(this.text.slice(t.end, next.start))) this.close(t.start);
    // "iPhone 8999港币 两条万宝路": a count right before a thing, after an item with its price, starts the next item
    if (t.kind === 'qty' && this.priced() && next !== undefined && (next.kind === 'item' || next.kind === 'drink' || next.kind === 'goods')) this.close(t.start);
    // "两个Prada包 一个6000一个7000": each piece's price in turn, summed into the counted item
    // (not "两条烟一个两千五的包": that piece is a thing of its own)
    const ownThing = afterNext !== undefined && (afterNext.kind === 'item' || afterNext.kind === 'drink' || afterNext.kind === 'goods');
    if (isOnePiece(t) && next?.kind === 'money' && !ownThing && this.g.things.length > 0 && this.g.things.every((x) => x.kind === 'goods') && (this.g.count?.value ?? 0) >= 2 && (!this.g.money || this.g.itemized)) {
      this.g.itemized = true;
      return;
    }
    // "3瓶真露 一瓶360ml": one of the same unit, then a volume or a price, is each one's
    if (t.kind === 'qty' && t.value === 1 && t.unit !== undefined && g.count && g.count.value > 1 && t.unit === g.count.unit && (next?.kind === 'money' || (next?.kind === 'qty' && next.unit !== undefined && DIMENSION[next.unit] !== 'count'))) {
      g.eachSeen = true;
      return;
    }
    if (t.kind === 'qty' || t.kind === 'money') {
      if (t.kind === 'qty') this.addQuantity(t, prev);
      else this.addMoney(t, prev, before);
      // the name is the first amount's, in the group that amount ended up in (it may have started a new one)
      const h = this.g;
      const amounts = [h.count, h.money, h.volume, h.weight].filter(Boolean).length;
      // (unless the group before has no name of its own: "5斤松子 2斤红肠" names things after their amounts)
      const nameAfter = h !== g && g.things.length === 0 && g.nameBefore === undefined;
      if (hanName && !nameAfter && h.things.length === 0 && amounts === 1) h.nameBefore = { start: gapStart, end: t.start };
      return;
    }
    // «у каждого по блоку сигарет»: "each" and a unit with no number before a thing is one unit each
    if (t.kind === 'unit' && isPerUnit(prev) && !g.count && !g.money && (next?.kind === 'item' || next?.kind === 'drink' || next?.kind === 'goods')) {
      this.addQuantity({ kind: 'qty', value: 1, unit: t.unit, start: t.start, end: t.end }, prev);
      return;
    }
    if (isPerUnit(t)) g.eachSeen = true;
    // "2 gold bars 100g each": "each" right after a weight makes it each piece's
    if (isPerUnit(t) && prev?.kind === 'qty' && prev === g.weight) g.weightEach = true;
    // …and right after a volume ("3 disposable vapes 10 ml each": ten millilitres in each, not ten in all)
    if (isPerUnit(t) && prev?.kind === 'qty' && prev === g.volume) g.volumeEach = true;
    if ((t.kind === 'unit' && prev?.kind === 'money') || (t.kind === 'marker' && t.marker === 'perUnit' && g.money)) g.perUnit = true;
    else if (t.kind === 'marker' && t.marker === 'total') g.total = true;
    // "美元现金8000", "евро наличными 3000": a currency word apart from its sum
    else if (t.kind === 'currency') g.currency = t.code;
    else if (t.kind === 'times') g.times = t.value;
    else if (t.kind === 'abv') {
      if (this.g.abv !== undefined) this.close(t.start);
      this.g.abv = t.value;
    }
  }

  finish(textLength: number): { groups: Group[]; segments: Span[]; alternatives: boolean } {
    this.close(textLength);
    this.segments.push({ start: this.segStart, end: Number.MAX_SAFE_INTEGER });
    // an "or" between two things with amounts offers alternatives ("400 cigarettes or 20 cigars");
    // elsewhere it asks which rule ("tax only the part over or all of it?"), unless many things are listed ("…kitkats. green or red?")
    const measured = (g: Group) => Boolean(g.count || g.money || g.volume || g.weight);
    const between = this.alternativesAt.some((at) => this.groups.some((g) => g.end <= at && measured(g)) && this.groups.some((g) => g.start >= at && measured(g)));
    const alternatives = between || (this.alternativesAt.length > 0 && this.groups.filter((g) => measured(g) && g.things.length > 0).length < LISTED_THINGS);
    return { groups: this.groups, segments: this.segments, alternatives };
  }

  private separate(t: Token): void {
    if (t.kind === 'marker' && t.marker === 'alternatives') this.alternativesAt.push(t.start);
    this.close(t.start);
    this.segments.push({ start: this.segStart, end: t.start });
    this.segStart = t.end;
    this.g = newGroup(t.end);
    // after "?", "!" or a full stop a new sentence starts: its amount is no detail of the thing before ("几条烟？有人买了四条")
    if (SENTENCE_END.test(this.text.slice(t.start, t.end))) this.g.sentenceStart = true;
  }

  /** The group holds only generic words (gifts, stuff, 东西) and no amount: a heading. */
  private heading(): boolean {
    const g = this.g;
    // ("наличка с собой: 300 тыс. рублей и 4 000 долларов": the word for cash heads a list of sums)
    return g.things.length > 0 && g.things.every((t) => (t.kind === 'goods' && GENERIC_GOODS.has(t.goodsClass ?? '')) || (t.kind === 'item' && t.item === 'cash')) && !g.count && !g.money && !g.volume && !g.weight;
  }

  /** The group names things but no amount, and a sentence ends between its last thing and `at` (a colon opening a list). */
  private sentenceBefore(at: number): boolean {
    const g = this.g;
    const last = g.things.at(-1);
    return last !== undefined && !g.count && !g.money && !g.volume && !g.weight && (FULL_STOP.test(this.text.slice(last.end, at)) || SENTENCE_END.test(this.text.slice(last.end, at)));
  }

  /** The group has a thing and, after it, its count ("电子烟杆3个"). */
  private counted(): boolean {
    const first = this.g.things[0];
    return first !== undefined && this.g.count !== undefined && this.g.count.start > first.start;
  }

  /** The group has a thing and, after it, its price ("iPad 4000"). */
  private priced(): boolean {
    const first = this.g.things[0];
    return first !== undefined && this.g.money !== undefined && this.g.money.start > first.start;
  }

  private addThing(t: Thing, next: Token | undefined): void {
    const first = this.g.things[0];
    // (only once that thing has a detail: in "с собой 2 пачки сигарет" the count is the cigarettes');
    // a name before the amounts ("人参礼盒2盒 共60万韩元 化妆品30万韩元") gives way to a thing with amounts of its own
    const detailed = Boolean(this.g.money || this.g.volume || this.g.weight || this.g.eachSeen);
    // ("6瓶面霜": a thing right after the amount, with no space, is still that amount's)
    const lastAmountEnd = Math.max(...[this.g.count, this.g.money, this.g.volume, this.g.weight].map((a) => a?.end ?? -1));
    const glued = lastAmountEnd >= 0 && lastAmountEnd === t.start;
    if (!first && ((detailed && this.g.unnamedThing) || (this.g.nameBefore !== undefined && !glued && (t.kind === 'goods' || next?.kind === 'qty' || next?.kind === 'money')))) this.close(t.start);
    // "iPad 4000 香水1200": named goods after an item that already has its price start the next
    // item; a generic word ("духи за 12 тыс в подарок", "gift") still describes the one before
    const named = t.kind !== 'goods' || !GENERIC_GOODS.has(t.goodsClass ?? '');
    if (first && (!sameFamily(first, t) || (this.priced() && named))) this.close(t.start);
    const g = this.g;
    if (!g.things.length && !g.count && !g.money) g.start = t.start;
    g.things.push(t);
  }

  private addQuantity(t: Qty, prev: Token | undefined): void {
    const dim = t.unit ? DIMENSION[t.unit] : 'count';
    // "300元一条": one unit right after a price makes it a price per unit
    if (dim === 'count' && this.g.money && prev?.kind === 'money' && t.value === 1 && !LETTER_RUN.test(this.text.slice(prev.end, t.start))) {
      this.g.perUnit = true;
      return;
    }
    // "两盒雪茄（每盒25支）": a count of each unit multiplies the count of units
    const counted = this.g.count;
    // …and so does "2 коробки по 25 шт" (each box holds 25 pieces)
    const perPiece = isPerUnit(prev) && (t.unit === 'piece' || t.unit === undefined) && counted?.unit !== undefined && counted.unit !== 'piece';
    if (dim === 'count' && counted && this.g.eachSeen && ((prev?.kind === 'unit' && prev.unit === counted.unit) || perPiece)) {
      this.g.count = { ...t, value: counted.value * t.value, start: counted.start };
      return;
    }
    // "两瓶伏特加（1升的）一公斤红肠": a weight after a drink is the next thing's; "2斤红肠 两瓶伏特加":
    // a word the lexicon does not know between two amounts is the thing of the first one
    // (not after "each": "4瓶XO 每瓶700毫升" is one thing's detail)
    // (nor a bottle's size after a count of bottles: "2 bottles of Hwayo (500ml)" is two half-litre bottles of a drink the lexicon does not know)
    const bottleSize = dim === 'volume' && this.g.count?.unit === 'bottle' && !this.g.volume;
    const unnamedBetween = this.g.things.length === 0 && !this.g.money && !this.g.eachSeen && !bottleSize && this.lastAmountEnd !== undefined && LETTER_RUN.test(this.text.slice(this.lastAmountEnd, t.start));
    // ("红茶3斤大概600块 蓝宝石一颗8千": after a priced amount, a name and a new amount are the next thing, which starts at the name)
    const namedAfterPrice = this.g.money !== undefined && LETTER_RUN.test(this.text.slice(this.g.money.end, t.start));
    if (namedAfterPrice) this.close((this.g.money as Money).end);
    else if (this.g[dim] || unnamedBetween || (dim === 'weight' && this.g.things.length > 0 && this.g.things.every((x) => x.kind === 'drink'))) this.close(t.start);
    this.lastAmountEnd = t.end;
    const g = this.g;
    if (dim === 'volume' && (isPerUnit(prev) || g.eachSeen)) g.volumeEach = true;
    if (dim === 'weight' && (isPerUnit(prev) || (g.eachSeen && prev?.kind === 'unit'))) g.weightEach = true;
    if (dim === 'volume' && g.times && !g.count) g.count = { ...t, value: g.times, unit: 'bottle' };
    g[dim] = t;
  }

  private addMoney(t: Money, prev: Token | undefined, before: Token | undefined): void {
    if (this.g.itemized && isOnePiece(prev)) {
      this.g.money = this.g.money ? { ...this.g.money, amount: this.g.money.amount + t.amount, currency: this.g.money.currency ?? t.currency, end: t.end } : t;
      return;
    }
    if (this.g.money) this.close(t.start);
    const g = this.g;
    g.money = t;
    if (isPerUnit(prev) || (prev?.kind === 'unit' && isPerUnit(before))) g.perUnit = true;
    // ("Sony FX3 kit (~40,000 yuan)": a sum in brackets right after a name is that thing's price)
    g.priceMarked = g.priceMarked === true || g.perUnit || (prev?.kind === 'marker' && prev.marker === 'value') || bracketedAfterName(this.text, t.start, prev);
  }

  private close(at: number): void {
    this.lastAmountEnd = undefined;
    const g = this.g;
    g.end = at;
    if (g.money && !g.money.currency && g.currency) g.money = { ...g.money, currency: g.currency };
    const last = this.groups.at(-1);
    const lot = lotPricedByTotal(g, this.groups);
    if (lot > 1) {
      // «конфеты, духи и шарф, всего тыс на 30 руб»: a total after several unpriced things is the price of them together
      const parts = this.groups.splice(this.groups.length - lot, lot);
      const first = parts[0] as Group;
      this.groups.push({ ...first, things: parts.flatMap((p) => p.things), count: undefined, money: g.money, total: true, lot: true, end: at });
    } else if (last && isDetailOf(g, last, this.text, this.groups.every((x) => !x.money))) {
      // "两瓶白酒，每瓶500毫升": a volume, strength or marked price alone belongs to the item before it
      if (restatesInPieces(g, last, this.text)) last.count = g.count;
      last.volume ??= g.volume;
      last.count ??= g.count;
      last.weight ??= g.weight;
      last.abv ??= g.abv;
      last.money ??= g.money;
      last.perUnit ||= g.perUnit;
      last.volumeEach ||= g.volumeEach;
      last.end = at;
    } else if (g.things.length || g.count || g.volume || g.weight || g.money) this.groups.push(g);
    this.g = newGroup(at);
  }
}

function groupTokens(tokens: Token[], text: string, nameless: ReadonlySet<string>): { groups: Group[]; segments: Span[]; alternatives: boolean } {
  const grouper = new Grouper(text, nameless);
  tokens.forEach((t, i) => grouper.add(t, tokens[i - 1], tokens[i - 2], tokens[i + 1], tokens[i + 2]));
  const grouped = grouper.finish(text.length);
  return { ...grouped, groups: withoutRestatements(grouped.groups, text) };
}

/** Text in brackets, round or full-width. */
const BRACKETED = /[(（][^()（）]*[)）]/gu;

/**
 * "300 cigarettes (a carton plus 5 packs)", «300 сигарет (полтора блока)»: packs or cartons in
 * brackets right after tobacco counted in pieces restate that count in other units; they are no
 * second item. (A count per box in brackets, "两盒雪茄（每盒25支）", is a detail the grouper keeps.)
 */
function withoutRestatements(groups: Group[], text: string): Group[] {
  const dropped = new Set<Group>();
  for (const m of text.matchAll(BRACKETED)) {
    const open = m.index;
    const close = open + m[0].length;
    const before = groups.filter((g) => g.end <= open + 1).at(-1);
    const inside = groups.filter((g) => g.start >= open && g.start < close);
    const inPieces = before !== undefined && before.things.some((t) => t.kind === 'item' && TOBACCO_ITEMS.has(t.item)) && (before.count?.unit === undefined || before.count.unit === 'piece') && before.count !== undefined;
    const packsOnly = inside.length > 0 && inside.every((g) => g.things.length === 0 && !g.money && !g.volume && !g.weight && (g.count?.unit === 'pack' || g.count?.unit === 'carton'));
    if (inPieces && packsOnly) inside.forEach((g) => dropped.add(g));
  }
  const kept = dropped.size === 0 ? groups : groups.filter((g) => !dropped.has(g));
  return kept.flatMap((g, i) => (boxOfPieces(g, kept[i + 1], text) ? [] : [boxOfPieces(kept[i - 1], g, text) ? inBoxes(kept[i - 1] as Group, g) : g]));
}

/**
 * "一盒25支的高希霸", "2 boxes 25 cohibas": a bare count of boxes or cartons right before a count
 * in pieces of tobacco says how many pieces each box holds; together they are one item, the
 * pieces times the boxes (not a pack of cigarettes beside the cigars).
 */
function boxOfPieces(box: Group | undefined, pieces: Group | undefined, text: string): boolean {
  if (!box?.count || !pieces?.count || box.things.length > 0 || box.money || box.volume || box.weight) return false;
  if (box.count.unit !== 'pack' && box.count.unit !== 'carton') return false;
  const tobacco = pieces.things.some((t) => t.kind === 'item' && TOBACCO_ITEMS.has(t.item));
  return tobacco && pieces.count.unit === 'piece' && pieces.count.value > box.count.value && text.slice(box.count.end, pieces.count.start).trim() === '';
}
function inBoxes(box: Group, pieces: Group): Group {
  const count = pieces.count && box.count ? { ...pieces.count, value: pieces.count.value * box.count.value } : pieces.count;
  return { ...pieces, start: box.start, count };
}
const TOBACCO_ITEMS: ReadonlySet<string> = new Set(['cigarettes', 'cigars']);

/** The item type of a group: from its words, else implied by its unit (carton -> cigarettes). */
function typeOf(g: Group, bought: boolean, text: string, shopping: boolean, namesArticle: (words: string) => boolean, noCash = false, countsNoItem: (count: { start: number; end: number }) => boolean = () => false, namesBottledGoods: (words: string) => boolean = () => false): ItemType | 'ecigarettes' | undefined {
  const first = g.things[0];
  if (first?.kind === 'item') return first.item === 'ecigarettes' ? 'ecigarettes' : (first.item satisfies Exclude<ItemWord, 'ecigarettes'>);
  if (first?.kind === 'drink') return 'alcohol';
  if (first?.kind === 'goods') return 'goods';
  const unit = g.count?.unit;
  // "两盒白色恋人": Chinese words the lexicon does not know after 盒/包 name food or gifts, not cigarettes
  if (unit === 'pack' && (HAN_NAME.test(wordsAfter(g, text)) || ((g.unnamedThing || g.nameBefore !== undefined) && HAN_NAME.test(unnamedLabel(g, text))))) return 'goods';
  // …and so do words of other scripts in a box with its price ("macaron一盒 €30", "box of Wedel ptasie mleczko €12"): a priced box of a name the
  // lexicon does not know is food or a gift (cigarette brands are words of the lexicon)
  const nameBeforeCount = g.count ? (/(\p{L}{3,})[\s]*$/u.exec(text.slice(g.start, g.count.start))?.[1] ?? '') : '';
  if (unit === 'pack' && g.money && [wordsAfter(g, text).replace(JOINING_OF, ''), g.unnamedThing || g.nameBefore !== undefined ? unnamedLabel(g, text) : '', nameBeforeCount].some((n) => UNKNOWN_NAME.test(n))) return 'goods';
  // "a block of parmesan", "1 box cheddar": a pack of something restricted the concepts know holds that, not cigarettes
  // ("2 boxes bak kwa (SGD 45 each)": the name may stand between the count and the price)
  if ((unit === 'carton' || unit === 'pack') && (namesArticle(wordsAfter(g, text)) || namesArticle(unnamedLabel(g, text)))) return 'goods';
  // "两条狗 一人一条": 条 counting something that is no item of the check at all (declaration.yaml notItems), and nothing else named
  if (unit === 'carton' && g.count && g.things.length === 0 && !g.money && countsNoItem(g.count)) return undefined;
  // "一条80克的金项链": 条 with a weight counts a chain or a fish, never cigarettes (they are counted, not weighed)
  if (unit === 'carton' && g.weight && g.things.length === 0) return 'goods';
  if (unit === 'carton' || unit === 'pack') return 'cigarettes';
  // ("青草药膏20瓶", "鱼油6瓶": bottles of something the concepts know as no drink are goods)
  if ((unit === 'bottle' || g.volume) && [wordsAfter(g, text), unnamedLabel(g, text)].some(namesBottledGoods)) return 'goods';
  if (unit === 'bottle' || g.volume) return 'alcohol';
  // a sum with a count ("2套 每套120万韩元") is the price of things the lexicon does not know;
  // money after "for" / "за" / "花了", or in a message about buying, is a price of something
  // unnamed; money alone is cash only when nothing says it was spent (issue 9: a price read as
  // cash gave "no need to declare" for goods)
  // "Longchamp包 €150，Rimowa箱子 €780": a sum after a name the lexicon does not know, among priced goods, is a price too
  // ("450,000 won each" is a price per piece, unless the message speaks of cash: "300,000 yen cash each")
  // ("和牛1公斤 12000日元": a weighed thing with its price the lexicon does not know is goods, never dropped from the list)
  if (g.money && g.weight) return 'goods';
  if (g.money && !g.weight) return g.count || g.priceMarked || (g.perUnit && noCash) || bought || ((g.unnamedThing || g.nameBefore !== undefined || g.total) && shopping) ? 'goods' : 'cash';
  return undefined;
}

/** The most specific drink kind or the highest-priority goods class named in a group. */
function kindOf(g: Group, data: DeclarationData): string | undefined {
  const drinks = g.things.flatMap((t) => (t.kind === 'drink' ? [t.drink] : []));
  const specific = drinks.find((d) => !GENERIC_DRINKS.has(d)) ?? drinks[0];
  if (specific) return specific;
  const classes = new Set(g.things.flatMap((t) => (t.kind === 'goods' ? [t.goodsClass] : [])));
  return data.classPriority.find((c) => classes.has(c));
}

/**
 * The traveller's words for a thing the lexicon does not know ("雪花秀套装", "Gentle Monster墨镜"):
 * the group's text without its numbers, prices and units, and without what comes before a colon
 * ("买了：", "行李里有：" are not part of the name).
 */
/** The words after a group's last amount ("5斤松子" -> "松子"). */
function wordsAfter(g: Group, text: string): string {
  const last = [g.count, g.weight, g.volume, g.money].filter((t): t is NonNullable<typeof t> => t !== undefined).sort((a, b) => b.start - a.start)[0];
  // (up to the sentence's end: "тапки 3 пары по 9 000 тг. Декларировать?" is no name after the price)
  // ("came to about 7,800 RMB in yen. Do I only pay…": a full stop before a space ends the sentence too; a decimal point does not)
  return last ? (text.slice(last.end, g.end).split(SENTENCE_END)[0]?.split(FULL_STOP)[0] ?? '').replace(PUNCTUATION_RUN, ' ').trim() : '';
}

/** A thing named right after a count, "of" allowed between: a word of three letters or more in Latin or Cyrillic script ("2 tins of caviar", «2 банки икры»; not "50 pcs in total"). */
const NAMING_WORD = /^\s*(?:of\s+)?[\p{Script=Latin}\p{Script=Cyrillic}]{3,}/u;

/** "2 bottles of penfolds": the name without the "of" that joined it to its count. */
const JOINING_OF = /^of\s+/u;

function unnamedLabel(g: Group, text: string, lexicon?: Lexicon): string {
  return unnamedName(g, text, lexicon).replace(JOINING_OF, '');
}

/** The name without marker words at its ends ("домбру за" -> "домбру", "по" -> ""). */
function withoutMarkerWords(name: string, lexicon: Lexicon | undefined): string {
  if (!lexicon) return name;
  const words = name.split(' ').filter(Boolean);
  const isMarker = (w: string) => phrasesAt(lexicon, w, 0)?.end === w.length && (phrasesAt(lexicon, w, 0)?.phrases ?? []).every((p) => p.sense.kind === 'marker');
  while (words.length > 0 && isMarker(words[0] ?? '')) words.shift();
  while (words.length > 0 && isMarker(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

function unnamedName(g: Group, text: string, lexicon?: Lexicon): string {
  // "3 sulwhasoo sets": the name inside the count, between the number and its unit
  // (not a unit of more than one word: "2 bags of dried mango" is counted in "bags of")
  const counted = g.count ? text.slice(g.count.start, g.count.end) : '';
  const unitWords = counted.replace(/^[\d.,]+\s+/u, '');
  const oneUnit = lexicon !== undefined && phrasesAt(lexicon, unitWords, 0)?.end === unitWords.length;
  const inside = oneUnit ? undefined : counted.match(/^[\d.,]+\s+(.+)\s+\S+$/u)?.[1];
  if (inside && LETTER_RUN.test(inside)) return inside.trim();
  // "红肠2根 奶酪1块": a name right before the first amount is that amount's thing
  const before = withoutMarkerWords(g.nameBefore ? text.slice(g.nameBefore.start, g.nameBefore.end).replace(/^.*[:：]/su, '').replace(PUNCTUATION_RUN, ' ').trim() : '', lexicon);
  if (LETTER_RUN.test(before)) return before;
  const cut = [g.count, g.weight, g.volume, g.money].filter((t): t is NonNullable<typeof t> => t !== undefined).sort((a, b) => b.start - a.start);
  // "2 pairs of UGGs AUD 260 each": the words between the count and the price name the thing
  const between = withoutMarkerWords(g.count && g.money && g.count.end < g.money.start ? (text.slice(g.count.end, g.money.start).split(LIST_COMMA)[0] ?? '').replace(PUNCTUATION_RUN, ' ').trim().replace(JOINING_OF, '') : '', lexicon);
  if (LETTER_RUN.test(between)) return between;
  // "5斤松子": the words right after the amount name the thing; what came before is the story ("从俄罗斯回来 带了")
  const after = withoutMarkerWords(wordsAfter(g, text), lexicon);
  if (LETTER_RUN.test(after)) return after;
  // ("australian tourist from sydney. 2 bottles of penfolds 750ml": the sentence before the amounts is no part of the name)
  const first = cut.at(-1);
  const head = first ? text.slice(g.start, first.start) : '';
  const sentenceEnds = [...head.matchAll(/[.!?。！？\n](?=\s|$)/gu)];
  const from = sentenceEnds.length > 0 ? g.start + (sentenceEnds.at(-1)?.index ?? 0) + 1 : g.start;
  // (and ends with the sentence of its last amount)
  const last = cut[0];
  const sentenceEnd = last ? text.slice(last.end, g.end).search(SENTENCE_END) : -1;
  let label = text.slice(from, sentenceEnd >= 0 && last ? last.end + sentenceEnd : g.end);
  for (const t of cut) label = label.slice(0, Math.max(0, t.start - from)) + ' ' + label.slice(Math.max(0, t.end - from));
  label = label.replace(/^.*[:：]/su, '');
  return withoutMarkerWords(label.replace(PUNCTUATION_RUN, ' ').trim(), lexicon);
}

function toItem(g: Group, text: string, ctx: ParseContext, bought: boolean, shopping: boolean, noCash: boolean): ParsedItem | undefined {
  const names = (words: string, is: (concept: string) => boolean) => LETTER_RUN.test(words) && [...ctx.matchConcepts(words)].some(is);
  const article = (c: string) => ctx.data.articles[c] !== undefined && ctx.data.articles[c]?.treatment !== 'own_rules';
  // (a carton word that counts other things too, "两条狗", counts none of a message naming one of them)
  const noItem = (count: { start: number; end: number }) => ctx.lexicon.sharedCartonWords.some((w) => text.slice(count.start, count.end).endsWith(w)) && names(text, (c) => ctx.data.notItems.includes(c));
  const bottled = (words: string) => names(words, (c) => ctx.data.bottledGoods.includes(c)) && !names(words, (c) => ctx.data.drinks[c] !== undefined);
  const type = typeOf(g, bought, text, shopping, (words) => names(words, article), noCash, noItem, bottled);
  const span = text.slice(g.start, g.end).trim().slice(0, 200);
  const words = g.things.map((t) => text.slice(t.start, t.end)).join(' ');
  // (a thing implied by its unit alone, "2 cartons", has no name of its own: the reply names the type)
  // (a name after its price keeps no 的: "两万日元的动漫周边" is 动漫周边)
  const label = (words || unnamedLabel(g, text, ctx.lexicon) || (type && type !== 'goods' ? '' : span)).replace(/^的/u, '').slice(0, 60);
  if (!type && !g.weight && !g.count) return undefined;
  if (!type) {
    // (the name may stand before the amount: "红肠2根")
    const articles = [...ctx.matchConcepts(`${label} ${span}`)].filter((c) => ctx.data.articles[c]);
    if (articles.length === 0) return undefined;
    // ("икра 3 банки", "2 jars of caviar": a counted article is a counted thing of the list)
    const amount = g.weight ? { quantity: g.weight.value, unit: g.weight.unit } : g.count ? { quantity: g.count.value, unit: g.count.unit ?? 'piece' } : {};
    return { type: 'goods', description: span, label, quantified: Boolean(g.weight || g.count), hasMoney: false, article: !g.weight, ...amount };
  }
  const item: ParsedItem = { type: type === 'ecigarettes' ? 'goods' : type, description: span, label, quantified: Boolean(g.count || g.volume || g.weight || g.money), hasMoney: Boolean(g.money) };
  // (a sum called a total that names no kind of thing is a sum over several things, not one article: "say my shopping comes to 6,000")
  // (and so is the total of several things named before it: «конфеты, духи и шарф, всего на 30 тысяч»)
  const kind = type === 'ecigarettes' ? undefined : g.lot ? SEVERAL_THINGS : (kindOf(g, ctx.data) ?? (type === 'goods' && g.money && g.total && !g.count ? SEVERAL_THINGS : undefined));
  if (kind) item.kind = kind;
  if (type === 'alcohol') {
    if (g.count) Object.assign(item, { quantity: g.count.value, unit: 'bottle' });
    if (g.volume) {
      const ml = g.volume.unit === 'l' ? g.volume.value * 1000 : g.volume.value;
      if (g.count && !g.total) item.volumeMl = ml;
      else if (g.count) item.volumeMl = ml / g.count.value;
      else Object.assign(item, { quantity: ml, unit: 'ml' });
    }
  } else if (type === 'tobacco' || (type === 'goods' && g.weight && (!g.count || g.count.value === 1 || g.weightEach || GOLD_CLASSES.has(item.kind ?? '')))) {
    // a weight is the whole lot's, or each piece's after "each" ("烟丝两包 每包250克", "2 gold bars 100g each")
    if (g.weight) Object.assign(item, { quantity: g.weight.value * (g.weightEach && g.count ? g.count.value : 1), unit: g.weight.unit });
    else if (g.count) Object.assign(item, { quantity: g.count.value, unit: g.count.unit ?? 'piece' });
  } else if (type !== 'cash' && g.count) {
    Object.assign(item, { quantity: g.count.value, unit: g.count.unit ?? 'piece' });
  }
  if (type === 'ecigarettes' && g.volume) {
    // e-liquid: "每个10ml" is each piece's, "烟油30ml" the whole
    const ml = g.volume.unit === 'l' ? g.volume.value * 1000 : g.volume.value;
    item.volumeMl = g.volumeEach || !g.count ? ml : ml / g.count.value;
  }
  if (g.abv !== undefined) item.abv = g.abv;
  if (g.money) {
    item.value = g.perUnit ? g.money.amount * (g.count?.value ?? 1) : g.money.amount;
    if (g.money.currency) item.currency = g.money.currency;
    if (item.type !== 'cash') item.priceSpan = { start: g.money.start, end: g.money.end };
    else item.sumSpan = { start: g.money.start, end: g.money.end };
  }
  return item;
}

/**
 * Reads a message as a list of things a traveller carries: cigarettes, cigars, loose tobacco,
 * drinks, cash and goods with their quantities, volumes, strengths, values and currencies, in
 * zh, en and ru (digits, Chinese numerals, number words), plus prohibited articles named without
 * a quantity and the traveller's category. `confidence` says how list-like the message is (see
 * confidenceOf); callers treat it as a list from ParseOptions.minConfidence.
 * @example parseDeclarationList('12 cartons of cigarettes, 4 bottles of cognac', ctx).items.length // 2
 */
export function parseDeclarationList(message: string, ctx: ParseContext): ParsedDeclaration {
  // list numbers ("1) 2 bottles … 2) 4 scarves", "(3)", "2、") are no amounts but separate items; the same length, so positions stay the message's
  const unnumber = (m: string, before: string) => `${before},${' '.repeat(m.length - before.length - 1)}`;
  const normal = normalizeText(message.slice(0, 4000)).replace(ENUMERATOR, unnumber);
  const text = DOTTED_LIST.every((r) => r.test(normal)) ? normal.replace(DOTTED_ENUMERATOR, unnumber) : normal;
  const { tokens, absent } = scanWithAbsent(text, ctx.lexicon);
  const { groups, segments, alternatives } = groupTokens(tokens, text, ctx.lexicon.namelessChars);
  // sums in a message about buying are prices, unless it names cash ("现金3万 还有5000美元")
  const cashNamed = tokens.some((t) => t.kind === 'item' && t.item === 'cash');
  const bought = tokens.some((t) => isPurchase(t, text, ctx.lexicon)) && !cashNamed;
  // named goods with their price, and no word for cash: the message is about things bought
  // (or sums each after a name: «из Японии: аниме-фигурки 40 000 иен, юката 25 000 иен»,
  // in a list after a colon, or three of them; "还剩七千美元…还有五万卢布" is cash)
  // (a count, a name the lexicon does not know and a price is a priced thing too: «5 футболок по 300 бат»)
  const namedSums = groups.filter((g) => g.money && (g.nameBefore || g.unnamedThing)).length;
  // (and so is a message that speaks of gifts or souvenirs: "Gifts for our partners: 6 bottles of Riesling at €25, one Montblanc pen €450")
  const giftsNamed = tokens.some((t) => t.kind === 'goods' && UNSPECIFIC_GOODS.has(t.goodsClass));
  // (and gifts with a sum, named or called their total: "给朋友带了礼物：文具、保温瓶，合计约人民币1,500元", "带了高丽参礼盒，60万韩元")
  const shopping = !cashNamed && (groups.some((g) => g.money && g.things.some((t) => t.kind === 'goods')) || (namedSums >= 2 && /[:：]/u.test(text)) || namedSums >= 3 || (giftsNamed && groups.some((g) => g.money)));
  const placed = withoutRestatedTotal(pricedAfterComma(groups, text), ctx.rmbRates, ctx.defaultCurrency).flatMap((g) => {
    const item = toItem(g, text, ctx, bought, shopping, !cashNamed);
    return item ? [{ at: g.start, item }] : [];
  });
  // without a quantity or an amount the message cannot be a list: skip the (costly) article search
  const quantified = groups.some((g) => g.count || g.volume || g.weight || g.money);
  for (const seg of quantified ? segments : []) {
    const inside = groups.some((g) => g.start < seg.end && g.end > seg.start);
    const segText = blank(text, absent).slice(seg.start, Math.min(seg.end, text.length)).trim();
    if (inside || !segText) continue;
    const articles = [...ctx.matchConcepts(segText)].filter((c) => ctx.data.articles[c]);
    // (the label is the segment's first sentence: "some beef jerky for my brother-in-law. husband…")
    if (articles.length > 0) placed.push({ at: seg.start, item: { type: 'goods', description: segText.slice(0, 200), label: (segText.split(/[.!?。！？\n]\s*/u)[0] ?? segText).slice(0, 60), quantified: false, hasMoney: false, article: true } });
  }
  // "Roots socks CAD 25 (gift)": a word for a gift in brackets after a thing says what it is for, it is no thing of its own
  const sorted = placed.sort((a, b) => a.at - b.at).filter((p, i) => !(i > 0 && p.item.type === 'goods' && UNSPECIFIC_GOODS.has(p.item.kind ?? '') && !p.item.quantified && /\(\s*$/u.test(text.slice(0, p.at))));
  // "own" words said after a thing make it the traveller's own (the last thing named before them)
  for (const t of tokens) {
    if (t.kind !== 'marker' || t.marker !== 'ownThing') continue;
    const owner = sorted.filter((p) => p.at < t.start).at(-1);
    if (owner) owner.item.own = true;
  }
  const items = sorted.map((p) => p.item);
  fillCurrency(items, tokens, ctx.defaultCurrency);
  yenInJapan(items, text, ctx.lexicon.yenCues);
  const cashCounted = onceEachSum(items);
  const inbound = tokens.some((t) => t.kind === 'marker' && t.marker === 'inbound');
  const sharedBy = sharedByOf(text, ctx.lexicon);
  return { items: cashCounted, category: categoryOf(ctx.matchCategories(text)), confidence: confidenceOf(text, items, tokens, alternatives, ctx.asksQuestion(text)), inbound, bought, ...(absent.length > 0 ? { absent } : {}), ...(sharedBy ? { sharedBy } : {}) };
}

/**
 * "香水1200、口红900、围巾1500，总共3600": a sum "in all" without a thing of its own, equal to the
 * prices before it, restates them; it is no further purchase.
 */
/** Units that count cigarettes or drink, whose unnamed sums stay cash ("两条烟，5000美元"). */
const EXCISE_UNITS: ReadonlySet<string> = new Set(['carton', 'pack', 'bottle', 'ml', 'l']);

/**
 * "在首尔配了一对助听器，2,400,000韩元": a sum alone right after a comma, following a thing of no price that is
 * no tobacco, drink or cash, is that thing's price, not cash carried (read as cash it said "no need to declare").
 */
function pricedAfterComma(groups: Group[], text: string): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const prev = out.at(-1);
    const sumAlone = g.money !== undefined && !g.count && !g.volume && !g.weight && g.things.length === 0 && !g.nameBefore && !g.unnamedThing && !g.total;
    const unpricedGoods = prev !== undefined && !prev.money && !prev.volume && (prev.count !== undefined || prev.things.length > 0) && prev.things.every((t) => t.kind === 'goods') && !EXCISE_UNITS.has(prev.count?.unit ?? '');
    if (prev && sumAlone && unpricedGoods && /^\s*[,，、]\s*$/u.test(text.slice(prev.end, g.start))) {
      // (the name after the count is the thing's, "一对助听器"; what came before it is the story: "我妈在首尔配了")
      const namedAfterCount = prev.count !== undefined && /\p{L}{2,}/u.test(text.slice(prev.count.end, prev.end));
      const { nameBefore, ...rest } = prev;
      // ("30件样衣…，每件大概5万韩元": said per piece, it is each one's price)
      out[out.length - 1] = { ...(namedAfterCount ? rest : prev), money: g.money, end: g.end, perUnit: prev.perUnit || g.perUnit || Boolean(g.eachSeen) };
      continue;
    }
    out.push(g);
  }
  return out;
}

/** How far a total in one currency may stand from sums in several, converted at reference rates, and still restate them. */
const MIXED_TOTAL_TOLERANCE = 0.05;

function withoutRestatedTotal(groups: Group[], rates?: Readonly<Record<string, number>>, defaultCurrency?: string): Group[] {
  const priceOf = (b: Group) => (b.perUnit ? (b.money?.amount ?? 0) * (b.count?.value ?? 1) : (b.money?.amount ?? 0));
  const rmb = (b: Group) => {
    const rate = rates?.[b.money?.currency ?? defaultCurrency ?? ''];
    return rate === undefined ? undefined : priceOf(b) * rate;
  };
  return groups.filter((g, i) => {
    if (!g.money || g.count) return true;
    const restates = (parts: Group[]) => {
      const same = parts.filter((b) => b.money && (b.money.currency ?? g.money?.currency) === (g.money?.currency ?? b.money.currency));
      const sum = same.reduce((n, b) => n + priceOf(b), 0);
      if (same.length >= 2 && Math.abs(sum - (g.money?.amount ?? 0)) <= (g.money?.amount ?? 0) * 0.01) return true;
      // ("2 batik shirts 350k rupiah each, silver ring $260, … about $420 all together": sums in several currencies, restated in one,
      // within what rounding and reference rates allow)
      const priced = parts.filter((b) => b.money);
      const values = priced.map(rmb);
      const total = rmb(g);
      if (priced.length < 2 || total === undefined || values.some((v) => v === undefined) || new Set(priced.map((b) => b.money?.currency ?? defaultCurrency)).size < 2) return false;
      return Math.abs(values.reduce((n: number, v) => n + (v ?? 0), 0) - total) <= total * MIXED_TOTAL_TOLERANCE;
    };
    // the sum after the parts ("…，总共3600")
    if (g.total && g.things.length === 0 && i > 0 && restates(groups.slice(0, i))) return false;
    // or a generic sum before them («подарки на 35 тыс руб: платок 12 000, хохлома 9 500, янтарь 13 500»)
    const generic = g.things.length > 0 && g.things.every((t) => t.kind === 'goods' && GENERIC_GOODS.has(t.goodsClass));
    return !(generic && restates(groups.slice(i + 1)));
  });
}

/** A purchase word, or an owning phrase made of one ("买了" is both: the longest phrase wins the token). */
function isPurchase(t: Token, text: string, lexicon: Lexicon): boolean {
  if (t.kind !== 'marker' || (t.marker !== 'purchase' && t.marker !== 'owning')) return false;
  if (t.marker === 'purchase') return true;
  const surface = text.slice(t.start, t.end);
  return lexicon.purchaseWords.some((w) => surface.startsWith(w));
}

/**
 * Cash said twice is counted once ("还剩七千美元… 请问这七千美元要申报吗"), and a word for cash
 * without a sum ("换了一大堆现金") says nothing more once sums of cash are given.
 */
function onceEachSum(items: ParsedItem[]): ParsedItem[] {
  const sums = items.filter((i) => i.type === 'cash' && i.value !== undefined);
  const seen = new Set<string>();
  return items.filter((i) => {
    if (i.type !== 'cash') return true;
    if (i.value === undefined) return sums.length === 0;
    const key = `${i.value} ${i.currency ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "¥" is RMB, except in a message that speaks of Japan ("from Tokyo: Uniqlo ¥18,000"): there it is yen. */
function yenInJapan(items: ParsedItem[], text: string, cues: readonly string[]): void {
  if (!cues.some((c) => text.includes(c))) return;
  for (const item of items) {
    const at = item.priceSpan ?? item.sumSpan;
    const span = at ? text.slice(at.start, at.end) : '';
    if (item.currency === 'CNY' && /[¥￥]/u.test(span)) item.currency = 'JPY';
  }
}

/**
 * A value without a currency takes the one currency the message names, if it names exactly one;
 * when it names none, the message language's default (Chinese: yuan); a price, the one currency of
 * the other prices; else it stays open.
 */
function fillCurrency(items: ParsedItem[], tokens: Token[], defaultCurrency: string | undefined): void {
  const codes = new Set(tokens.flatMap((t) => (t.kind === 'currency' ? [t.code] : t.kind === 'money' && t.currency ? [t.currency] : [])));
  const only = codes.size === 1 ? [...codes][0] : codes.size === 0 ? defaultCurrency : undefined;
  // (a price among prices of one currency, with cash in another, is in theirs: «платок за 15 тысяч рублей, косметика тысяч на 12, наличными 1500 долларов»)
  const goods = new Set(items.flatMap((i) => (i.type !== 'cash' && i.currency ? [i.currency] : [])));
  const goodsOnly = goods.size === 1 ? [...goods][0] : undefined;
  for (const item of items) {
    if (item.value === undefined || item.currency) continue;
    if (only) item.currency = only;
    else if (item.type !== 'cash' && goodsOnly) item.currency = goodsOnly;
  }
}

function categoryOf(cues: ReadonlySet<string>): DeclarationCategory {
  const route = (['hk_macao', 'frequent', 'ordinary'] as const).find((c) => cues.has(c)) as Route | undefined;
  const residency = (['resident', 'non_resident'] as const).find((c) => cues.has(c)) as Residency | undefined;
  return { ...(route ? { route } : {}), ...(residency ? { residency } : {}) };
}

/**
 * How many travellers share the things listed («4 блока на двоих с мужем», "for the two of us", "我们俩一共"):
 * a phrase of the language data starting a word (anywhere in Chinese). Undefined when none says so.
 */
function sharedByOf(text: string, lexicon: Lexicon): number | undefined {
  const found = lexicon.sharedBy.find(({ text: phrase }) => {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      if (isHan(phrase[0] ?? '') || !/\p{L}/u.test(text[at - 1] ?? '')) return true;
    }
    return false;
  });
  return found?.people;
}

/**
 * How list-like a message is (0..1): two or more quantified items 0.9; one with a value or
 * amount 0.75, but only 0.5 when it is asked as a question ("I have 7,000 USD, must I declare?"
 * is a question about the rule, which the knowledge base answers with its source); one
 * quantified item with prohibited articles 0.7; one priced thing with the question whether to
 * declare it 0.75. Alternatives ("400 cigarettes or 20 cigars")
 * cost 0.4, rule words without a sign of ownership 0.35; a trip out of China is never a list.
 */
function confidenceOf(text: string, items: ParsedItem[], tokens: Token[], alternatives: boolean, asks: boolean): number {
  // "a gift", "two things": a count of unnamed goods without a price is not evidence of a list
  const counted = items.filter((i) => i.quantified && !(i.type === 'goods' && UNSPECIFIC_GOODS.has(i.kind ?? '') && !i.hasMoney && !i.article));
  // counted banned or restricted things ("икра 3 банки, колбаса 2 палки") make a list when two or more are listed in a short
  // message; one alone is that thing's rule question ("2 tins of caviar, gift for my boss"), and in a story they are its background
  const articlesListed = counted.filter((i) => i.article).length >= 2 && text.length <= ARTICLE_LIST_CHARS;
  const quantified = counted.filter((i) => !i.article || articlesListed);
  const has = (m: string) => tokens.some((t) => t.kind === 'marker' && t.marker === m) || (m === 'question' && (asks || /[?？]/.test(text)));
  // "第一次出国 从泰国回": a word of leaving does not outweigh one of coming back
  // …except a sum of cash in two currencies or more: the same thresholds hold on the way out ("出境 人民币3万和2000美元 用申报吗")
  // (and cash beside other things: the cash is checked, the things taken out are not: "出境：人民币现金25000元、茶叶2公斤")
  const withCash = items.some((i) => i.type === 'cash' && i.value !== undefined) && items.some((i) => i.type !== 'cash');
  if (has('notInbound') && !has('inbound') && !isCashList(items) && !withCash) return 0;
  // a quantified item listed with a prohibited article ("колбаса, сыр и 2 блока сигарет") is a list too
  const articles = items.filter((i) => i.article).length;
  const single = quantified[0];
  // one quantified thing stated, not asked about ("带了五条烟", "2 блока сигарет и всё"), is their list
  const stated = single !== undefined && !single.hasMoney && !has('ruleQuestion') && !has('question');
  // "买了个4500的包 要申报吗", "coach bag 3000 rmb, declare?": asking whether one's own priced thing must be declared
  const ownGoodsAsked = quantified.length === 1 && single?.type === 'goods' && single.hasMoney && has('declareQuestion');
  let c = quantified.length >= 2 ? 0.9 : single?.hasMoney ? (has('question') && !ownGoodsAsked ? 0.5 : 0.75) : single && articles > 0 ? 0.7 : stated ? 0.6 : single ? 0.35 : 0;
  if (alternatives) c -= 0.4;
  // two priced things are a list of purchases whatever else is asked ("香水几瓶 200欧" is not "how many bottles?")
  const priced = items.filter((i) => i.hasMoney && i.type === 'goods').length;
  if (has('owning')) c += 0.05;
  // (three things or more listed: the rule question is about them, "что из этого можно: икра 2 банки, колбаса, коньяк 1 бутылка")
  else if (has('ruleQuestion') && priced < 2 && !ownGoodsAsked && quantified.length + articles < LISTED_THINGS) c -= 0.35;
  return Math.max(0, Math.min(1, c));
}

