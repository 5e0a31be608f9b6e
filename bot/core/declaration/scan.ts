import { combineNumberParts, digitRunAt, isHan, parseDigits, type NumberPart } from './numbers';
import { phrasesAt, type ItemWord, type Lexicon, type Marker, type Sense } from './lexicon';
import type { Unit } from './schema';

/** A token of a message, after numbers and their units or currencies are put together. */
export type Token = { start: number; end: number } & (
  | { kind: 'qty'; value: number; unit: Unit | undefined }
  | { kind: 'money'; amount: number; currency: string | undefined }
  | { kind: 'abv'; value: number }
  | { kind: 'times'; value: number }
  | { kind: 'num'; value: number; hanTenThousands?: boolean }
  | { kind: 'unit'; unit: Unit; single?: boolean; scale?: number }
  | { kind: 'item'; item: ItemWord }
  | { kind: 'drink'; drink: string }
  | { kind: 'goods'; goodsClass: string }
  | { kind: 'currency'; code: string }
  | { kind: 'marker'; marker: Marker }
  | { kind: 'sep' }
);

type Raw = { start: number; end: number; senses: Sense[] } | { start: number; end: number; digits: string } | { start: number; end: number; sep: true };

/** Punctuation that separates the items of a list (not "." or ":", which end "тыс." or open a list, nor brackets, which hold details). */
const SEPARATOR_CHARS = new Set([',', ';', '、', '，', '；', '。', '\n', '!', '?', '？', '！', '/', '+']);
const LETTER = /\p{L}/u;
/** Dashes that, with a space on each side, set off the things of a list typed on one line. */
const DASHES = new Set(['-', '–']);

/** Splits normalised text into raw tokens: phrases of the lexicon, digit runs and separators. */
function rawTokens(text: string, lexicon: Lexicon): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    // ("€90/瓶", "$45/pair": a slash before a unit reads "per", like a unit right after a sum)
    if (c === '/' && phrasesAt(lexicon, text, i + 1)?.phrases.some((p) => p.sense.kind === 'unit')) {
      i++;
      continue;
    }
    // (a dash with a space on each side between things, "护肤品 320,000韩元 - 羽绒服 590,000韩元 - 红参 x2", is a bullet, no range: "3 - 4" is one)
    // (after an amount only: "legal back home in Canada - ok to bring a pack?" is one sentence)
    const last = out.at(-1);
    const afterAmount = last !== undefined && ('digits' in last || ('senses' in last && last.senses.some((x) => x.kind === 'currency' || x.kind === 'unit')));
    const bullet = DASHES.has(c) && afterAmount && text[i - 1] === ' ' && text[i + 1] === ' ' && !(/\d/.test(text[i - 2] ?? '') && /\d/.test(text[i + 2] ?? ''));
    if ((SEPARATOR_CHARS.has(c) && !(c === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) || bullet) {
      out.push({ start: i, end: i + 1, sep: true });
      i++;
      continue;
    }
    // (a model code, letters and digits and letters again, is no number: "索尼A7C2，23万日元" is 230,000 yen, not 2.23万;
    // unless what follows the digits is a unit or a currency: "XO700ml")
    const code = LATIN_LETTER.test(c) && !LATIN_LETTER.test(text[i - 1] ?? '') && !/\d/.test(text[i - 1] ?? '') ? MODEL_CODE.exec(text.slice(i)) : null;
    if (code?.[1] !== undefined && !phrasesAt(lexicon, text, i + code[1].length)) {
      i += code[0].length;
      continue;
    }
    const digits = /\d/.test(c) ? digitRunAt(text, i) : undefined;
    const phrase = phrasesAt(lexicon, text, i);
    if (digits && (!phrase || digits.length >= phrase.end - i)) {
      out.push({ start: i, end: i + digits.length, digits });
      i += digits.length;
    } else if (phrase) {
      out.push({ start: i, end: phrase.end, senses: phrase.phrases.map((p) => p.sense) });
      i = phrase.end;
    } else if (LETTER.test(c) && !isHan(c)) {
      while (i < text.length && LETTER.test(text[i] ?? '') && !isHan(text[i] ?? '')) i++;
    } else {
      i++;
    }
  }
  return out;
}

/** Latin letters, digits, then letters again (group 1: up to where the last letters start): a model code such as "a7c2" or "xm5". */
const MODEL_CODE = /^([a-z]+\d+)[a-z]+[a-z\d]*/u;
const LATIN_LETTER = /[a-z]/u;

const senseOf = <K extends Sense['kind']>(r: Raw, kind: K): Extract<Sense, { kind: K }> | undefined =>
  'senses' in r ? (r.senses.find((s) => s.kind === kind) as Extract<Sense, { kind: K }> | undefined) : undefined;

/** True when only spaces and hyphens lie between two positions (words of one number or phrase). */
const tight = (text: string, from: number, to: number) => /^[\s-]*$/.test(text.slice(from, to));

/** What follows the denominator of a Chinese fraction ("百分之二十" is 20 per cent, "三分之一" a third). */
const FRACTION_OF = '分之';

