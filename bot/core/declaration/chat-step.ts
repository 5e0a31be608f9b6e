import { z } from 'zod';
import { citationsFor } from '../answer';
import type { LoadedKnowledge } from '../conversation/runtime';
import type { LanguageCode } from '../knowledge/schema';
import type { ConversationState } from '../ports';
import { BUY_FOR_OTHERS, DIRECTION_CONCEPTS, GENERIC_CONCEPTS, SEVERAL_OF_ONE, SHORT_MESSAGE_TOKENS, type Reading } from '../reading';
import { getLimit } from '../knowledge/limits';
import { fillTemplate } from '../knowledge/templates';
import { formatNumber } from '../knowledge/render';
import type { Limits } from '../knowledge/limits';
import { valueRules } from './rules-goods';
import { ECIG } from './rules-ecig';
import type { Citation, Reply } from '../types';
import { CategorySchema, DeclarationItemSchema, MAX_ITEMS, type DeclarationCategory, type DeclarationItem, type Residency, type Route } from './schema';
import type { DeclarationService } from './service';
import { UNSPECIFIC_GOODS, isCashList, type DeclarationResult, type MissingFact, type ParsedDeclaration, type ParsedItem } from './types';

/** Entry id of every declaration-check reply (not a knowledge entry: the reply is computed). */
export const DECLARATION_ENTRY_ID = 'declaration-check';

/** A list waiting for the answer to a question (kept in ConversationState between messages). */
export const PendingDeclarationSchema = z
  .object({
    items: z.array(DeclarationItemSchema.extend({ label: z.string().max(60) })).min(1).max(MAX_ITEMS),
    category: CategorySchema,
    asked: z.string().max(40),
    /** Questions asked for this list; the second unanswered one gives up. */
    attempts: z.number().int().min(0).max(10),
  })
  .strict();
export type PendingDeclaration = z.infer<typeof PendingDeclarationSchema>;
/** The list last checked and whose figures they were (kept after the verdict, unlike a pending one). */
export const LastDeclarationSchema = PendingDeclarationSchema.pick({ items: true, category: true });
export type LastDeclaration = z.infer<typeof LastDeclarationSchema>;
type PendingItem = PendingDeclaration['items'][number];

/** Most citations a declaration reply lists. */
const MAX_CITATIONS = 6;
/** Questions asked about one list before the check gives up and lets `decide` answer. */
const MAX_QUESTIONS = 5;

export type StepInput = { reading: Reading; state: ConversationState; lang: LanguageCode; loaded: LoadedKnowledge };
/** `reply` when the declaration check answers; `state` in every case (any old pending list dropped). */
export type StepOutput = { reply?: Reply; state: ConversationState };

/**
 * The declaration check's turn in a conversation, taken before the knowledge-base decision
 * (issue 5). A list-like message ("12 cartons of cigarettes, four bottles of cognac and a bag
 * for 15,000 yuan") gets the itemised reply, or one question when a fact is missing, with the
 * list kept in the state so the next message can answer it. Messages with escalation signals
 * (evasion, a seizure, anger…) and ordinary questions are left to `decide`.
 */
/** The facet of a message about a family's or several travellers' allowances (knowledge/lang facets; not "each", which also prices things). */
const FAMILY = 'family';

export function declarationStep(service: DeclarationService, input: StepInput): StepOutput {
  const { reading, state } = input;
  const { pendingDeclaration: raw, ...rest } = state;
  const cleared: ConversationState = rest;
  const parsed = sharedOut(reading.list);
  const known: DeclarationCategory = { route: reading.category.route ?? asRoute(state.route), residency: reading.category.residency ?? asResidency(state.residency) };
  // "it was CHF 9,800, I live in Shanghai" after "bought a Rolex in Geneva": a sum alone, not called cash, is the price of the thing named before
  const priced = pricedLastThing(reading, state);
  if (priced) return run(service, input, [priced], known, 0);
  // "我北京户口 这次带了差不多6000块的东西" after "resident or visitor?" about how the excess is taxed: it answers that question (with their case), no list to check
  const clarifying = state.pendingClarifyEntryId ? input.loaded.engine.entries.get(state.pendingClarifyEntryId) : undefined;
  if (clarifying?.dependsOn && reading.category[clarifying.dependsOn] !== undefined && !reading.asks) return { state: cleared };
  // "是美元 大概七千" after the rule for cash taken out of China: the check (of things brought in) is not what goes on
  if (reading.act === 'list' && parsed && afterOutboundAnswer(reading, parsed, input)) return { state: cleared };
  // "再加上一瓶香水，1万8千日元呢？", «а если ещё куртку за 9 000 рублей?»: things added to the list just checked are checked with it
  const earlier = addedTo(reading, parsed, state);
  if (earlier && parsed) return run(service, input, [...earlier.items, ...parsed.items.map(toPendingItem)].slice(0, MAX_ITEMS), { ...earlier.category, ...stripUndefined(known) }, 0);
  // "Надо заполнять декларацию?", "so do I declare?" right after a list was checked: whether to declare those very things is that check again
  const again = askedAgain(reading, parsed, state);
  if (again) return run(service, input, again.items, { ...again.category, ...stripUndefined(known) }, 0);
  if (reading.act === 'list' && parsed) {
    // "my own laptop + camera, 2 bottles wine, 1 carton cigs, gifts for friends": own things are not counted, the rest is checked
    // "I'm a German photographer coming for two weeks with two camera bodies and a laptop": a visitor's own equipment, bought nothing, is the rule of bringing it in and out
    if (visitorsOwnEquipment(reading, parsed)) return { state: cleared };
    // «везу 10 одинаковых кремов — знакомые заказали, продам им»: many of one thing for others, no prices, asks whether that is still personal use
    if (forOthersUnpriced(reading, parsed, input)) return { state: cleared };
    // a long story asking about fish, caviar or sausage it brings, with no price anywhere: that thing's rule, not a check of its odd amounts
    // (cigarettes or drink counted beside them are checked: «Везём: 2 блока сигарет, 3 бутылки водки, колбаса»)
    if (reading.story && reading.asks && parsed.items.every((i) => i.value === undefined && !EXCISE.has(i.type)) && namesRestricted(reading, input)) return { state: cleared };
    // a visitor's things said to be their own, worn or taken home again are not counted: the rest is checked
    const own = reading.category.residency === 'non_resident' ? parsed.items.filter((i) => i.own) : [];
    const kept = parsed.items.filter((i) => !own.includes(i));
    if (own.length > 0 && kept.some((i) => i.quantified)) return run(service, input, kept.map(toPendingItem), known, 0, own.map((i) => i.label));
    const others = ownThingsAside(service, reading, parsed);
    if (others) return run(service, input, others.map(toPendingItem), known, 0, parsed.items.filter((i) => !others.includes(i)).map((i) => i.label));
    // leaving China with cash among other things: the cash is checked (its limits are the same both ways), the rest is not counted
    const cashOut = outboundCash(service, reading, parsed);
    if (cashOut) return run(service, input, cashOut.map(toPendingItem), known, 0, parsed.items.filter((i) => !cashOut.includes(i)).map((i) => i.label), 'outbound_aside');
    // leaving China, own equipment out and back, Russia's rules: the knowledge base answers those,
    // and so does a question whether a thing counts as another ("do terea sticks count as cigarettes? got 1 carton + 3 packs")
    if (outOfScope(service, reading, parsed) || (reading.asks && reading.focus.has(COUNTS_AS))) return { state: cleared };
    // "韩国的草莓好甜 想带一盒给我妈 海关让不让": only a banned or restricted thing, asked about, is that thing's rule
    // (a count that names no thing of its own, said after such a thing, is how many of it: "大麻软糖…带两包回来自己吃")
    // (…and so is one the traveller says they would bring: "日本的草莓特别好吃，想带两盒回来给爸妈")
    if ((reading.asks || reading.bring) && onlyArticles(service, parsed.items.filter((i) => !countsTheArticle(i, parsed.items)).map(toPendingItem), input)) return { state: cleared };
    return run(service, input, parsed.items.map(toPendingItem), known, 0);
  }
  // "сигары кубинские, 30 шт, норм?": one counted thing asked about is the rule's question, unless
  // it is over every allowance: then it is their case, and the verdict is the same for everyone
  // …and so is "带了一条软中华 要报吗": whether to declare these very things, or which channel, is the check's question
  if (parsed && parsed.confidence > 0 && !reading.boughtInChina && parsed.items.length > 0 && parsed.items.every((i) => i.quantified && EXCISE.has(i.type)) && !asksPenalty(reading) && (asksToDeclareThese(reading) || (!reading.focus.has(OUTDATED) && !reading.focus.has(DIFFERS) && overForEveryone(service, parsed.items.map(toPendingItem), known, input)))) {
    if (!outOfScope(service, reading, parsed)) return run(service, input, parsed.items.map(toPendingItem), known, 0);
  }
  // A new question of its own ("带两条烟可以吗" after "which currency?") is not the answer: start fresh.
  // (one that only says who the traveller is and asks whether to declare, "I'm a Harbin resident btw, do I need to declare it?", is the answer)
  const saysCategory = reading.category.route !== undefined || reading.category.residency !== undefined;
  // (not a rule: "Will they tax the whole bag or just the bit over the limit?" asks how the excess is taxed)
  const onlyDeclare = reading.topical.every((c) => DECLARE_FACETS.includes(c));
  if (reading.asks && reading.topical.length > 0 && !(saysCategory && onlyDeclare)) return { state: cleared };
  const pending = raw === undefined ? undefined : PendingDeclarationSchema.safeParse(raw);
  if (!pending?.success) return { state: cleared };
  const answered = applyAnswer(service, pending.data, reading.text, reading.category, reading.answers);
  if (!answered) return { state: cleared };
  return run(service, input, answered.items, answered.category, pending.data.attempts + 1);
}

