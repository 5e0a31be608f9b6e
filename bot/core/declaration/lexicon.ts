import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { normalizeText } from '../text';
import { isHan } from './numbers';
import { MARKERS, type DeclarationLanguage, type RatesFile, type Unit } from './schema';

export type Marker = (typeof MARKERS)[number];
/** Item words that are not drinks or goods. */
export type ItemWord = keyof DeclarationLanguage['items'];

/** What a phrase of the lexicon means. */
export type Sense =
  | { kind: 'numword'; value: number }
  | { kind: 'mult'; value: number }
  | { kind: 'unit'; unit: Unit; single?: boolean; scale?: number }
  | { kind: 'item'; item: ItemWord }
  | { kind: 'drink'; drink: string }
  | { kind: 'goods'; goodsClass: string }
  | { kind: 'currency'; code: string; suffix?: boolean }
  | { kind: 'marker'; marker: Marker };

/** A phrase as the scanner matches it. */
export type LexiconPhrase = {
  text: string;
  sense: Sense;
  /** Matches at the start of a longer word (Russian endings: "бутыл*"). */
  stem: boolean;
  /** Chinese phrases match anywhere; symbols ("$", "%") too. */
  anywhere: boolean;
};

/**
 * Every phrase of the three languages (scripts do not collide, so one lexicon reads mixed
 * messages), indexed by first character, longest first. Built once at start-up.
 */
export type Lexicon = {
  byFirstChar: ReadonlyMap<string, readonly LexiconPhrase[]>;
  /** Languages whose numbers use the Chinese last-digit shorthand. */
  shorthand: boolean;
  /** Unit words of the languages where a count may follow its unit («штук 50»), normalised. */
  unitFirst: ReadonlySet<string>;
  languages: Record<LanguageCode, DeclarationLanguage>;
  /** Purchase words of all languages, normalised, without the stem mark ("买", "купил"). */
  purchaseWords: readonly string[];
  /** Words for an allowance of all languages, normalised ("额度", "allowance", "норм"). */
  allowanceNouns: readonly string[];
  /** Words that make "¥" yen, normalised ("日本", "tokyo", "япони"). */
  yenCues: readonly string[];
  /** Words right after a unit that add half of it, normalised ("半": 一条半). */
  halfAfterUnit: readonly string[];
  /** Words that join a multiplier or currency to the number it estimates, normalised («на»: «тысяч на 400»). */
  estimateLinks: readonly string[];
  /** Words right after a number that make it rough, normalised ("多": 三千多块). */
  roughAfter: readonly string[];
  /** Characters that name nothing alone before a price (Chinese 的, 个, 堆). */
  namelessChars: ReadonlySet<string>;
  /** Words for cartons that count other things too ("条": "两条狗" is two dogs). */
  sharedCartonWords: readonly string[];
  /** Phrases saying how many travellers share the things listed, normalised («на двоих»: 2). */
  sharedBy: readonly { text: string; people: number }[];
};

/** Millilitres in a centilitre ("70cl"). */
const ML_PER_CL = 10;

const LETTER = /\p{L}/u;
/** A letter that continues a Latin or Cyrillic word: Chinese characters border such words ("买了iPad", "Coach包"). */
const WORD_LETTER = /(?!\p{Script=Han})\p{L}/u;