/** True when a linking word («на») and then a number («400», «двести») follow the position. */
function linkedNumberAt(text: string, from: number, next: Raw | undefined, links: readonly string[]): boolean {
  if (next === undefined || !('digits' in next || ('senses' in next && next.senses.some((s) => s.kind === 'numword')))) return false;
  const between = text.slice(from, next.start).trim();
  return links.includes(between) && /^\s/u.test(text.slice(from)) && /\s$/u.test(text.slice(0, next.start));
}

/** Joins runs of digits, number words and multipliers into single numbers ("two hundred", "1.5万"). */
function joinNumbers(text: string, raws: Raw[], shorthand: boolean, links: readonly string[], rough: readonly string[]): (Raw | Token)[] {
  const out: (Raw | Token)[] = [];
  // «тысяч на 400 вон»: a multiplier, a linking word, then the number it multiplies, as an estimate
  let scale: { value: number; start: number; next: number } | undefined;
  const partOf = (r: Raw): NumberPart | undefined => {
    const s = senseOf(r, 'mult') ?? senseOf(r, 'numword');
    const surface = text.slice(r.start, r.end);
    return s ? { value: s.value, multiplier: s.kind === 'mult', han: isHan(surface), abbrev: s.kind === 'mult' && !isHan(surface) && [...surface].length === 1 } : undefined;
  };
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as Raw;
    const parts: NumberPart[] = [];
    let j = i;
    if ('digits' in r) {
      const value = parseDigits(r.digits, true);
      if (value === undefined) continue;
      parts.push({ value, multiplier: false, han: false });
      j++;
    }
    let end = r.end;
    for (; j < raws.length; j++) {
      const next = raws[j] as Raw;
      // "1万8千", "2万5": digits after a Chinese ten-thousand go on with the same number (18,000, 25,000)
      const more = 'digits' in next && tight(text, end, next.start) ? digitsAfterTenThousand(text, parts, next, raws[j + 1], partOf) : undefined;
      if (more) {
        parts.push(...more.parts);
        end = more.end;
        j += more.parts.length - 1;
        continue;
      }
      const part = partOf(next);
      if (!part || (j > i && !tight(text, end, next.start)) || ('digits' in r && !part.multiplier)) break;
      // ("4 K-pop albums": a one-letter multiplier joined to a word by a hyphen is that word's letter)
      if (part.abbrev && /^-(?!ish\b)\p{L}/u.test(text.slice(next.end))) break;
      parts.push(part);
      end = next.end;
    }
    // a lone word that has another sense, or a lone non-Chinese multiplier ("к" is also a Russian preposition), is not a number
    const lone = parts.length === 1 && !('digits' in r) && 'senses' in r;
    const estimated = lone && parts[0]?.multiplier === true && !parts[0].han && !parts[0].abbrev ? linkedNumberAt(text, end, raws[j], links) : false;
    if (estimated && parts[0]) {
      scale = { value: parts[0].value, start: r.start, next: j };
      continue;
    }
    const scaled = scale !== undefined && scale.next === i ? scale : undefined;
    scale = undefined;
    // (nor is a lone Chinese hundred, thousand or ten-thousand inside a word: "虎标万金油" is balm, not 10,000; 十 alone is ten: "十条烟")
    const loneWord = lone && (r.senses.length > 1 || (parts[0]?.multiplier === true && (!parts[0].han || parts[0].value >= 100)));
    // "百分之几", "百分之二十": a Chinese fraction or percentage is no amount
    if (parts.length === 0 || loneWord || text.startsWith(FRACTION_OF, end)) {
      out.push(r);
      continue;
    }
    // written as a sum: a Chinese ten-thousand (8万) or a one-letter thousands abbreviation (5k, 12к)
    const hanTenThousands = parts.some((p) => p.multiplier && (p.han ? p.value >= 10_000 : Boolean(p.abbrev) && p.value >= 1000));
    const value = combineNumberParts(parts, shorthand) * (scaled?.value ?? 1);
    // ("三千多块", "两百来块": a rough number still measures what follows; not "多少", how much)
    const roughWord = rough.find((w) => text.startsWith(w, end) && !/^[少久]/u.test(text.slice(end + w.length)));
    if (roughWord) end += roughWord.length;
    out.push({ kind: 'num', value, start: scaled?.start ?? r.start, end, ...(hanTenThousands ? { hanTenThousands } : {}) });
    i = j - 1;
  }
  return out;
}

/**
 * A digit right after a Chinese ten-thousand (万) belongs to the same number: with a smaller Chinese
 * multiplier after it ("1万8千" 18,000, "3万2千5百"), or alone as the next place down ("1万8" 18,000,
 * like 一万八). Undefined when the number ends at the 万.
 */