/** The facet of more things added to what was said before ("再加上", "ещё", "plus"; knowledge/lang facets). */
const ADDITION = 'addition';

/** The list checked before, when this message adds counted or priced things to it. */
function addedTo(reading: Reading, parsed: ParsedDeclaration | undefined, state: ConversationState): LastDeclaration | undefined {
  if (!parsed || !reading.focus.has(ADDITION) || state.lastDeclaration === undefined) return undefined;
  if (parsed.items.length === 0 || !parsed.items.every((i) => i.quantified || i.value !== undefined) || parsed.items.some((i) => i.type === 'cash')) return undefined;
  const last = LastDeclarationSchema.safeParse(state.lastDeclaration);
  return last.success ? last.data : undefined;
}

/** The list checked before, when this short message only asks whether to declare (or fill in the form) and names nothing of its own. */
function askedAgain(reading: Reading, parsed: ParsedDeclaration | undefined, state: ConversationState): LastDeclaration | undefined {
  if (!reading.asks || state.lastDeclaration === undefined || reading.tokens.length > SHORT_MESSAGE_TOKENS || (parsed?.items.length ?? 0) > 0) return undefined;
  const whether = (c: string) => DECLARE_FACETS.includes(c) || c === DECLARATION_FORM;
  // (not how to declare, nor for whom: "где бланк взять?", «могу я подать декларацию за неё?»)
  if (reading.topical.length === 0 || !reading.topical.every(whether) || ![...reading.focus].every(whether)) return undefined;
  const last = LastDeclarationSchema.safeParse(state.lastDeclaration);
  return last.success ? last.data : undefined;
}
const DECLARATION_FORM = 'declaration_form';

/** The facet of a figure heard or read somewhere ("a friend says 100 cigars, true??"): a question about the rule, not their case. */
const OUTDATED = 'outdated';
/** The facet of asking whether a rule applies to the traveller ("does the 2-carton thing apply to me too?"): the rule's question, not a count to check. */
const DIFFERS = 'differs';
/** Facets of a question whether to declare, or by which channel (lang-schema FACETS). */
const DECLARE_FACETS: readonly string[] = ['declare', 'red_channel', 'green_channel'];
/** Concepts and facets that make it a question about a rule, not about the traveller's own things: per person, whether a thing counts as another, what not declaring costs. */
const RULE_FACETS: readonly string[] = ['per_person', 'counts_as', 'penalty', 'fine', 'smuggling'];
const PER_PERSON = 'per_person';

/** The traveller asks whether to declare what they carry (not a tour leader asking for a group, nor whether a thing counts as another). */
function asksToDeclareThese(reading: Reading): boolean {
  return reading.asks && !reading.tour.leader && DECLARE_FACETS.some((f) => reading.focus.has(f)) && !asksRule(reading);
}

/** A question about a rule rather than the traveller's own things: per person, counts as, what not declaring costs («что будет если не задекларировать 3 блока»). */
function asksRule(reading: Reading): boolean {
  return reading.asks && RULE_FACETS.some((f) => reading.focus.has(f));
}

/** A short message, not saying it is about coming in, right after an answer about leaving China. */
function afterOutboundAnswer(reading: Reading, parsed: ParsedDeclaration, input: StepInput): boolean {
  const last = input.state.lastEntryId ? input.loaded.engine.entries.get(input.state.lastEntryId) : undefined;
  return last !== undefined && last.tags.includes(OUTBOUND_CONCEPT) && !parsed.inbound && reading.tokens.length <= SHORT_MESSAGE_TOKENS;
}

/** Tobacco, whose frequent travellers' allowance (40 cigarettes) is a fifth of the ordinary one. */
const TOBACCO: ReadonlySet<string> = new Set(['cigarettes', 'cigars', 'tobacco']);
/** The facet of a question whether a thing counts as or within an allowance (lang-schema FACETS). */
const COUNTS_AS = 'counts_as';

/** Things with allowances counted in pieces or litres (a sum of cash or a priced thing is the rule's question). */
const EXCISE: ReadonlySet<string> = new Set(['cigarettes', 'cigars', 'tobacco', 'alcohol']);

/**
 * Leaving China, own equipment out and back, Russia's rules: the knowledge base answers those. A
 * word of leaving does not count when the message says the traveller is coming back ("从泰国回 第一次出国").
 */
function outOfScope(service: DeclarationService, reading: Reading, parsed: ParsedDeclaration): boolean {
  return outOfScopeConcepts(service, reading, parsed).length > 0;
}