/** Builds the lexicon from the language files and the currency symbols of rates.yaml. */
export function buildLexicon(languages: Record<LanguageCode, DeclarationLanguage>, rates: RatesFile): Lexicon {
  const phrases: LexiconPhrase[] = [];
  const add = (raw: string, sense: Sense) => {
    const stem = raw.endsWith('*');
    const text = normalizeText(stem ? raw.slice(0, -1) : raw);
    if (!text) return;
    const first = text[0] ?? '';
    phrases.push({ text, sense, stem, anywhere: isHan(first) || !LETTER.test(first) });
  };
  let shorthand = false;
  const unitFirst = new Set<string>();
  for (const lang of LANGUAGES) {
    const d = languages[lang];
    shorthand ||= d.numbers.trailingDigitShorthand;
    if (d.numbers.unitFirst) for (const list of Object.values(d.units) as string[][]) for (const w of list) unitFirst.add(normalizeText(w.replace(/\*$/u, '')));
    for (const [w, value] of Object.entries(d.numbers.words)) add(w, { kind: 'numword', value });
    for (const [w, value] of Object.entries(d.numbers.multipliers)) add(w, { kind: 'mult', value });
    for (const [unit, list] of Object.entries(d.units) as [Unit, string[]][]) for (const w of list) add(w, { kind: 'unit', unit });
    for (const [unit, list] of Object.entries(d.singleUnits) as [Unit, string[]][]) for (const w of list) add(w, { kind: 'unit', unit, single: true });
    for (const w of d.centilitres) add(w, { kind: 'unit', unit: 'ml', scale: ML_PER_CL });
    for (const [item, list] of Object.entries(d.items) as [ItemWord, string[]][]) for (const w of list) add(w, { kind: 'item', item });
    for (const [drink, list] of Object.entries(d.drinks)) for (const w of list) add(w, { kind: 'drink', drink });
    for (const [goodsClass, list] of Object.entries(d.goods)) for (const w of list) add(w, { kind: 'goods', goodsClass });
    for (const [code, list] of Object.entries(d.currencies)) for (const w of list) add(w, { kind: 'currency', code });
    for (const [code, list] of Object.entries(d.currencySuffixes)) for (const w of list) add(w, { kind: 'currency', code, suffix: true });
    for (const marker of MARKERS) for (const w of d.markers[marker]) add(w, { kind: 'marker', marker });
  }
  for (const [symbol, code] of Object.entries(rates.symbols)) add(symbol, { kind: 'currency', code });
  const byFirstChar = new Map<string, LexiconPhrase[]>();
  for (const p of phrases) {
    const key = p.text[0] ?? '';
    byFirstChar.set(key, [...(byFirstChar.get(key) ?? []), p]);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length || Number(a.stem) - Number(b.stem));
  const purchaseWords = LANGUAGES.flatMap((l) => languages[l].markers.purchase).map((w) => normalizeText(w.replace(/\*$/u, ''))).filter(Boolean);
  const allowanceNouns = LANGUAGES.flatMap((l) => languages[l].allowanceNouns).map((w) => normalizeText(w.replace(/\*$/u, ''))).filter(Boolean);
  const yenCues = LANGUAGES.flatMap((l) => languages[l].yenCues).map((w) => normalizeText(w)).filter(Boolean);
  const halfAfterUnit = LANGUAGES.flatMap((l) => languages[l].numbers.halfAfterUnit).map((w) => normalizeText(w)).filter(Boolean);
  const estimateLinks = LANGUAGES.flatMap((l) => languages[l].numbers.estimateLinks).map((w) => normalizeText(w)).filter(Boolean);
  const roughAfter = LANGUAGES.flatMap((l) => languages[l].numbers.roughAfter).map((w) => normalizeText(w)).filter(Boolean);
  const sharedBy = LANGUAGES.flatMap((l) => languages[l].sharedBy.flatMap(({ people, words }) => words.map((w) => ({ text: normalizeText(w), people })))).filter((p) => p.text);
  const namelessChars = new Set(LANGUAGES.flatMap((l) => languages[l].namelessChars));
  const sharedCartonWords = LANGUAGES.flatMap((l) => languages[l].sharedCartonWords);
  return { byFirstChar, shorthand, unitFirst, languages, purchaseWords, allowanceNouns, yenCues, halfAfterUnit, estimateLinks, roughAfter, namelessChars, sharedCartonWords, sharedBy };
}

/**
 * The longest phrases matching at `at` (all senses of that phrase text), and where the match
 * ends. Latin and Cyrillic phrases must start at a word start and, unless stems, end at a word end.
 */
export function phrasesAt(lexicon: Lexicon, text: string, at: number): { phrases: LexiconPhrase[]; end: number } | undefined {
  const candidates = lexicon.byFirstChar.get(text[at] ?? '');
  if (!candidates) return undefined;
  const wordStart = at === 0 || !WORD_LETTER.test(text[at - 1] ?? '');
  for (const p of candidates) {
    if (!text.startsWith(p.text, at)) continue;
    if (!p.anywhere && !wordStart) continue;
    let end = at + p.text.length;
    const next = text[end] ?? '';
    const lastIsLetter = LETTER.test(p.text.at(-1) ?? '');
    if (!p.anywhere && lastIsLetter && WORD_LETTER.test(next)) {
      if (!p.stem) continue;
      while (end < text.length && WORD_LETTER.test(text[end] ?? '')) end++;
    }
    const same = candidates.filter((c) => c.text === p.text && (c.stem === p.stem || !WORD_LETTER.test(next)));
    return { phrases: same, end };
  }
  return undefined;
}