function digitsAfterTenThousand(text: string, parts: readonly NumberPart[], digits: Raw, after: Raw | undefined, partOf: (r: Raw) => NumberPart | undefined): { parts: NumberPart[]; end: number } | undefined {
  const last = parts.at(-1);
  if (!last?.multiplier || !last.han || last.value < 10_000 || !('digits' in digits)) return undefined;
  const value = parseDigits(digits.digits);
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > 9999) return undefined;
  const unit = after ? partOf(after) : undefined;
  if (after && unit?.multiplier && unit.han && unit.value < last.value && tight(text, digits.end, after.start)) return { parts: [{ value, multiplier: false, han: false }, unit], end: after.end };
  // "1万8": one digit, the next place down (a further digit or a decimal point makes it something else)
  if (value <= 9 && digits.digits.length === 1 && !/^[\d.,]/u.test(text.slice(digits.end))) return { parts: [{ value: value * (last.value / 10), multiplier: false, han: false }], end: digits.end };
  return undefined;
}

const THINGS: readonly Sense['kind'][] = ['item', 'drink', 'goods'];
/** Units of weight and volume: a number glued to one measures, it is no sum. */
const MEASURES: ReadonlySet<string> = new Set(['ml', 'l', 'g', 'kg', 'jin']);

/**
 * One sense per token. A word that is both a unit and a thing (Chinese 包: pack, or bag) is a
 * unit right after a number (两包烟) and a thing otherwise (一个包).
 */
function toToken(r: Raw | Token, afterNumber: boolean, afterEach = false): Token | undefined {
  if ('kind' in r) return r;
  if ('sep' in r) return { kind: 'sep', start: r.start, end: r.end };
  if ('digits' in r) return undefined;
  // a currency suffix ("欧", "刀") away from a number is another word ("欧洲", "一把刀")
  const senses = r.senses.filter((x) => x.kind !== 'numword' && x.kind !== 'mult' && !(x.kind === 'currency' && x.suffix && !afterNumber));
  if (senses.length === 0 && r.senses.every((x) => x.kind === 'currency')) return undefined;
  const thing = senses.find((x) => THINGS.includes(x.kind));
  // "每包250克", "每盒25支": after "each" it is the unit being counted
  const unit = afterEach ? senses.find((x) => x.kind === 'unit') : undefined;
  const s = unit ?? (afterNumber ? senses[0] : (thing ?? senses[0])) ?? r.senses[0];
  if (!s || s.kind === 'numword' || s.kind === 'mult') return undefined;
  const base = { start: r.start, end: r.end };
  switch (s.kind) {
    case 'unit':
      return { ...base, kind: 'unit', unit: s.unit, ...(s.single ? { single: true } : {}), ...(s.scale ? { scale: s.scale } : {}) };
    case 'item':
      return { ...base, kind: 'item', item: s.item };
    case 'drink':
      return { ...base, kind: 'drink', drink: s.drink };
    case 'goods':
      return { ...base, kind: 'goods', goodsClass: s.goodsClass };
    case 'currency':
      return { ...base, kind: 'currency', code: s.code };
    case 'marker':
      return { ...base, kind: 'marker', marker: s.marker };
  }
}

/** What a unit measures: counted things, a volume or a weight. */
export const DIMENSION: Record<Unit, 'count' | 'volume' | 'weight'> = { piece: 'count', pack: 'count', carton: 'count', bottle: 'count', ml: 'volume', l: 'volume', g: 'weight', kg: 'weight', jin: 'weight' };

/** A bare number this large next to a thing is a price, not a count (nobody carries 100 bags). */
const MIN_BARE_PRICE = 100;
/** A sum in yuan below this is a count ("1块" is one piece): nobody asks customs about a few yuan. */
const MIN_PRICE_CNY = 10;
/** A bare number below this, right after a product's Latin name, is a model number ("iPhone 16"). */
const MODEL_NUMBER_BELOW = 100;

/** "x3" right after a thing: a times sign glued to a small whole number, the sign after no number of its own. */
function timesBefore(out: readonly Token[], text: string, t: { value: number; start: number }): boolean {
  const sign = out.at(-1);
  return sign !== undefined && isMarker(sign, 'times') && tight(text, sign.end, t.start) && Number.isInteger(t.value) && t.value >= 2 && t.value < MODEL_NUMBER_BELOW && out.at(-2)?.kind !== 'num' && out.at(-2)?.kind !== 'money';
}
/**
 * A number right after a Latin word, followed by a currency code (letters) glued to another number, when the
 * message puts a code before a sum elsewhere too: the first number names the thing ("Bin 389"), the code and
 * the second number are its price ("AUD 110").
 */