/** The message's concepts that take it out of the check's scope (declaration.yaml `outOfScope`). */
function outOfScopeConcepts(service: DeclarationService, reading: Reading, parsed: ParsedDeclaration): string[] {
  // (cash in two currencies is declared above the same thresholds whichever way and wherever it goes: «вывожу 30 000 юаней и 3000 долларов, лечу в Иркутск»)
  // (coming back is part of taking one's own equipment out and back: "出境要先报关吗？怕回来被当成新买的" stays a trip out)
  const outAndBack = reading.topical.includes(TEMPORARY_IMPORT) && reading.category.residency !== 'non_resident';
  const concepts = [...reading.topical, ...reading.weak].filter((c) => !((parsed.inbound || isCashList(parsed.items)) && !outAndBack && c === OUTBOUND_CONCEPT) && !(isCashList(parsed.items) && c === RUSSIA_RETURN));
  return service.knowledge.data.outOfScope.filter((c) => concepts.includes(c));
}
/** The concepts of a penalty or of smuggling, and the entries that answer them. */
const PENALTY_CONCEPTS: ReadonlySet<string> = new Set(['penalty', 'smuggling']);
const PENALTY_ENTRIES: ReadonlySet<string> = new Set(['penalties-not-declaring', 'smuggling']);

/**
 * "what happens if they find 3 undeclared cartons?": the consequence asked, and a penalty's entry the best
 * match, is that entry's question, not the verdict; «у туриста 6 блоков, что ему грозит» is still his case.
 */
function asksPenalty(reading: Reading): boolean {
  // (…and so is whether it is smuggling: «Если везти 10 блоков через зелёный коридор — это уже контрабанда?»)
  // (or the second hit, in a supposition: the things counted make their allowance the first, "what happens if … 8 bottles … and gets caught?")
  return reading.topical.some((c) => PENALTY_CONCEPTS.has(c)) && reading.hits.slice(0, reading.hearsay ? 2 : 1).some((h) => PENALTY_ENTRIES.has(h.entryId));
}
const OUTBOUND_CONCEPT = 'outbound';
/** The goods class of gold (declaration.yaml classes), declared by weight whichever way it goes. */
const GOLD = 'gold';
const RUSSIA_RETURN = 'russia_return';

/**
 * "German tourist: my own laptop and camera, 2 bottles of wine, 1 carton, gifts 300 euros": a list that
 * names the traveller's own equipment only beside other things. The unpriced equipment is set aside
 * (it is not counted, and the reply's rule says so); the rest is checked. Undefined when the message
 * is only about own equipment, or is out of the check's scope for another reason.
 */
function ownThingsAside(service: DeclarationService, reading: Reading, parsed: ParsedDeclaration): ParsedItem[] | undefined {
  const outside = outOfScopeConcepts(service, reading, parsed);
  // (a resident's own camera taken out and back is a question of its own: registering it on departure)
  if (outside.length !== 1 || outside[0] !== TEMPORARY_IMPORT || reading.category.residency === 'resident') return undefined;
  const others = parsed.items.filter((i) => !(i.type === 'goods' && i.value === undefined && OWN_EQUIPMENT.has(i.kind ?? '')));
  // ("my own clubs (going back with me), 2 dozen golf balls as gifts 150,000 won": own things named without an amount are no item; the priced rest is checked)
  // (one priced thing is the own thing itself: «еду в своей шубе за 300 тысяч … в ней же и уеду»)
  const priced = others.length >= 2 && others.some((i) => i.value !== undefined);
  return others.length > 0 && (others.length < parsed.items.length || priced) && others.some((i) => i.quantified) ? others : undefined;
}
const TEMPORARY_IMPORT = 'temporary_import';
/** Goods classes of the equipment travellers carry for their own use (declaration.yaml classes). */
const OWN_EQUIPMENT: ReadonlySet<string> = new Set(['electronics', 'sports', 'golf']);

/** Several of one thing brought for others, with no price to check: the question whether that is still personal use. */
function forOthersUnpriced(reading: Reading, parsed: ParsedDeclaration, input: StepInput): boolean {
  // (food or other restricted things among them are checked: "horse sausage 2kg, chocolate 3 box, for my friends")
  if (namesRestricted(reading, input)) return false;
  return reading.topical.includes(BUY_FOR_OTHERS) && parsed.items.every((i) => i.type === 'goods' && !i.article && i.value === undefined) && parsed.items.some((i) => (i.quantity ?? 1) >= SEVERAL_OF_ONE);
}
/** The message names a thing quarantine or the law restricts whatever its number (a tag of such an entry). */
function namesRestricted(reading: Reading, input: StepInput): boolean {
  const entries = input.loaded.engine.entries;
  let restricted = RESTRICTED_TAGS.get(entries);
  if (!restricted) {
    // (the things' own tags: not "prohibited", "declare", "red_channel" or a direction, which such entries share with others)
    restricted = new Set([...entries.values()].filter((e) => RESTRICTED_ENTRY_TOPICS.has(e.topic)).flatMap((e) => e.tags).filter((t) => !GENERIC_CONCEPTS.has(t) && !DIRECTION_CONCEPTS.has(t) && !PROCEDURE_TAGS.has(t)));
    RESTRICTED_TAGS.set(entries, restricted);
  }
  const tags = restricted;
  return reading.topical.some((c) => tags.has(c));
}
/** The restricted things' tags, worked out once per knowledge snapshot (its entries map). */
const RESTRICTED_TAGS = new WeakMap<object, ReadonlySet<string>>();
/** Tags of how a thing is declared, shared by the entries of restricted things with others. */
const PROCEDURE_TAGS: ReadonlySet<string> = new Set(['red_channel', 'declaration_form']);
/** Topics of entries about things quarantine or the law restricts whatever their number. */
const RESTRICTED_ENTRY_TOPICS: ReadonlySet<string> = new Set(['food', 'pets', 'prohibited']);

/** A visitor who lists only equipment without prices and says nothing of buying: their own things, brought in for the trip. */
function visitorsOwnEquipment(reading: Reading, parsed: ParsedDeclaration): boolean {
  return reading.category.residency === 'non_resident' && !parsed.bought && parsed.items.length > 0 && parsed.items.every((i) => i.type === 'goods' && i.value === undefined && OWN_EQUIPMENT.has(i.kind ?? ''));
}

/** True when every thing of the list is a banned or restricted article ("a box of strawberries", "a block of parmesan"). */
/** A count that names no kind of thing, no price, in a message that names a banned or restricted thing: how many of that thing. */
function countsTheArticle(item: ParsedItem, items: readonly ParsedItem[]): boolean {
  // (packs, boxes, bottles of it: "8 disposables" are pieces of their own, counted)
  return item.type === 'goods' && !item.article && item.kind === undefined && item.value === undefined && item.quantity !== undefined && item.unit !== undefined && item.unit !== 'piece' && items.some((i) => i.article);
}

function onlyArticles(service: DeclarationService, items: PendingItem[], input: StepInput): boolean {
  const request = withoutLabels(items);
  const checked = service.check({ items: request, category: { route: 'ordinary', residency: 'resident' } }, input.loaded.knowledge.limits, input.loaded.engine.resources);
  return checked.ok && checked.value.items.length > 0 && checked.value.items.every((i) => i.status === 'prohibited' || i.status === 'restricted');
}

