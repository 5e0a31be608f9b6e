import { prepareText, type LanguageResources } from '../text';
import { DEPARTMENTS, type Department } from '../types';
import { GENERIC_CONCEPTS } from './concepts';

/** A stretch of the text. */
export type Span = { start: number; end: number };

/** A question of the message that another party at the airport answers, set aside from the rest. */
export type Aside = { department: Department; span: Span };

/** Concepts that say nothing of a customs topic: the way of travel, who travels, the general word for a department and the other parties' own matters (a bag that did not arrive, the security check). */
const NEUTRAL_CONCEPTS: ReadonlySet<string> = new Set(['inbound', 'outbound', 'departments', 'resident', 'non_resident', 'hk_macao', 'frequent', 'bag_missing', 'security_screening', 'terminal_service']);
const PARTIES: ReadonlySet<string> = new Set(DEPARTMENTS);

/** A question mark with more after it, a new line, or a number opening a point ("1. … 2. …", "①"). */
const CLAUSE_BREAK = /[?？]+|\n+|(?:^|[\s:：;；,，。])[1-9１-９][.)、．）]\s*|[①②③④]/gu;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
/** At least two letters: a clause that says something. */
const WORDS = /\p{L}.*\p{L}/su;

/**
 * "Two quick ones: can I bring my insulin pens, and is a power bank ok in carry-on?", "两个问题：1. 护照还有两个月过期，
 * 还能出境吗 2. 人民币现金最多能带多少出去": a message that asks two things, one of them only another party's
 * (airport security, the border police, the airline, the police), asks customs the rest. The other party's
 * question is set aside, to be pointed to them in a line of its own, and the rest is read for its topic.
 * Undefined unless exactly one question is another party's and another one names a customs topic.
 */
export function asideQuestion(text: string, r: LanguageResources): Aside | undefined {
  const clauses = questionClauses(text, r.questionJoins);
  if (clauses.length < 2) return undefined;
  // (each a question: "安检能带液体奶吗？宝宝8个月，我想带两瓶冲好的奶上飞机" asks one thing and says why)
  const read = clauses.map(({ start, end, asked }) => {
    const prepared = prepareText(text.slice(start, end));
    const concepts = [...r.concepts.match(prepared)];
    return { span: { start, end }, concepts, party: partyOf(concepts), asks: asked || r.questionWords.asks(prepared) };
  });
  const asides = read.filter((c) => c.asks && c.party !== undefined);
  // (the other a customs topic of its own, not only "how many" or "how long": «безвиз ещё действует? на сколько дней можно» is one question)
  const customs = read.some((c) => c.asks && c.party === undefined && c.concepts.some((x) => !PARTIES.has(x) && !NEUTRAL_CONCEPTS.has(x) && !GENERIC_CONCEPTS.has(x)));
  const [aside] = asides;
  if (asides.length !== 1 || !aside?.party || !customs) return undefined;
  return { department: aside.party, span: aside.span };
}

/** The one other party a clause is only about, if it is ("is a power bank ok in carry-on?": the airport). */
function partyOf(concepts: readonly string[]): Department | undefined {
  const parties = concepts.filter((c) => PARTIES.has(c));
  return parties.length === 1 && concepts.every((c) => PARTIES.has(c) || NEUTRAL_CONCEPTS.has(c)) ? (parties[0] as Department) : undefined;
}

/** The message cut into its questions: at question marks, new lines, numbered points and the joins of the language data (", and is", «и можно ли», "还有"). */
function questionClauses(text: string, joins: readonly string[]): (Span & { asked: boolean })[] {
  const cuts: Span[] = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const join of joins) {
    for (let at = text.indexOf(join); at >= 0; at = text.indexOf(join, at + join.length)) {
      // (a join of words stands as words: "and is" is not inside "thousand is")
      const alone = HAN.test(join) || (!LETTER.test(text[at - 1] ?? '') && !LETTER.test(text[at + join.length] ?? ''));
      if (alone) cuts.push({ start: at, end: at + join.length });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  const clauses: (Span & { asked: boolean })[] = [];
  let from = 0;
  for (const cut of [...cuts, { start: text.length, end: text.length }]) {
    if (cut.start < from) continue;
    // (a clause ended by a question mark asks)
    if (WORDS.test(text.slice(from, cut.start))) clauses.push({ start: from, end: cut.start, asked: /[?？]/u.test(text.slice(cut.start, cut.end)) });
    from = cut.end;
  }
  return clauses;
}