function nameNumberBeforeCode(text: string, tokens: Token[], i: number): boolean {
  const [t, code, sum] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (t?.kind !== 'num' || code?.kind !== 'currency' || sum?.kind !== 'num' || !Number.isInteger(t.value)) return false;
  if (!/^\p{Script=Latin}+$/u.test(text.slice(code.start, code.end)) || !tight(text, t.end, code.start) || !tight(text, code.end, sum.start)) return false;
  if (!/\p{Script=Latin}\s+$/u.test(text.slice(Math.max(0, t.start - 12), t.start))) return false;
  return tokens.some((c, j) => j !== i + 1 && c.kind === 'currency' && c.code === code.code && tokens[j + 1]?.kind === 'num' && tight(text, c.end, (tokens[j + 1] as Token).start) && tokens[j - 1]?.kind !== 'num');
}
const isThing = (t: Token | undefined) => t !== undefined && (t.kind === 'item' || t.kind === 'drink' || t.kind === 'goods');
const isGoods = (t: Token | undefined) => t?.kind === 'goods';
const isMarker = (t: Token | undefined, m: Marker) => t?.kind === 'marker' && t.marker === m;
/** One of any counting unit ("一瓶", "一盒"). */
const isOneUnit = (t: Token | undefined) => t?.kind === 'qty' && t.value === 1 && t.unit !== undefined && DIMENSION[t.unit] === 'count';
/** "一个", "1 pc": one piece, as in "一个6000一个7000" (one for 6,000, one for 7,000). */
export const isOnePiece = (t: Token | undefined) => t?.kind === 'qty' && t.value === 1 && (t.unit === 'piece' || t.unit === undefined);

/**
 * Puts numbers together with what they measure: 12 + cartons -> qty, 15,000 + yuan or $ + 300 ->
 * money, 40 + % -> abv, 4 + x -> times, "for" + 15,000 -> money without a currency, 2 + whisky
 * -> qty without a unit, 8万 (a Chinese ten-thousand) -> money without a currency. A currency word
 * glued to following goods or a number (Chinese 1块手表, 一块8万元的手表) is a classifier, not money.
 */