/** True when the things go to the red channel, complete, for every route and residency the message leaves open. */
function overForEveryone(service: DeclarationService, items: PendingItem[], known: DeclarationCategory, input: StepInput): boolean {
  const request = withoutLabels(items);
  const results = checkEvery(service, request, known.route ? [known.route] : ROUTE_CHOICES, known.residency ? [known.residency] : RESIDENCY_CHOICES, input);
  return results?.every((r) => r.channel === 'red' && r.missing.length === 0) ?? false;
}

/** Entry topics whose answer a concrete price makes concrete (value allowance, tax, declaring). */
const PRICED_TOPICS: ReadonlySet<string> = new Set(['allowance', 'tax', 'declaration']);
/** The facet of a question about a family's or couple's allowances together (lang-schema FACETS). */
const FAMILY_FACET = 'family';

/**
 * The case of a question that names priced things ("a bag for 30,000 yuan, do I pay?"), worked
 * out by the same rules as a list, to go before the rule's answer (issue 10: their case first).
 * For the category the conversation knows, else a resident (said in the intro); undefined when
 * nothing is priced or a fact is still missing.
 */
export function estimateForQuestion(service: DeclarationService, reading: Reading, state: ConversationState, loaded: LoadedKnowledge, lang: LanguageCode, entryTopic: string): string | undefined {
  const counted = countedCase(service, reading, state, loaded, lang, entryTopic);
  if (counted) return counted;
  const priced = (reading.list?.items ?? []).filter((i) => i.type === 'goods' && i.value !== undefined && i.priceSpan);
  if (priced.length === 0 || !PRICED_TOPICS.has(entryTopic) || reading.boughtInChina) return undefined;
  // "can my wife and I combine our allowances for one 9,000 bag?": one traveller's case is the very thing asked about;
  // the rule's per-person detail answers it, and the case would only crowd it out
  if (reading.focus.has(FAMILY_FACET)) return undefined;
  const known = reading.category.residency ?? asResidency(state.residency);
  const route = reading.category.route ?? asRoute(state.route) ?? 'ordinary';
  const items = priced.map(toPendingItem);
  const request = withoutLabels(items);
  const check = (residency: 'resident' | 'non_resident') => service.check({ items: request, category: { route, residency } }, loaded.knowledge.limits, loaded.engine.resources);
  const checked = check(known ?? 'resident');
  // only "declare" is put before the rule: a question may name things the parser did not read,
  // so "nothing to declare" for the part it read could be wrong advice
  if (!checked.ok || checked.value.missing.length > 0 || checked.value.channel !== 'red') return undefined;
  const text = service.estimate(checked.value, items.map((i) => i.label), lang, loaded.knowledge.limits, known ?? 'resident');
  if (known) return text;
  // residency not known: only when a visitor's verdict is the same (a 30,000 bag is over every allowance)
  const other = check('non_resident');
  if (!other.ok || other.value.channel !== checked.value.channel) return undefined;
  return `${text}\n${sameForEveryone(service.knowledge.languages[lang].phrases, checked.value, loaded.knowledge.limits, lang, undefined)}`;
}

/** Item types a rule's topic counts: the question about them is answered with their own lines first. */
const COUNTED_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  // (goods here only when the check counts them as e-cigarettes: "一次性电子烟带了10支，每支2ml")
  tobacco: new Set(['cigarettes', 'cigars', 'tobacco', 'goods']),
  alcohol: new Set(['alcohol']),
  cash: new Set(['cash']),
};
/** The facet of a figure heard or read somewhere and asked whether it still holds (knowledge/lang facets). */
const HEARD_FIGURE = 'outdated';
/** Item types whose allowance depends on the route (cash limits do not). */
const ROUTE_TYPES: ReadonlySet<string> = new Set(['cigarettes', 'cigars', 'tobacco', 'alcohol']);

/**
 * The case of a question about counted things of the rule's own kind ("第一次出国 … 带了两条中华 没事吧",
 * «из Москвы, 20 сигар, нормально?», "4,000 USD cash, do I declare?"): their lines by the same rules as
 * a list, when every counted thing is of that kind and the route is known where it matters.
 */
function countedCase(service: DeclarationService, reading: Reading, state: ConversationState, loaded: LoadedKnowledge, lang: LanguageCode, entryTopic: string): string | undefined {
  const kinds = COUNTED_TYPES[entryTopic];
  const all = reading.list?.items ?? [];
  // (a thing with no count or price, "in our own suitcase", is not counted; anything else counted or priced makes it a list)
  const counted = all.filter((i) => i.quantity !== undefined || i.value !== undefined);
  if (!kinds || counted.length === 0 || !counted.every((i) => kinds.has(i.type)) || reading.signals.length > 0) return undefined;
  // a sum is cash only when called so ("4,000美元现金"; "手信大概港幣3,000" is a price), and a bottle's size only when said (the check would assume 750 ml)
  if (counted.some((i) => i.type === 'cash') && !reading.focus.has(CASH_CONCEPT)) return undefined;
  if (counted.some((i) => i.type === 'alcohol' && i.volumeMl === undefined && i.unit !== 'l' && i.unit !== 'ml')) return undefined;
  const route = reading.category.route ?? asRoute(state.route);
  const items = counted.map(toPendingItem);
  const request = withoutLabels(items);
  const residency = asResidency(reading.category.residency ?? state.residency) ?? 'resident';
  const check = (r: Route) => service.check({ items: request, category: { route: r, residency } }, loaded.knowledge.limits, loaded.engine.resources);
  const checked = check(route ?? 'ordinary');
  if (!checked.ok || checked.value.missing.length > 0 || checked.value.items.some((r) => r.status === 'unknown' || r.treatment !== undefined || (r.type === 'goods' && r.kind !== ECIG))) return undefined;
  const lines = service.counted(checked.value, items.map((i) => i.label), lang, loaded.knowledge.limits);
  if (route || !counted.some((i) => ROUTE_TYPES.has(i.type) || i.type === 'goods')) return lines;
  // the route not known: only when every route's verdict is "declare" ("две бутылки водки по литру" is over every allowance),
  // the ordinary traveller's figures said to be such
  const everyRouteRed = (['hk_macao', 'frequent'] as const).every((r) => {
    const other = check(r);
    return other.ok && other.value.channel === 'red';
  });
  // (…and not a figure heard and asked about, "雪茄还能带100支吗": that is the rule's question, which depends on the route)
  if (checked.value.channel !== 'red' || !everyRouteRed || reading.focus.has(HEARD_FIGURE)) return undefined;
  return `${lines}\n${sameForEveryone(service.knowledge.languages[lang].phrases, checked.value, loaded.knowledge.limits, lang, residency)}`;
}

/** The concept of cash named as such ("cash", "现金", «наличные»): a sum so called is money carried, not a price. */
const CASH_CONCEPT = 'cash';

/**
 * The thing named before ("bought a Rolex in Geneva", "我在巴黎买了个包"), priced by a message that is only a
 * sum not called cash ("it was CHF 9,800 and I live in Shanghai", "2,800欧，我常住杭州，要申报吗"). Undefined otherwise.
 */
function pricedLastThing(reading: Reading, state: ConversationState): PendingItem | undefined {
  const thing = state.lastThing;
  const items = reading.list?.items ?? [];
  const sum = items.length === 1 && items[0]?.type === 'cash' ? items[0] : undefined;
  if (!thing || !sum || sum.value === undefined || reading.topical.includes(CASH_CONCEPT) || reading.signals.length > 0) return undefined;
  return { type: 'goods', label: thing.label, value: sum.value, ...(sum.currency ? { currency: sum.currency } : {}), ...(thing.kind ? { kind: thing.kind } : {}) };
}

/**
 * The state to remember after a turn: the one thing the message named without a price, if any, so that a
 * sum said next can be its price (see pricedLastThing); any older such thing is forgotten.
 */
export function withLastThing(state: ConversationState, reading: Reading): ConversationState {
  const { lastThing: _old, ...rest } = state;
  const items = reading.list?.items ?? [];
  const one = items.length === 1 ? items[0] : undefined;
  const named = one && one.type === 'goods' && one.value === undefined && one.kind !== undefined && !UNSPECIFIC_GOODS.has(one.kind) && !one.article ? one : undefined;
  return named ? { ...rest, lastThing: { label: named.label.slice(0, 60), ...(named.kind ? { kind: named.kind } : {}) } } : rest;
}

/** Item types counted per person when several travellers share them (tobacco, drinks and cash; goods stay one person's). */
const SHARED_TYPES: ReadonlySet<string> = new Set(['cigarettes', 'cigars', 'tobacco', 'alcohol', 'cash']);

/**
 * «4 блока сигарет на двоих с мужем», "7,000 dollars for the two of us": the share of each traveller
 * when the message says how many share the things listed (each carries their own share, and each
 * has their own allowance). Goods stay as listed: one thing is one person's.
 */
function sharedOut(list: ParsedDeclaration | undefined): ParsedDeclaration | undefined {
  const n = list?.sharedBy;
  if (!list || !n) return list;
  const share = (v: number | undefined) => (v === undefined ? undefined : v / n);
  const items = list.items.map((i): ParsedItem => {
    if (!SHARED_TYPES.has(i.type)) return i;
    const quantity = i.type === 'cash' ? i.quantity : share(i.quantity);
    const value = share(i.value);
    return { ...i, ...(quantity !== undefined ? { quantity } : {}), ...(value !== undefined ? { value } : {}) };
  });
  return { ...list, items };
}

/** The request fields of a parsed item (the parser's own flags dropped), with its label. */
/** The items as the check takes them: without the traveller's words for them. */
function withoutLabels(items: readonly PendingItem[]): DeclarationItem[] {
  return items.map(({ label: _l, ...item }) => item);
}

function toPendingItem(p: ParsedItem): PendingItem {
  const { type, quantity, unit, volumeMl, abv, value, currency, description, kind } = p;
  const item: PendingItem = { type, label: p.label.slice(0, 60) };
  Object.assign(item, Object.fromEntries(Object.entries({ quantity, unit, volumeMl, abv, value, currency, description, kind }).filter(([, v]) => v !== undefined)));
  return item;
}

function asRoute(c: string | undefined): DeclarationCategory['route'] {
  return c === 'ordinary' || c === 'hk_macao' || c === 'frequent' ? c : undefined;
}
function asResidency(c: string | undefined): DeclarationCategory['residency'] {
  return c === 'resident' || c === 'non_resident' ? c : undefined;
}

/**
 * Reads the answer to the pending question. The route question takes a cue or "no" (an
 * ordinary traveller); the residency question a cue, "yes" (resident) or "no"; a value, a
 * currency or a count takes the first amount in the message. Undefined when nothing answers.
 */
function applyAnswer(service: DeclarationService, pending: PendingDeclaration, text: string, cues: DeclarationCategory, answers: ReadonlySet<'yes' | 'no'>): { items: PendingItem[]; category: DeclarationCategory } | undefined {
  const category: DeclarationCategory = { ...pending.category, ...(cues.route ? { route: cues.route } : {}), ...(cues.residency ? { residency: cues.residency } : {}) };
  const items = pending.items.map((i) => ({ ...i }));
  let answered = cues.route !== undefined || cues.residency !== undefined;
  const field = pending.asked;
  if (field === 'category.route' && !category.route && answers.has('no') && !answers.has('yes')) [category.route, answered] = ['ordinary', true];
  if (field === 'category.residency' && !category.residency && answers.size === 1) [category.residency, answered] = [answers.has('yes') ? 'resident' : 'non_resident', true];
  const m = /^items\.(\d+)\.(value|currency|quantity)$/.exec(field);
  const item = m ? items[Number(m[1])] : undefined;
  if (m && item) {
    const a = service.readAnswer(text);
    if (m[2] === 'value' && a.amount !== undefined) [item.value, item.currency, answered] = [a.amount, a.currency ?? item.currency, true];
    if (m[2] === 'currency' && a.currency) [item.currency, answered] = [a.currency, true];
    if (m[2] === 'quantity' && a.count !== undefined) [item.quantity, item.unit, answered] = [a.count, item.type === 'tobacco' ? 'g' : 'piece', true];
  }
  return answered ? { items, category } : undefined;
}

/**
 * The line that the verdict is everyone's, with whose figures these are; when priced goods were
 * worked out for an assumed resident, a visitor's allowance too (a Russian tourist reads 2,000, not only 5,000).
 */
function sameForEveryone(P: Record<string, string>, result: DeclarationResult, limits: Limits, lang: LanguageCode, residency: Residency | undefined): string {
  // (any priced goods: a visitor reads their own figure even when both allowances cover the list, «подарки на 1000 юаней»)
  const nonResident = getLimit(limits, 'valueAllowance.non_resident');
  const goods = result.goodsTotalRmb > 0 && residency === undefined;
  return goods ? fillTemplate(P.same_for_everyone_goods ?? '', { nonResident: formatNumber(nonResident, lang) }) : (P.same_for_everyone ?? '');
}

/** `asked` of a list answered for an assumed category: no question was put, so only a category the traveller states answers it. */
const ASSUMED_CATEGORY = 'category';

/**
 * "Leaving Beijing: 25,000 RMB cash, 3,000 USD, 2 kg of tea, a jade bracelet": the cash of a list
 * taken out of China, when leaving is all that takes the list out of the check's scope. Cash is
 * declared above the same sums both ways; the things taken out count against no allowance.
 */
function outboundCash(service: DeclarationService, reading: Reading, parsed: ParsedDeclaration): ParsedItem[] | undefined {
  const outside = outOfScopeConcepts(service, reading, parsed);
  if (outside.length !== 1 || outside[0] !== OUTBOUND_CONCEPT) return undefined;
  // (gold is declared above the same weight both ways, and checked with the cash: "出境：金条100克 + 现金人民币2万5")
  const combos = service.knowledge.data.classCombos;
  const gold = (kind: string | undefined) => kind === GOLD || (combos[kind ?? ''] ?? []).includes(GOLD);
  const checked = parsed.items.filter((i) => (i.type === 'cash' && i.value !== undefined) || (i.type === 'goods' && gold(i.kind)));
  // (restricted or banned things leave under rules of their own: the knowledge base answers those)
  if (parsed.items.some((i) => i.article)) return undefined;
  return checked.some((i) => i.type === 'cash') && (checked.length < parsed.items.length || checked.some((i) => i.type === 'goods')) ? checked : undefined;
}