function compound(text: string, tokens: Token[], halves: readonly string[], unitFirst: ReadonlySet<string>, links: readonly string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    // (not a number glued to a weight or volume: "买了块100克的金条" is a bar of 100 g, 块 its classifier)
    const measured = after?.kind === 'unit' && after.start === next?.end && MEASURES.has(after.unit);
    if (t.kind === 'currency' && next?.kind === 'num' && tight(text, t.end, next.start) && !measured) {
      out.push({ kind: 'money', amount: next.value, currency: t.code, start: t.start, end: next.end });
      i++;
      continue;
    }
    // «косметики долларов на 900»: a currency word, a linking word, then the sum in it as an estimate
    // (not a count of something else, «евро на 2 бутылки»)
    if (t.kind === 'currency' && next?.kind === 'num' && LETTER.test(text.slice(t.start, t.end)) && links.includes(text.slice(t.end, next.start).trim()) && /^\s+\S+\s+$/u.test(text.slice(t.end, next.start)) && !(after !== undefined && tight(text, next.end, after.start) && (after.kind === 'unit' || after.kind === 'currency' || isThing(after)))) {
      out.push({ kind: 'money', amount: next.value, currency: t.code, start: t.start, end: next.end });
      i++;
      continue;
    }
    // «сигары штук 50», «серьги грамма 3»: a unit, then its count as an estimate (the unit's stem, a space, a number with no unit or currency of its own)
    if (t.kind === 'unit' && !t.single && next?.kind === 'num' && /^\s+$/u.test(text.slice(t.end, next.start)) && unitFirst.has(stemOf(text.slice(t.start, t.end), unitFirst)) && !(after !== undefined && tight(text, next.end, after.start) && (after.kind === 'unit' || after.kind === 'currency'))) {
      out.push({ kind: 'qty', value: next.value, unit: t.unit, start: t.start, end: next.end });
      i++;
      continue;
    }
    if (t.kind === 'unit' && t.single) {
      // "a box of 20 cigars": the box holds the counted things, it is not one more thing
      if (next?.kind === 'num' && /^\s*(?:of\s+)?$/.test(text.slice(t.end, next.start)) && (isThing(after) || after?.kind === 'unit')) continue;
      out.push({ kind: 'qty', value: 1, unit: t.unit, start: t.start, end: t.end });
      continue;
    }
    if (t.kind !== 'num') {
      out.push(t);
      continue;
    }
    // "Penfolds Bin 389 AUD 110" in a message that writes its codes before the sum ("UGG boots AUD 279"): the number glued to the
    // name is part of it; the code is the next sum's
    if (nameNumberBeforeCode(text, tokens, i)) continue;
    // ("300 тыс. рублей": the dot of an abbreviated thousand does not part the sum from its currency)
    // ("Switch 2 ¥49,980": a currency sign glued to the next number is that number's)
    const signOfNext = next?.kind === 'currency' && after?.kind === 'num' && !/\p{L}/u.test(text.slice(next.start, next.end)) && tight(text, next.end, after.start);
    const close = next !== undefined && !signOfNext && (tight(text, t.end, next.start) || (/^\.\s*$/.test(text.slice(t.end, next.start)) && /\p{L}$/u.test(text.slice(t.start, t.end))));
    if (close && next.kind === 'unit') {
      // "一条半": a half after the unit
      const half = halves.find((h) => text.startsWith(h, next.end));
      // ("70cl": a unit worth several of another is counted in that one)
      out.push({ kind: 'qty', value: (t.value + (half ? 0.5 : 0)) * (next.scale ?? 1), unit: next.unit, start: t.start, end: next.end + (half?.length ?? 0) });
      i++;
    } else if (close && next.kind === 'currency' && /\p{L}/u.test(text.slice(next.start, next.end)) && t.value < MIN_BARE_PRICE && (isGoods(after) || after?.kind === 'num') && after?.start === next.end) {
      out.push({ kind: 'qty', value: t.value, unit: 'piece', start: t.start, end: next.end });
      i++;
    } else if (close && next.kind === 'currency' && t.value < MIN_PRICE_CNY && next.code === 'CNY' && /\p{L}/u.test(text.slice(next.start, next.end))) {
      // "奶酪1块": a yuan or two is no price anyone asks about; 块 counts pieces
      out.push({ kind: 'qty', value: t.value, unit: 'piece', start: t.start, end: next.end });
      i++;
    } else if (close && next.kind === 'currency') {
      out.push({ kind: 'money', amount: t.value, currency: next.code, start: t.start, end: next.end });
      i++;
    } else if (close && isMarker(next, 'abv')) {
      out.push({ kind: 'abv', value: t.value, start: t.start, end: next.end });
      i++;
    } else if (close && isMarker(next, 'times')) {
      out.push({ kind: 'times', value: t.value, start: t.start, end: next.end });
      i++;
    } else if (timesBefore(out, text, t) && !(close && (next.kind === 'unit' || next.kind === 'currency'))) {
      // "雪花秀套盒x3", "Sulwhasoo set ×3": a count written after its thing
      const times = out.pop() as Token;
      out.push({ kind: 'qty', value: t.value, unit: 'piece', start: times.start, end: t.end });
    } else if ((isMarker(out.at(-1), 'perUnit') || out.at(-1)?.kind === 'drink') && t.value < 5 && !Number.isInteger(t.value) && !(close && (next.kind === 'currency' || next.kind === 'unit'))) {
      // "водка 4 бутылки по 0,5", "вино 0,75": a fraction after "each" or a drink is litres, never a price
      out.push({ kind: 'qty', value: t.value, unit: 'l', start: t.start, end: t.end });
    } else if (Number.isInteger(t.value) && t.value < MODEL_NUMBER_BELOW && isGoods(out.at(-1)) && /\p{Script=Latin}$/u.test(text.slice(0, t.start).trimEnd()) && tight(text, (out.at(-1) as Token).end, t.start) && !(close && (next.kind === 'unit' || (next.kind === 'currency' && !(after?.kind === 'num' && tight(text, next.end, after.start)))))) {
      // "iPhone 16 Pro", "Switch 2", "Mate 60": a small number right after a product's Latin name is its model
      continue;
    } else if (t.value >= MIN_BARE_PRICE && (isOnePiece(out.at(-1)) || (isOneUnit(out.at(-1)) && isGoods(out.at(-2)))) && tight(text, (out.at(-1) as Token).end, t.start)) {
      // "两个包 一个6000一个7000": a sum right after "one (piece)" is that piece's price; so is one
      // after "香水一瓶" (goods, one bottle: 1200 is no volume)
      out.push({ kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end });
    } else if (t.value >= MIN_BARE_PRICE && isThing(next) && /^\s*的\s*$/u.test(text.slice(t.end, next?.start))) {
      // "一个两千五的包", "一万二的金饰": a sum before 的 and a thing is its price
      out.push({ kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end });
    } else if (t.value >= MIN_BARE_PRICE && (isGoods(out.at(-1)) || (isThing(out.at(-1)) && isHan(text.slice(Math.max(0, t.start - 1), t.start)))) && !(close && next?.kind === 'unit')) {
      // "香水八百", "手表3500", "iPad 4000": a bare sum right after goods (or, in Chinese, any thing) is its price
      out.push({ kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end });
    } else if ((isMarker(out.at(-1), 'total') || isMarker(out.at(-1), 'approx')) && t.value >= MIN_BARE_PRICE && !(close && next.kind === 'unit')) {
      // "2个 共1200", "一堆 大概900": a sum after "in all" or "about" is a price
      out.push({ kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end });
    } else if ((isMarker(out.at(-1), 'value') || isMarker(out.at(-1), 'perUnit') || (out.at(-1)?.kind === 'unit' && isMarker(out.at(-2), 'perUnit') && t.value >= MIN_BARE_PRICE) || t.hanTenThousands) && !wordFollows(text, t, next) && !(t.value < MIN_BARE_PRICE && next?.kind === 'num' && next.value >= MIN_BARE_PRICE)) {
      // (also "每个2800", "每套1200": a sum after "each" and its unit; not a count before the sum, "for one 9000 yuan bag")
      out.push({ kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end });
    } else if (next?.kind === 'unit' && !next.single && /^\d+$/u.test(text.slice(t.start, t.end)) && t.value < MIN_BARE_PRICE && /^\s+(?:[\p{L}][\p{L}-]{0,15}\s){1,2}$/u.test(text.slice(t.end, next.start))) {
      // "3 sulwhasoo sets", "2 cohiba boxes": a count, a name the lexicon does not know, then its unit
      out.push({ kind: 'qty', value: t.value, unit: next.unit, start: t.start, end: next.end });
      i++;
    } else if (Number.isInteger(t.value) && t.value < MIN_BARE_PRICE && (/^\d+$/u.test(text.slice(t.start, t.end)) || t.value >= 2) && priceNext(text, next, after, tokens[i + 3]) && /^\s+\p{L}[\p{L}-]{1,15}(?:\s\p{L}[\p{L}-]{1,15})?\s+$/u.test(text.slice(t.end, next?.start))) {
      // "3 sarongs $15 each", "2 hoodies 98,000 KRW": a count, one or two words the lexicon does not know, then a price: pieces of that thing
      // (a count in words too, "two Yankee candles $30 each"; not "one", which is also "a")
      out.push({ kind: 'qty', value: t.value, unit: 'piece', start: t.start, end: t.end });
    } else if (Number.isInteger(t.value) && t.value >= 2 && t.value < MIN_BARE_PRICE && /^\d+$/u.test(text.slice(t.start, t.end)) && next !== undefined && isMarker(next, 'perUnit') && priceNext(text, next, after, tokens[i + 3]) && /\p{L}\s+$/u.test(text.slice(0, t.start))) {
      // «кокосовое масло 3 по 250 бат», "silk pillows 2 at 1,900 baht each": a count after a name, then a price each
      out.push({ kind: 'qty', value: t.value, unit: 'piece', start: t.start, end: t.end });
    } else if (isThing(next) && /^[\s-]*(?:[\p{L}]{1,12}(?:['’]s?)?\s){0,2}$/u.test(text.slice(t.end, next?.start))) {
      // a count with up to two words before its thing: "50 cuban cigars", "2 палки сырокопчёной колбасы" 
      out.push({ kind: 'qty', value: t.value, unit: undefined, start: t.start, end: t.end });
    } else {
      out.push(t);
    }
  }
  return out;
}

/** A price comes next: a currency sign or code glued to a number, or a number with its currency. */
function priceNext(text: string, next: Token | undefined, after: Token | undefined, afterThat?: Token): boolean {
  // ("3 Montblanc pens at $450 each": "at" or "for" may stand before the price)
  // (…or "each", «по»: «2 кокосовых масла по 350 бат»)
  if (next !== undefined && (isMarker(next, 'value') || isMarker(next, 'perUnit'))) return priceNext(text, after, afterThat);
  if (next?.kind === 'currency') return after?.kind === 'num' && tight(text, next.end, after.start);
  return next?.kind === 'num' && after?.kind === 'currency' && tight(text, next.end, after.start);
}

/**
 * True when a Latin or Cyrillic word that is not a separator follows a number: "for 2 weeks" is
 * not a price, "for 15,000 and…" and "花了15000买了…" are.
 */
function wordFollows(text: string, t: Token, next: Token | undefined): boolean {
  if (!/^\s*[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(text.slice(t.end))) return false;
  const separatorNext = next !== undefined && tight(text, t.end, next.start) && (next.kind === 'sep' || isMarker(next, 'separators') || isMarker(next, 'alternatives'));
  return !separatorNext;
}

/**
 * Drops amounts that are thresholds, not things carried: "over 5000", "超过5000", "5000元以上",
 * "больше 5000" (a question about the rule, not a list), and an allowance quoted ("5000额度").
 */
function dropThresholds(text: string, tokens: Token[], allowanceNouns: readonly string[]): Token[] {
  const amount = (t: Token | undefined) => t?.kind === 'money' || t?.kind === 'qty' || t?.kind === 'num';
  // "算进5000额度里吗", "the 5000 allowance": the sum quoted is the allowance
  // (the noun read from the text, as it may be no token of the lexicon: "RMB 5,000 duty-free")
  const allowanceAfter = (t: Token) => {
    const rest = text.slice(t.end).replace(/^\s*的?\s*/u, '');
    return allowanceNouns.some((w) => rest.startsWith(w));
  };
  return tokens.filter((t, i) => {
    if (!amount(t)) return true;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const before = isMarker(prev, 'comparison') && prev !== undefined && tight(text, prev.end, t.start);
    const after = isMarker(next, 'comparison') && next !== undefined && tight(text, t.end, next.start);
    return !before && !after && !(t.kind !== 'qty' && allowanceAfter(t));
  });
}

/** Reads a normalised message into tokens (see Token). */
export function scan(text: string, lexicon: Lexicon): Token[] {
  return scanWithAbsent(text, lexicon).tokens;
}

/** A stretch of the message. */
export type Span = { start: number; end: number };

/** Tokens, and the stretches that name things said to be absent ("no cigarettes or alcohol"). */
export function scanWithAbsent(text: string, lexicon: Lexicon): { tokens: Token[]; absent: Span[] } {
  const joined = joinNumbers(text, rawTokens(text, lexicon), lexicon.shorthand, lexicon.estimateLinks, lexicon.roughAfter);
  const tokens = joined
    .map((r, i) => {
      const prev = joined[i - 1];
      const close = prev !== undefined && tight(text, prev.end, r.start);
      const afterEach = close && prev !== undefined && 'senses' in prev && prev.senses.some((x) => x.kind === 'marker' && x.marker === 'perUnit');
      return toToken(r, close && 'kind' in prev && prev.kind === 'num', afterEach);
    })
    .filter((t): t is Token => t !== undefined);
  // (a possessive measure word describes the thing after it, it counts nobody: "2 kids' padded jackets", "3 children's books")
  const described = tokens.filter((t) => !(isMarker(t, 'measure') && POSSESSIVE.test(text.slice(t.end, t.end + 2))));
  return dropAbsent(text, dropDurations(text, dropThresholds(text, namedBareSums(text, multipliedPrices(text, perContainer(text, sizedContainers(text, compound(text, described, lexicon.halfAfterUnit, lexicon.unitFirst, lexicon.estimateLinks))))), lexicon.allowanceNouns)));
}

/** Where a list opens: a colon or a new line. */
const LIST_OPENING = /[:：\n]/u;

/**
 * In a list of priced things after a colon, a bare sum right after a name the lexicon does not know is
 * that thing's price when the message names a currency elsewhere («подарки: коньяк 4500 руб, платок
 * павловопосадский 12 000, …»): the number stands alone between the name and the next comma.
 */
function namedBareSums(text: string, tokens: Token[]): Token[] {
  const currency = tokens.some((t) => t.kind === 'money' && t.currency !== undefined);
  const opening = text.search(LIST_OPENING);
  if (!currency || opening < 0) return tokens;
  return tokens.map((t, i) => {
    if (t.kind !== 'num' || t.start < opening || !Number.isInteger(t.value) || t.value < MIN_BARE_PRICE) return t;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const gap = text.slice(prev?.end ?? opening, t.start);
    const name = gap.split(LIST_OPENING).at(-1) ?? '';
    const named = /\p{L}{2,}/u.test(name) && !/\d/u.test(name) && /\p{L}\s*$/u.test(name);
    const ends = next === undefined || next.kind === 'sep';
    return named && ends && (prev === undefined || prev.kind === 'sep' || LIST_OPENING.test(gap)) ? { kind: 'money', amount: t.value, currency: undefined, start: t.start, end: t.end } : t;
  });
}

/** Containers whose count a number after "of" fills ("2 boxes of 25"). */
const CONTAINERS: ReadonlySet<string> = new Set(['pack', 'carton']);
/** A number this small after a container is how many it holds, not a price. */
const MAX_PER_CONTAINER = 500;

/**
 * "2 boxes of 25", "3 packs of 20": a number in digits (not "2 cartons of Seven Stars") after "of", right after a count of boxes or packs, is how many
 * pieces each holds (the count of pieces is then the product, as with «2 коробки по 25 шт»).
 */
function perContainer(text: string, tokens: Token[]): Token[] {
  return rewriteRuns(tokens, (i) => {
    const [t, next, after] = [tokens[i] as Token, tokens[i + 1], tokens[i + 2]];
    const holds = t.kind === 'qty' && CONTAINERS.has(t.unit ?? '') && (next?.kind === 'num' || (next?.kind === 'qty' && next.unit === undefined)) && Number.isInteger(next.value) && next.value >= 2 && next.value <= MAX_PER_CONTAINER && /^\d+$/u.test(text.slice(next.start, next.end)) && /^\s+of\s+$/u.test(text.slice(t.end, next.start));
    // (not "2 boxes of 25 dollars": a currency after the number makes it a price)
    if (!holds || next === undefined || (after?.kind === 'currency' && tight(text, next.end, after.start))) return undefined;
    return { with: [t, { kind: 'marker', marker: 'perUnit', start: t.end, end: next.start }, { kind: 'qty', value: (next as { value: number }).value, unit: 'piece', start: next.start, end: next.end }], takes: 2 };
  });
}

/** Largest count read as the number of sized containers ("two 1-litre bottles"). */
const MAX_SIZED_CONTAINERS = 50;

/**
 * "two 1-litre bottles", "2 750ml bottles": a bare number, a volume and a container word are that many
 * containers of that size each (the number was lost: "two 1-litre bottles of Jack Daniel's" read as 1 litre).
 */
function sizedContainers(text: string, tokens: Token[]): Token[] {
  return rewriteRuns(tokens, (i) => {
    const [t, size, unit] = [tokens[i] as Token, tokens[i + 1], tokens[i + 2]];
    const sized = t.kind === 'num' && Number.isInteger(t.value) && t.value >= 1 && t.value <= MAX_SIZED_CONTAINERS && size?.kind === 'qty' && size.unit !== undefined && DIMENSION[size.unit] === 'volume' && unit?.kind === 'unit' && DIMENSION[unit.unit] === 'count' && /^\s+$/u.test(text.slice(t.end, size.start)) && /^\s*$/u.test(text.slice(size.end, unit.start));
    if (!sized || size === undefined || unit?.kind !== 'unit') return undefined;
    return { with: [{ kind: 'qty', value: t.value, unit: unit.unit, start: t.start, end: unit.end }, { kind: 'marker', marker: 'perUnit', start: size.start, end: size.start }, size], takes: 3 };
  });
}

/** Token runs rewritten in one pass: `at(i)` gives the tokens that replace the run starting at `i` and how many it takes, or undefined to keep token `i`. */
function rewriteRuns(tokens: Token[], at: (i: number) => { with: Token[]; takes: number } | undefined): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const run = at(i);
    if (!run) {
      out.push(tokens[i] as Token);
      continue;
    }
    out.push(...run.with);
    i += run.takes - 1;
  }
  return out;
}

/**
 * A price times a count, "23000日元×2", "$300 x 2", or a count times a price, "2 x $300", "2盒×198,000韩元": the price is
 * each one's, the count how many ("×" alone after a number stays a multiplier of bottles: "2x 0.7l").
 */
function multipliedPrices(text: string, tokens: Token[]): Token[] {
  return rewriteRuns(tokens, (i) => {
    const [t, next, after] = [tokens[i] as Token, tokens[i + 1], tokens[i + 2]];
    if (t.kind === 'money' && isMarker(next, 'times') && next !== undefined && after?.kind === 'num' && Number.isInteger(after.value) && after.value < MIN_BARE_PRICE && tight(text, t.end, next.start) && tight(text, next.end, after.start)) {
      return { with: [t, { kind: 'marker', marker: 'perUnit', start: next.start, end: next.end }, { kind: 'qty', value: after.value, unit: 'piece', start: after.start, end: after.end }], takes: 3 };
    }
    // ("红参精2盒×198,000韩元": a count in its unit, times a price, is that many at that price each)
    if (t.kind === 'qty' && t.unit !== undefined && DIMENSION[t.unit] === 'count' && isMarker(next, 'times') && next !== undefined && after?.kind === 'money' && tight(text, t.end, next.start) && tight(text, next.end, after.start)) {
      return { with: [t, { kind: 'marker', marker: 'perUnit', start: next.start, end: next.end }, after], takes: 3 };
    }
    if (t.kind === 'times' && next?.kind === 'money' && /^\s*$/u.test(text.slice(t.end, next.start))) {
      return { with: [{ kind: 'qty', value: t.value, unit: 'piece', start: t.start, end: t.end }, { kind: 'marker', marker: 'perUnit', start: t.end, end: t.end }, next], takes: 2 };
    }
    return undefined;
  });
}

/**
 * Drops things said to be absent: "no cigarettes or alcohol", "没有烟酒", «без алкоголя и сигарет».
 * The things right after the word (joined by "and", "or" or a comma) are not carried; a number
 * among them ends the run ("no, 2 cartons" lists two cartons).
 */
function dropAbsent(text: string, tokens: Token[]): { tokens: Token[]; absent: Span[] } {
  const dropped = new Set<number>();
  const absent: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isMarker(tokens[i], 'absent')) continue;
    let end = (tokens[i] as Token).end;
    const run: number[] = [i];
    let things: number | undefined;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j] as Token;
      if (!tight(text, end, t.start)) break;
      const joiner = t.kind === 'sep' || isMarker(t, 'separators') || isMarker(t, 'alternatives') || isMarker(t, 'absent');
      if (!isThing(t) && !joiner) break;
      run.push(j);
      if (isThing(t)) things = j;
      end = t.end;
    }
    if (things === undefined) continue;
    // (the joiners after the last thing stay: "no vodka, 2 cartons" still parts two items)
    for (const j of run) if (j <= things) dropped.add(j);
    absent.push({ start: (tokens[i] as Token).start, end: (tokens[things] as Token).end });
  }
  return { tokens: dropped.size === 0 ? tokens : tokens.filter((_, i) => !dropped.has(i)), absent };
}