/**
 * @param aside things left out of the check, named in the reply: the traveller's own ("my own laptop"),
 * or the things taken out of China beside the cash (`note` says which)
 */
/** Topics of procedures a check cites beside the things' own rules (keeping the extra until departure). */
const PROCEDURE_TOPICS: ReadonlySet<string> = new Set(['storage']);

function run(service: DeclarationService, input: StepInput, items: PendingItem[], category: DeclarationCategory, attempts: number, aside: string[] = [], note: 'own_aside' | 'outbound_aside' = 'own_aside'): StepOutput {
  const { loaded, lang, state } = input;
  // the conversation moved on: an older clarifying question of `decide` no longer waits
  const { pendingDeclaration: _old, pendingClarifyEntryId: _clarify, ...base } = state;
  const cleared: ConversationState = base;
  const limits = loaded.knowledge.limits;
  const request = withoutLabels(items);
  const checked = service.check({ items: request, category: stripUndefined(category) }, limits, loaded.engine.resources);
  if (!checked.ok) return { state: cleared };
  // Ask only when the answer depends on it: the same verdict for every category needs no question.
  // things to sell or show as samples are goods whoever carries them: declared, the same for every traveller
  const same = forSale(input.reading, checked.value) ? asGoodsForSale(service, request, category, input) : sameForEveryCategory(service, request, category, checked.value, input);
  // red for every traveller but a resident arriving from Hong Kong or Macao (a larger allowance): the verdict, and that case in a sentence
  const unlessHk = same ? undefined : redUnlessHkMacao(service, request, category, checked.value, input);
  // only the route open: the ordinary traveller's outcome, and the other routes in one sentence
  const ordinaryRoute = same || unlessHk ? undefined : ordinaryRouteResult(service, request, category, checked.value, input);
  // only a frequent traveller would fare differently: the verdict, and that one case in a sentence
  const unlessFrequent = same || unlessHk || ordinaryRoute ? undefined : greenUnlessFrequent(service, request, category, checked.value, input);
  // green whoever the traveller is, if the unpriced things are worth less than the smallest sum left: that sum, not a question
  const anyHeadroom = same || unlessHk || ordinaryRoute || unlessFrequent ? undefined : headroomForEveryone(service, request, category, checked.value, input);
  const result = same ?? unlessHk ?? ordinaryRoute ?? unlessFrequent ?? anyHeadroom?.result ?? checked.value;
  const names = items.map((i) => i.label);
  // (a list of one kind of thing whose rule holds both ways leaves that rule as the last answer, for a turn of direction:
  // "入境申报了120克金饰" … "那回程出境的时候呢")
  // (the thing's own rule, not a procedure cited beside it: temporary storage also holds both ways)
  const both = result.entries.find((id) => {
    const entry = loaded.engine.entries.get(id);
    return entry?.direction === 'both' && !PROCEDURE_TOPICS.has(entry.topic);
  });
  const oneKind = new Set(items.map((i) => i.type)).size === 1 && both ? { lastEntryId: both } : {};
  const learned: ConversationState = { ...cleared, ...(category.route ? { route: category.route } : {}), ...(category.residency ? { residency: category.residency } : {}), ...oneKind, lastDeclaration: { items, category: stripUndefined(category) }, misses: 0 };
  const citations = citationsOf(result.entries, loaded, lang);
  // a list that goes to the red channel whoever the traveller is needs no question, and neither does
  // a missing price or count once the channel is red anyway: it only leaves that item's tax open
  const onlyPrices = result.channel === 'red' && result.missing.every((m) => /^items\.\d+\.(value|currency|quantity)$/.test(m.field));
  // only prices of goods missing and the rest within the allowance: the verdict up to a sum, not a question
  const headroom = anyHeadroom?.headroom ?? (!same && !unlessHk && !ordinaryRoute && !unlessFrequent ? unpricedHeadroom(result, limits) : undefined);
  const first: MissingFact | undefined = same || unlessHk || onlyPrices || unlessFrequent || headroom ? undefined : result.missing[0];
  // "tell me and I will recheck": the list waits for a route, as if the question had been asked
  // (the same verdict for everyone, worked out for an assumed category: "我是上海户口" next gives their own figures; only a category cue answers, no "yes")
  const recheck: Partial<ConversationState> = (unlessHk || ordinaryRoute || unlessFrequent) && !first ? { pendingDeclaration: { items, category: stripUndefined(category), asked: 'category.route', attempts } } : headroom ? { pendingDeclaration: { items, category: stripUndefined(category), asked: headroom.missing.field, attempts } } : same && !(category.route && category.residency) ? { pendingDeclaration: { items, category: stripUndefined(category), asked: ASSUMED_CATEGORY, attempts } } : {};
  if (first) {
    if (attempts >= MAX_QUESTIONS) return { state: cleared };
    const question = service.question(first, items, lang, limits);
    // the ordinary outcome first, then the one question that could change it (issue 10)
    // (only "declare" as a verdict; otherwise the ordinary allowances, so the figures come before the question)
    const ordinary = first.field.startsWith('category.') ? (ordinaryVerdict(service, request, category, input) ?? ordinaryAllowances(service, request, category, input)) : undefined;
    const text = ordinary ? `${ordinary}\n${question}` : question;
    const pending: PendingDeclaration = { items, category: stripUndefined(category), asked: first.field, attempts };
    return { reply: { kind: 'clarify', lang, text, citations, entryId: DECLARATION_ENTRY_ID, declaration: result }, state: { ...learned, pendingDeclaration: pending } };
  }
  const shortNames = [...new Set(result.entries.flatMap((id) => loaded.engine.entries.get(id)?.sources.slice(0, 1) ?? []).flatMap(({ source }) => loaded.knowledge.sources.get(source)?.short[lang] ?? []))].slice(0, 3);
  const sources = shortNames.length ? `\n${fillTemplate(loaded.knowledge.templates.source_line[lang], { sources: shortNames.join(lang === 'zh' ? '、' : '; '), date: loaded.knowledge.limits.reviewed })}` : '';
  const P = service.knowledge.languages[lang].phrases;
  const days = String(getLimit(limits, 'tobacco.frequentWindowDays'));
  // a family or several travellers: whose allowance the figure is ("一家四口 每人买了…", "family of 4 … do we declare?")
  // (and a tour leader's group, each member's purchases: "每人大概买了3000人民币左右的东西")
  const several = (input.reading.focus.has(FAMILY) || (input.reading.tour.leader && input.reading.focus.has(PER_PERSON))) && result.valueAllowanceRmb !== undefined && result.goodsTotalRmb > 0;
  const perPerson = several ? `\n${fillTemplate(P.per_person, { allowance: formatNumber(result.valueAllowanceRmb ?? 0, lang) })}` : '';
  const sharedBy = input.reading.list?.sharedBy;
  const sharedLine = sharedBy && result.items.some((i) => SHARED_TYPES.has(i.type)) ? `\n${fillTemplate(P.shared_per_person, { n: String(sharedBy) })}` : '';
  const own = sharedLine + (aside.length > 0 ? `\n${fillTemplate(P[note], { items: aside.join(P.list_separator), equipment: formatNumber(getLimit(limits, 'equipmentOutbound.declareAboveRmbEach'), lang) })}` : '');
  const assumed = own + (anyHeadroom ? `\n${fillTemplate(P.headroom_any, { days, resident: formatNumber(getLimit(limits, 'valueAllowance.resident'), lang) })}` : same ? `\n${sameForEveryone(P, result, limits, lang, category.residency)}` : unlessHk ? `\n${fillTemplate(P.unless_hk_macao, { hkMacao: formatNumber(getLimit(limits, 'valueAllowance.residentFromHkMacao'), lang) })}` : ordinaryRoute ? `\n${fillTemplate(P.other_routes, { days })}` : unlessFrequent ? `\n${fillTemplate(category.residency ? P.unless_frequent : P.unless_frequent_any, { days, nonResident: formatNumber(getLimit(limits, 'valueAllowance.non_resident'), lang) })}` : '');
  const unpriced = headroom ? `${fillTemplate(P.unpriced_headroom, { items: headroom.items.map((i) => names[i] ?? '').join(P.list_separator), headroom: `${formatNumber(headroom.rmb, lang)} ${service.knowledge.languages[lang].labels.rmb}` })}` : '';
  const formatted = fitPhone(service.format(result, names, lang, limits), [...(unpriced + assumed + sources)].length);
  // the sum up to which the unpriced things keep the list green takes the place of "could not check every item"
  // (goods for sale: why they go to the red channel, with the verdict, whatever the length)
  const saleLine = result.notes.includes(FOR_SALE) ? `\n${service.knowledge.languages[lang].notes.for_sale}` : '';
  const verdict = (unpriced && formatted.text.includes(P.channel_unchecked) ? formatted.text.replace(P.channel_unchecked, unpriced) : formatted.text + (unpriced ? `\n${unpriced}` : '')) + saleLine;
  // still too long for a phone: whose figures these are waits behind "more" too (issue 10)
  const fits = [...(verdict + assumed + sources)].length <= MAX_REPLY_CHARS;
  // (whose allowance it is only when there is room left)
  const perPersonFits = fits && [...(verdict + assumed + perPerson + sources)].length <= MAX_REPLY_CHARS;
  const text = verdict + (fits ? assumed : '') + (perPersonFits ? perPerson : '') + sources;
  const more = [fits ? '' : assumed.trim(), formatted.more].filter(Boolean).join('\n');
  return { reply: { kind: 'answer', lang, text, citations, entryId: DECLARATION_ENTRY_ID, declaration: result, ...(more ? { more } : {}) }, state: { ...learned, ...recheck } };
}

/**
 * When the route is the only thing the list leaves open and the ordinary traveller must declare
 * anyway, that result (Hong Kong and Macao arrivals and frequent travellers, whose allowances are
 * lower, are told so in one sentence). A green verdict is never given before the route is known,
 * and residency is still asked: it splits travellers evenly.
 */
function ordinaryRouteResult(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, first: DeclarationResult, input: StepInput): DeclarationResult | undefined {
  if (!first.missing.some((m) => m.field === 'category.route') || first.missing.some((m) => m.field === 'category.residency')) return undefined;
  const checked = service.check({ items, category: stripUndefined({ ...known, route: 'ordinary' }) }, input.loaded.knowledge.limits, input.loaded.engine.resources);
  // only a red verdict is given without asking: "nothing to declare" could be wrong for Hong Kong or a frequent traveller
  return checked.ok && checked.value.channel === 'red' && !checked.value.missing.some((m) => m.field.startsWith('category.')) ? checked.value : undefined;
}

/**
 * The route open, and the list goes to the red channel on the ordinary route and for a frequent
 * traveller, whatever the residency left open ("iPhone за 120 тыс руб", "日元20万买了个相机"): only a
 * mainland resident arriving from Hong Kong or Macao, whose value allowance is larger, could differ.
 * Returns the ordinary traveller's result (a resident's unless the message said otherwise).
 */
function redUnlessHkMacao(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, first: DeclarationResult, input: StepInput): DeclarationResult | undefined {
  if (known.route || !first.missing.some((m) => m.field === 'category.route')) return undefined;
  const results = checkEvery(service, items, ['ordinary', 'frequent'], known.residency ? [known.residency] : RESIDENCY_CHOICES, input);
  return results?.every((r) => r.channel === 'red' && !r.missing.some((m) => m.field.startsWith('category.'))) ? results[0] : undefined;
}

/**
 * A green list whose only gaps are prices of goods (chocolates, a scarf): how much those may be
 * worth together before the value allowance is used up. Undefined when anything else is open.
 */
function unpricedHeadroom(result: DeclarationResult, limits: Limits): { rmb: number; items: number[]; missing: MissingFact } | undefined {
  const gaps = result.missing.filter((m): m is Extract<MissingFact, { itemIndex: number }> => 'itemIndex' in m);
  const { route, residency } = result.category;
  if (result.channel !== 'green' || gaps.length === 0 || gaps.length !== result.missing.length || !route || !residency || route === 'frequent') return undefined;
  if (gaps.some((m) => !/\.(value|currency)$/.test(m.field) || result.items[m.itemIndex]?.type !== 'goods')) return undefined;
  const rmb = valueRules({ route, residency }, limits).allowance - result.goodsTotalRmb;
  return rmb > 0 ? { rmb, items: [...new Set(gaps.map((m) => m.itemIndex))], missing: gaps[0] as MissingFact } : undefined;
}

/**
 * The category open, and for every open category but the frequent traveller's the list is green
 * except for the prices of some goods ("золотая цепочка 30 г, кольцо 5 г — всё на мне"): the
 * result of the category with the least left of its allowance, and that sum, so the reply can say
 * "green if these are worth less than …" for everyone instead of asking who the traveller is.
 */
function headroomForEveryone(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, first: DeclarationResult, input: StepInput): { result: DeclarationResult; headroom: NonNullable<ReturnType<typeof unpricedHeadroom>> } | undefined {
  if ((known.route && known.residency) || first.missing.length === 0) return undefined;
  const results = checkEvery(service, items, known.route ? [known.route] : ['ordinary', 'hk_macao'], known.residency ? [known.residency] : RESIDENCY_CHOICES, input) ?? [];
  const each = results.map((result) => ({ result, headroom: unpricedHeadroom(result, input.loaded.knowledge.limits) }));
  if (each.length === 0 || each.some((e) => !e.headroom)) return undefined;
  // the first of the smallest sums left (the order of checkEvery: ordinary route, resident first)
  return (each as { result: DeclarationResult; headroom: NonNullable<ReturnType<typeof unpricedHeadroom>> }[]).reduce((least, e) => (e.headroom.rmb < least.headroom.rmb ? e : least));
}

/**
 * Green for every category but the frequent traveller's, when the message does not say the route:
 * travellers who enter China twice within the window say so, and the reply names that case (a
 * tourist's small list is not held back by a question that fits few travellers). Residency may be
 * open too, as long as both give green.
 */