/** An apostrophe right after a word, or 's: the word is a possessive. */
const POSSESSIVE = /^['’](?:s\b|\s|$)/u;

/**
 * Drops amounts of time ("5 hr layover", "等四个小时", "на 2 недели") and of other measures no
 * allowance counts ("两万毫安的移动电源", "20000 mAh"): they count no things and price none.
 */
function dropDurations(text: string, tokens: Token[]): Token[] {
  const notCounted = (t: Token | undefined) => isMarker(t, 'duration') || isMarker(t, 'measure');
  return tokens.filter((t, i) => {
    const next = tokens[i + 1];
    // ("两万" reads as a sum on its own; followed by 毫安 it is a capacity)
    // (nor is a bare number after "for" that counts days or weeks: "for my 2-week stay")
    const amount = t.kind === 'qty' || t.kind === 'num' || (t.kind === 'money' && (isMarker(next, 'measure') || (t.currency === undefined && isMarker(next, 'duration'))));
    return !(amount && notCounted(next) && next !== undefined && tight(text, t.end, next.start)) && !notCounted(t);
  });
}

/** The unit word as listed: itself, or the listed stem it starts with («штук» for «штуки»). */
function stemOf(word: string, words: ReadonlySet<string>): string {
  if (words.has(word)) return word;
  for (const w of words) if (word.startsWith(w)) return w;
  return word;
}