function greenUnlessFrequent(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, first: DeclarationResult, input: StepInput): DeclarationResult | undefined {
  if (known.route || !first.missing.some((m) => m.field === 'category.route')) return undefined;
  const residencies = known.residency ? [known.residency] : RESIDENCY_CHOICES;
  const results = checkEvery(service, items, ['ordinary', 'hk_macao'], residencies, input);
  // tobacco over a frequent traveller's allowance ("一条烟一瓶酒": 200 cigarettes, 40 on a second entry within 15 days): the case of
  // shuttle traders, common enough to be asked rather than left to a closing sentence
  const frequentRed = items.some((i) => TOBACCO.has(i.type)) && (checkEvery(service, items, ['frequent'], residencies, input)?.some((r) => r.channel === 'red') ?? false);
  return !frequentRed && results?.every((r) => r.channel === 'green' && r.missing.length === 0) ? results[0] : undefined;
}

/** The ordinary resident's allowances for the kinds of thing listed (formatAllowances), when that case can be checked. */
function ordinaryAllowances(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, input: StepInput): string | undefined {
  const category = { route: known.route ?? 'ordinary', residency: known.residency ?? 'resident' } as const;
  const checked = service.check({ items, category }, input.loaded.knowledge.limits, input.loaded.engine.resources);
  return checked.ok ? service.allowances(checked.value, input.lang, input.loaded.knowledge.limits) : undefined;
}

/** "For an ordinary traveller living in mainland China: take the RED channel", when that case is complete and red. */
function ordinaryVerdict(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, input: StepInput): string | undefined {
  const category = { route: known.route ?? 'ordinary', residency: known.residency ?? 'resident' } as const;
  const checked = service.check({ items, category }, input.loaded.knowledge.limits, input.loaded.engine.resources);
  // only "declare" is said before the question: "nothing to declare" could be wrong for the category not yet known
  if (!checked.ok || checked.value.missing.length > 0 || checked.value.channel !== 'red') return undefined;
  const P = service.knowledge.languages[input.lang].phrases;
  return fillTemplate(P.if_ordinary, { verdict: P.channel_red.replace(/^➜\s*/, '') });
}

/** A reply is never longer than this (issue 10); a long list's tax lines then go behind "more". */
export const MAX_REPLY_CHARS = 1000;

/** Moves a long list's indented tax and cap lines, then its notes, to `more` until the reply fits MAX_REPLY_CHARS. */
export function fitPhone(formatted: { text: string; more: string }, tailChars: number): { text: string; more: string } {
  if ([...formatted.text].length + tailChars <= MAX_REPLY_CHARS) return formatted;
  // first the tax and cap lines under each item, then the notes ("• …") go behind "more"
  let text = formatted.text;
  let more = formatted.more;
  for (const movable of [(l: string) => l.startsWith('   '), (l: string) => l.startsWith('• ')]) {
    if ([...text].length + tailChars <= MAX_REPLY_CHARS) break;
    const lines = text.split('\n');
    // an intro ("Please note:") whose every line moves goes with them
    const intro = (l: string, i: number) => /[:：]$/u.test(l) && lines[i + 1] !== undefined && movable(lines[i + 1]!);
    more = [...lines.filter((l, i) => movable(l) || intro(l, i)).map((l) => l.trim()), more].filter(Boolean).join('\n');
    text = lines.filter((l, i) => !movable(l) && !intro(l, i)).join('\n');
  }
  return { text, more };
}

const ROUTE_CHOICES = ['ordinary', 'hk_macao', 'frequent'] as const;
const RESIDENCY_CHOICES = ['resident', 'non_resident'] as const;

/**
 * The list checked for each route and residency given, route by route (so the first result is
 * the first route's first residency); undefined when any check fails.
 */
function checkEvery(service: DeclarationService, items: DeclarationItem[], routes: readonly Route[], residencies: readonly Residency[], input: StepInput): DeclarationResult[] | undefined {
  const results: DeclarationResult[] = [];
  for (const route of routes) {
    for (const residency of residencies) {
      const checked = service.check({ items, category: { route, residency } }, input.loaded.knowledge.limits, input.loaded.engine.resources);
      if (!checked.ok) return undefined;
      results.push(checked.value);
    }
  }
  return results;
}

/**
 * When the only facts missing are the traveller's category, checks the list for every category
 * the message left open; if each item gets the same verdict (declare or not, its status) in all
 * of them, returns the ordinary traveller's result (ordinary route, resident), else undefined.
 * 12 cartons is over every allowance; sausages are prohibited for everyone (issue 10).
 */
function sameForEveryCategory(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, first: DeclarationResult, input: StepInput): DeclarationResult | undefined {
  const fields = new Set(first.missing.map((m) => m.field));
  const open = { route: fields.has('category.route'), residency: fields.has('category.residency') };
  if (!open.route && !open.residency) return undefined;
  const routes = open.route ? ROUTE_CHOICES : [known.route];
  const residencies = open.residency ? RESIDENCY_CHOICES : [known.residency];
  const verdicts = new Set<string>();
  let ordinary: DeclarationResult | undefined;
  for (const route of routes) {
    for (const residency of residencies) {
      const checked = service.check({ items, category: stripUndefined({ route, residency }) }, input.loaded.knowledge.limits, input.loaded.engine.resources);
      if (!checked.ok) return undefined;
      // the verdict: which channel, and what is prohibited (figures may differ; the reply says whose they are);
      // a missing price matters only while the channel could still be green
      const r = checked.value;
      if (r.channel === 'green' && r.missing.length > 0) return undefined;
      verdicts.add(`${r.channel}|${r.items.map((i) => i.status === 'prohibited').join(',')}`);
      ordinary ??= checked.value;
    }
  }
  return verdicts.size === 1 ? ordinary : undefined;
}

/** The message says the things are to be sold or shown as samples, and the list holds goods. */
function forSale(reading: Reading, result: DeclarationResult): boolean {
  return reading.forSale && result.items.some((i) => i.type === 'goods');
}

/** The list checked for the category known or assumed, and sent to the red channel as goods for sale (no category question: the verdict is everyone's). */
function asGoodsForSale(service: DeclarationService, items: DeclarationItem[], known: DeclarationCategory, input: StepInput): DeclarationResult | undefined {
  const checked = service.check({ items, category: { route: known.route ?? 'ordinary', residency: known.residency ?? 'resident' } }, input.loaded.knowledge.limits, input.loaded.engine.resources);
  if (!checked.ok) return undefined;
  const r = checked.value;
  return { ...r, mustDeclare: true, channel: 'red', missing: r.missing.filter((m) => !m.field.startsWith('category.')), notes: [...r.notes.filter((n) => n !== FOR_SALE), FOR_SALE] };
}
const FOR_SALE = 'for_sale';

function stripUndefined(c: DeclarationCategory): DeclarationCategory {
  return { ...(c.route ? { route: c.route } : {}), ...(c.residency ? { residency: c.residency } : {}) };
}

/** Each entry's main document, each document once (several entries rest on the same measures). */
function citationsOf(ids: readonly string[], loaded: LoadedKnowledge, lang: LanguageCode): Citation[] {
  const seen = new Set<string>();
  return ids
    .flatMap((id) => {
      const entry = loaded.engine.entries.get(id);
      return entry ? citationsFor(loaded.knowledge, entry, lang).slice(0, 1) : [];
    })
    .filter((c) => !seen.has(c.url) && Boolean(seen.add(c.url)))
    .slice(0, MAX_CITATIONS);
}
