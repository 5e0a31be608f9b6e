import type { DeclarationService } from '../declaration/service';
import { UNSPECIFIC_GOODS, blank, type ParsedDeclaration } from '../declaration/types';
import type { IntentClassifier, IntentGuess } from '../escalation/intent-classifier';
import { reasonsFromSignals } from '../escalation/policy';
import type { KnowledgeEntry } from '../knowledge/schema';
import type { Hit, SearchIndex } from '../retrieval';
import { detectLanguage, normalizeText, prepareText, smalltalkKey, tokenize, type CategoryCue, type LanguageGuess, type LanguageResources, type PreparedText, type Token } from '../text';
import { isCyrillicWithLatinNoise, isHanWithLatinNoise, readScripts, type ScriptReading, type ScriptVocabulary } from '../text/script-variants';
import type { Department, EscalationReason } from '../types';
import { CUE_PAIRS, SIGNAL_PAIRS, type Signal, type SignalPart } from '../knowledge/lang-schema';
import type { Facet } from '../text/language-resources';
import { categoryOfCues, type KnownCategory } from './category';
import { boughtInChina, connectsAbroadOnly, departsAbroad, routeOnwardAbroad, findPlaceCues, tellsOfTrip, visitsChina, type Gazetteer } from './places';
import { readTourRoute, type TourRoute } from './tour-leader';
import { asideQuestion } from './aside';
import { GENERIC_CONCEPTS } from './concepts';

export { GENERIC_CONCEPTS };

/**
 * What a message does:
 * - `list`: lists things the traveller carries, to be checked item by item;
 * - `question`: asks about a rule, or anything else `decide` answers;
 * - `empty`: nothing to read (emoji, punctuation).
 */
export type Act = 'list' | 'question' | 'empty';

/**
 * One reading of one traveller message, computed once (issue 9) and read by the safety policy,
 * the declaration check and the answer step. Pure data; nothing downstream reads the raw text
 * again except to store it.
 */
export type Reading = {
  /** The message as typed. */
  raw: string;
  /** Script-normalised and lower-cased: simplified Chinese, Cyrillic for Latin-typed Russian, NFKC. */
  text: string;
  scripts: ScriptReading;
  /** Language of the message (Latin-typed Russian is Russian). */
  language: LanguageGuess;
  /** The whole message, for phrase look-ups (signals, answers, cues). */
  prepared: PreparedText;
  /** Escalation reasons signalled anywhere in the message, most important first. */
  signals: EscalationReason[];
  /** Words of the topic window (prices of bought things masked: "a bag for 30,000 yuan" is not about cash). */
  tokens: Token[];
  /** Concepts of the topic window: topics, and traveller categories (weak). */
  topical: string[];
  weak: string[];
  /** Concepts and facet words of the question: which details of an entry it bears on. */
  focus: ReadonlySet<string>;
  /** Traveller category said in the message ("I live in Hangzhou", "从香港回来"). */
  category: KnownCategory;
  /** Yes / no words, for a reply to a pending question. */
  answers: ReadonlySet<'yes' | 'no'>;
  /** Another airport party that one of the message's two questions is for ("and is a power bank ok in carry-on?"): pointed to them beside the answer. */
  aside?: Department;
  /** The message read as a list of things carried (declaration check), when that check runs. */
  list?: ParsedDeclaration;
  /** True when the message is phrased as a question (a question mark or question words). */
  asks: boolean;
  /** The message asks to bring a thing or says it would ("can I bring", "想带", «хочу привезти»; knowledge/lang `bring`). */
  bring: boolean;
  /** The message opens as a follow-up ("and if…", "what about…", «а если…», "那如果…"; knowledge/lang `followups`). */
  followsOn: boolean;
  /** A long message (a story, 150 letters or 75 Chinese characters and up). */
  story: boolean;
  /** Short and without a topic of its own: can only be a reply to something asked before. */
  bare: boolean;
  /** The message stutters or types letters at random ("hello hello … the the the ok ok yes yes", «алло алло … ааа ыыы»): noise for a person to look at. */
  noise: boolean;
  act: Act;
  hits: Hit[];
  intent?: IntentGuess;
  /** The message says things were bought in mainland China ("bought in Harbin", "在哈尔滨买的"). */
  boughtInChina: boolean;
  /** A tour leader's question and the trip it names (issue 11). */
  tour: TourRoute;
  /** Asks nothing and names no topic but tells of a trip («летим к дочке на Новый год»): the start of a conversation, not a case. */
  tellsTrip: boolean;
  /** The message speaks of selling the things or of being paid back for them ("they'll pay us back at cost", "她给我转钱", «деньги отдадут»): a commercial errand, not a gift. */
  commercial: boolean;
  /** The message tells of something heard, read or supposed ("网上说", "a woman in her WeChat group said", «правда, что»), or of an earlier trip: no case now. */
  hearsay: boolean;
  /** The message tells of being at the control or held there now: at the counter, things taken, a long wait, no way to pay, a flight to catch. */
  atControl: boolean;
  /** The things are to be sold or shown as samples ("to resell", «на продажу», 样品): goods, not personal articles (the check says declare them). */
  forSale: boolean;
  /** The whole message is a greeting or thanks phrase of the language data (read before the classifier's guess). */
  smalltalk?: 'greeting' | 'thanks';
  /** The greeting or thanks phrase the message opens with ("good morning!! freezing here lol", "早上好，今天零下三十度", "cheers, that's really useful"). */
  opensWith?: 'greeting' | 'thanks';
};

/** Everything reading needs, built once per knowledge base (see conversation/engine.ts). */
export type ReadingContext = {
  resources: LanguageResources;
  index: SearchIndex;
  classifier: IntentClassifier;
  entries: ReadonlyMap<string, KnowledgeEntry>;
  scripts: ScriptVocabulary;
  places: Gazetteer;
};

/** Messages longer than this (in tokens) are not read as a bare reply. */
export const SHORT_MESSAGE_TOKENS = 6;
/** Of a long message, the first and last characters are read for its topic (see topicWindow). */
const TOPIC_WINDOW_CHARS = 400;
/** A price below this is not a purchase worth a rule ("S7" is an airline, not 7 yuan). */
const MIN_ITEM_PRICE = 100;
/** The concept of the single-item rule (knowledge/lang concepts), added for one priced thing. */
const SINGLE_ITEM = 'single_item';
/** Concepts of a message that states one priced thing of the traveller's own and asks what follows for it: the thing, its tax, declaring it. */
const CASE_CONCEPTS: ReadonlySet<string> = new Set(['single_item', 'luxury', 'electronics', 'camera', 'laptop', 'jewellery', 'gold', 'tax', 'declare', 'inbound']);
/** Facets that leave a stated thing the traveller's case: what to do with it, that it is a gift. */
const CASE_FACETS: ReadonlySet<string> = new Set(['how_to', 'gift']);
/** Units of a thing's weight, not a count of pieces ("an 80 g gold bracelet" is one thing). */
const WEIGHED: ReadonlySet<string> = new Set(['g', 'kg', 'jin']);
const HAN_CHAR = /\p{Script=Han}/u;
/** From this length (characters, a Chinese one counting two) a message is a story whose last question, if it names a thing, says what is asked. */
const STORY_CHARS = 150;
/** Where a story's clauses end: sentence punctuation, and in Chinese also commas and spaces between clauses. */
const CLAUSE_END = /[。！？!?.;；\n]+|(?<=\p{Script=Han})[\s，,]+(?=\p{Script=Han})/u;
/** Concepts that name a traveller category rather than a topic. */
export const CATEGORY_CONCEPTS: ReadonlySet<string> = new Set(['resident', 'non_resident', 'hk_macao', 'frequent']);
/** Category concepts that are also a rule of their own (the frequent travellers' allowance, the Hong Kong and Macao one). */
export const TRIP_CONCEPTS: ReadonlySet<string> = new Set(['hk_macao', 'frequent']);
/** The concept of things brought for others, and how many of one thing make that a question of its own (decide and the check). */
export const BUY_FOR_OTHERS = 'buy_for_others';
export const SEVERAL_OF_ONE = 3;
/** The two residencies, whose allowance is the value allowance. */
const RESIDENCY_CONCEPTS: readonly string[] = ['resident', 'non_resident'];

/**
 * Reads a message once: scripts, language, safety signals, topic concepts and search hits,
 * category cues, yes/no, and the list of things carried.
 * @param declaration the declaration check's parser, when the check is on.
 */
export function readMessage(raw: string, ctx: ReadingContext, declaration?: DeclarationService): Reading {
  const scripts = readScripts(raw, ctx.scripts);
  const text = normalizeText(scripts.text);
  const russian = scripts.latinRussian || isCyrillicWithLatinNoise(scripts.text, ctx.scripts);
  const language = russian ? { lang: 'ru' as const, confident: true } : isHanWithLatinNoise(text, ctx.scripts) ? { lang: 'zh' as const, confident: true } : detectLanguage(scripts.text);
  const prepared = prepareText(text);
  // (Russian typed in Latin letters: the text as typed too, for an English instruction inside it)
  const asTyped = scripts.latinRussian ? prepareText(normalizeText(raw)) : undefined;
  const r = ctx.resources;
  const list = declaration?.parse(text, r, language.lang);
  // (a question only another airport party answers, asked beside a customs one, is set aside: it is pointed to them in a line of its own)
  const windowed = topicWindow(maskPrices(text, list));
  const aside = asideQuestion(windowed, r);
  const topicText = aside ? blank(windowed, [aside.span]) : windowed;
  const topicPrepared = topicText === text ? prepared : prepareText(topicText);
  const tokens = tokenize(topicText, r.stopwords);
  const parts = r.signalParts.positions(prepared);
  const tour = readTourRoute(prepared, r, language.lang);
  const cues = new Set<CategoryCue>([...tourCues(tour), ...r.categories.match(prepared), ...findPlaceCues(prepared, ctx.places), ...closePairs(parts, CUE_PAIRS).map((p) => p.key)]);
  // a trip from abroad that says it is a visit to China, by a traveller who says nothing of where they live: a visitor
  if (cues.has('ordinary') && categoryOfCues(cues).residency === undefined && visitsChina(prepared, ctx.places)) cues.add('non_resident');
  // things bought in mainland China are no import: no allowance, no single-item rule ("bought a carpet in Harbin, tax refund?")
  // (and so are things whose refund is asked on leaving China, no place abroad named: «Как вернуть tax free при вылете из Харбина? Купили шубу за 25 000»)
  const matched = [...r.concepts.match(topicPrepared)];
  const refundOnLeaving = matched.includes(REFUND) && matched.includes(OUTBOUND_CONCEPT) && !ctx.places.abroad.some((p) => prepared.spaced.includes(p));
  const domestic = boughtInChina(prepared, ctx.places) || refundOnLeaving;
  const concepts = connectionAbroad(leavingFor(parcelNotReturned(refundAtHome(currencyOfPrices(foreignCash(aboutTheAllowance(matched, cues), list), list, prepared), domestic)), !cues.has('ordinary') && departsAbroad(prepared, ctx.places)), prepared, ctx.places);
  // a long story's last questions say what is asked; its other topics are background (weak)
  const background = storyBackground(text, concepts, r);
  // a question naming exactly one priced thing of a known kind is about a single item ("a bag for
  // 12,000: only the part above 5,000?"); "several things for 7,000 in all" is not
  // (and a thing worn in and taken out again is no purchase: «еду в своей шубе … в ней же и уеду обратно»)
  // (nor is a thing mailed one to check as carried: "can my brother mail me goggles, about $350" is the postal rule)
  // (a sum over several things of a kind is no single thing: "三千来块钱的东西 化妆品衣服啥的")
  const several = new Set(declaration?.knowledge.data.divisible ?? []);
  const singlePriced = !domestic && !concepts.includes(TEMPORARY_IMPORT) && !concepts.includes(POST) && (list?.items ?? []).filter((i) => i.type === 'goods' && i.priceSpan && (i.value ?? 0) >= MIN_ITEM_PRICE && i.kind !== undefined && !UNSPECIFIC_GOODS.has(i.kind) && !several.has(i.kind) && ((i.quantity ?? 1) === 1 || WEIGHED.has(i.unit ?? ''))).length === 1 && (list?.items.length ?? 0) === 1;
  // "my husband and i both have a 5000 allowance so together 10k covers my 9k rmb bag right??", «у каждого 2000 юаней, можно сложить и провезти
  // один подарок за 4000?»: allowances pooled for priced things asks the rule (one thing: the single-item rule), whatever sums the pooling names
  const facets = outermostFacets(r.facets.positions(topicPrepared));
  const priced = (list?.items ?? []).filter((i) => i.type === 'goods' && i.value !== undefined);
  // (one thing and the pooled sum beside it, a sum of no kind: a list of several things asked so is still checked, "手表…包…玩具…每人5000额度加起来两万")
  const kinded = priced.filter((i) => i.kind !== undefined && !UNSPECIFIC_GOODS.has(i.kind));
  const pools = /[?？]/.test(raw) && facets.has(POOLED) && concepts.some((c) => ALLOWANCE_WORDS.has(c)) && priced.length >= 2 && (kinded.length === 1 || (kinded.length === 0 && !tour.leader)) && priced.length - kinded.length >= 1;
  const named = [...concepts.filter((c) => !CATEGORY_CONCEPTS.has(c) && !background.includes(c)), ...((singlePriced || pools) && !concepts.includes(SINGLE_ITEM) ? [SINGLE_ITEM] : [])];
  const asks = /[?？]/.test(raw) || r.questionWords.asks(prepared);
  // "what is this 15 day rule? i fly there every week": a question naming no topic but the kind of trips is about the rule for those trips
  // …and one naming nothing but both residencies asks which is theirs, which is the value allowance's question ("按居民还是非居民算？")
  const whichResidency = RESIDENCY_CONCEPTS.every((c) => concepts.includes(c));
  const topical = named.length === 0 && asks ? (whichResidency ? [VALUE_ALLOWANCE] : concepts.filter((c) => TRIP_CONCEPTS.has(c))) : named;
  // category cues ("I live in Beijing") are category concepts too, for entries that require one
  const category = categoryOfCues(cues);
  // (the residency the cues resolve to, not both: "Canadian living in Harbin" is a resident, not also a visitor)
  const overruled = category.residency === 'resident' ? 'non_resident' : category.residency === 'non_resident' ? 'resident' : undefined;
  // (and a visitor's value allowance is the visitors' whatever the route: "本人香港永久居民 … 礼物免税上限" is 2,000, not the 12,000 of mainland residents back from Hong Kong)
  const routeMoot = category.residency === 'non_resident' && concepts.includes(VALUE_ALLOWANCE) ? HK_MACAO : undefined;
  const weak = [...new Set([...concepts.filter((c) => CATEGORY_CONCEPTS.has(c)), ...[...cues].filter((c) => CATEGORY_CONCEPTS.has(c)), ...background])].filter((c) => c !== overruled && c !== routeMoot);
  const hits = ctx.index.search({ tokens, concepts: topical, weakConcepts: weak });
  // "I live in Hangzhou … just one thing, a Chanel bag I paid 52,000 yuan for. What happens?": one priced thing of their own, by
  // someone who says who they are and asks no rule (full value or only the excess), is their case to check
  // (naming only the thing, its tax or declaring: not whether it is within the limit, a refund, the family's allowances, taking it out and back)
  // ("What do I do?", «Что делать на таможне?»: asking what to do with it is still their case)
  const ownCase = singlePriced && category.residency !== undefined && concepts.every((c) => CASE_CONCEPTS.has(c) || CATEGORY_CONCEPTS.has(c)) && [...facets].every((f) => CASE_FACETS.has(f));
  // (and a tour leader's priced purchases of each member are the members' case: "带30个初中生…每个孩子大概买了两万日元的…要不要统一去红色通道？")
  // (not pooling their allowances for one thing, "能不能把大家的额度凑到一个人身上", nor a long story)
  const groupCase = tour.leader && facets.has(PER_PERSON) && !facets.has(FAMILY) && !facets.has(POOLED) && !isStory(text) && priced.length > 0;
  const suppositions = r.hypothetical.positions(prepared);
  const hearsay = suppositions.length > 0;
  const atControl = parts.some((p) => AT_CONTROL_PARTS.has(p.key));
  const isList = declaration !== undefined && list !== undefined && list.items.length > 0 && (list.confidence >= declaration.options.minConfidence || ownCase || groupCase);
  return {
    raw,
    text,
    scripts,
    language,
    prepared,
    signals: calmed(reasonsFromSignals(presentSignals(prepared, r, parts, suppositions, ownThingBack(concepts, cues, list), asTyped, asksStorageTerm(concepts, facets))), hearsay, atControl, topical),
    tokens,
    topical,
    weak,
    // (allowances pooled are a question of the family's allowances too: entries order their details by `family`)
    focus: new Set<string>([...concepts, ...facets, ...(facets.has(POOLED) ? [FAMILY] : [])]),
    category,
    answers: r.answers.match(prepared),
    ...(list ? { list } : {}),
    ...(aside ? { aside: aside.department } : {}),
    asks,
    bring: r.bring.match(prepared).size > 0,
    followsOn: r.followups.positions(prepared).some((p) => p.at <= 1),
    story: isStory(text),
    bare: topical.length === 0 && tokens.length <= SHORT_MESSAGE_TOKENS,
    noise: topical.length === 0 && isNoise(text),
    // (sums beside the departure refund are what was spent in China or the refund, no list to bring in: «возврат налога выходит 21 000 юаней»)
    // (and one priced thing asked "only the part above?" asks the single-item rule, its case worked out before it: "a 7,000 bag, do I pay only on the 2,000 over?";
    // one sum over several things asked so asks how the excess is taxed: "my shopping comes to 6,000, tax on all of it or only the 1,000 over?")
    // (nor priced things asked whether several people's allowances together cover them: "together 10k covers my 9k rmb bag right??")
    // (nor things another party looks after: "Two suitcases from our group didn't arrive on the Seoul flight" is the airline's, no list)
    act: tokens.length === 0 ? 'empty' : isList && !domestic && !concepts.includes(REFUND) && !concepts.some((c) => LOST_THINGS.has(c)) && !((singlePriced || oneTotal(list)) && concepts.includes(EXCESS)) && !pools ? 'list' : 'question',
    boughtInChina: domestic,
    hits,
    intent: ctx.classifier.classify(tokens)[0],
    tour,
    tellsTrip: !asks && topical.length === 0 && tellsOfTrip(prepared, ctx.places),
    commercial: parts.some((p) => COMMERCIAL_PARTS.has(p.key)),
    forSale: parts.some((p) => p.key === RESELL),
    hearsay,
    atControl,
    ...opening(scripts.text, r.smalltalk),
    ...smalltalkOf(scripts.text, r.smalltalk, r.acknowledgements),
  };
}

/**
 * "朋友从美国给我寄个包裹 … 会被退回吗", «хочу отправить посылкой подарок другу в Харбин»: a parcel
 * mailed is the postal rule; sending back (return shipment) is what is done with things customs
 * already holds, so it is the question only when the message speaks of that too.
 */
function parcelNotReturned(concepts: string[]): string[] {
  if (!concepts.includes(POST) || !concepts.includes(RETURN_SHIPMENT) || concepts.some((c) => HELD_CONCEPTS.has(c))) return concepts;
  return concepts.filter((c) => c !== RETURN_SHIPMENT);
}
const POST = 'post';
const RETURN_SHIPMENT = 'return_shipment';
/** Concepts of things customs holds or may hold, where sending back is one of the ways out. */
const HELD_CONCEPTS: ReadonlySet<string> = new Set(['storage', 'abandon', 'excess', 'prohibited', 'fine', 'penalty', 'smuggling', 'temporary_import']);

/**
 * "my shopping comes to 6,000: taxed on all of it or only the 1,000 over?": the message's only thing is
 * one sum over several things, which asked "only the part above?" is how the excess is taxed.
 */
function oneTotal(list: ParsedDeclaration | undefined): boolean {
  const items = list?.items ?? [];
  return items.length === 1 && items.every((i) => i.type === 'goods' && i.priceSpan !== undefined && UNSPECIFIC_GOODS.has(i.kind ?? ''));
}

/**
 * «Как сделать tax free на покупки в Харбине?»: the refund on things bought in China, where "tax free"
 * is no allowance for bringing things in.
 */
function refundAtHome(concepts: string[], domestic: boolean): string[] {
  return domestic && concepts.includes(REFUND) ? concepts.filter((c) => c !== ALLOWANCE && c !== VALUE_ALLOWANCE) : concepts;
}

/** "从古巴经莫斯科转机回哈尔滨，雪茄还能带100支吧": a change of planes abroad is no transit through China. */
function connectionAbroad(concepts: string[], prepared: PreparedText, places: Gazetteer): string[] {
  if (concepts.includes(TRANSIT) && connectsAbroadOnly(prepared, places)) return concepts.filter((c) => c !== TRANSIT);
  // «Лечу Москва–Пекин–Сеул, в Пекине пересадка 3 часа. Везу 4 бутылки коньяка»: a connection in China on the way on abroad,
  // with no visa-free stay named (border), stays in the airport: the transit passengers' rule, not the check of things brought in
  return concepts.includes(TRANSIT) && !concepts.includes(BORDER) && !concepts.includes(AIRSIDE) && routeOnwardAbroad(prepared, places) ? [...concepts, AIRSIDE] : concepts;
}
const AIRSIDE = 'airside';
const TRANSIT = 'transit';
const PER_PERSON = 'per_person';
const FAMILY = 'family';
/** The facet of several people's allowances put together ("together 10k covers my bag", «можно сложить»). */
const POOLED = 'pooled';
/** Concepts of an allowance asked about (knowledge/lang concepts). */
const ALLOWANCE_WORDS: ReadonlySet<string> = new Set(['allowance', 'value_allowance']);

/**
 * "Я живу в Харбине по ВНЖ, какой у меня лимит на покупки?", "work residence permit … which duty
 * free amount is mine?": a residence permit or a visa-free stay named with the value allowance says
 * who the traveller is; the question is the allowance, not moving one's household (long_stay) or
 * the border police's papers (border).
 */
function aboutTheAllowance(concepts: string[], cues: ReadonlySet<CategoryCue>): string[] {
  if (concepts.includes(VALUE_ALLOWANCE)) return concepts.filter((c) => !PERMIT_CONCEPTS.has(c));
  // ("有居留许可 … 额度是多少": an allowance asked by someone who says where they live is not a visa question)
  const saysWhoTheyAre = cues.has('settled') || cues.has('resident') || cues.has('non_resident');
  if (!concepts.includes(ALLOWANCE) || !saysWhoTheyAre) return concepts;
  const withoutBorder = concepts.filter((c) => c !== BORDER);
  // ("我是日本人，在大连工作，有居留许可 … 额度按多少算？": the allowance of someone who says who they are, naming no thing, is the value allowance, which depends on who they are)
  const namesThing = withoutBorder.some((c) => !GENERIC_CONCEPTS.has(c) && !CATEGORY_CONCEPTS.has(c) && !DIRECTION_CONCEPTS.has(c));
  return namesThing ? withoutBorder : [...withoutBorder, VALUE_ALLOWANCE];
}
const ALLOWANCE = 'allowance';
const BORDER = 'border';
/** What a residence permit or a visa-free stay names besides who the traveller is: moving house, the border police's papers. */
const PERMIT_CONCEPTS: ReadonlySet<string> = new Set(['long_stay', 'border']);
const VALUE_ALLOWANCE = 'value_allowance';
const HK_MACAO = 'hk_macao';

/**
 * "…亲家母给我装了酸奶油、奶渣、奶酪 … 所以想问：这些奶制品能带吗？": in a long story, the things its last
 * questions name are what is asked; the story's other topics (Vladivostok, leaving, taking things
 * home) are background, searched as weak concepts. Only when those questions name a thing: "…so do I
 * have to declare?" keeps every topic of the story.
 */
function storyBackground(text: string, concepts: readonly string[], r: LanguageResources): string[] {
  if (!isStory(text)) return [];
  const clauses = text.split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
  // the trailing clauses that ask ("奶粉和奶酪棒到底能不能带进来？要不要走红色通道？"), at most a few
  const asking: string[] = [];
  for (let i = clauses.length - 1; i >= 0 && asking.length < LAST_QUESTIONS; i--) {
    const clause = clauses[i] ?? '';
    if (!r.questionWords.asks(prepareText(clause)) && !(i === clauses.length - 1 && /[?？]\s*$/u.test(text))) break;
    asking.push(clause);
  }
  if (asking.length === 0) return [];
  const asked = new Set(r.concepts.match(prepareText(asking.join(' '))));
  const thing = (c: string) => !GENERIC_CONCEPTS.has(c) && !CATEGORY_CONCEPTS.has(c) && !WHAT_IS_DONE.has(c);
  if (![...asked].some(thing)) return [];
  return concepts.filter((c) => !GENERIC_CONCEPTS.has(c) && !CATEGORY_CONCEPTS.has(c) && !asked.has(c));
}
/**
 * A tour leader bringing a group from a foreign country ("руководитель группы из 12 человек
 * (Благовещенск)", "带俄罗斯团飞哈尔滨") speaks of travellers on the ordinary route; Hong Kong and
 * Macao groups have their own tier.
 */
function tourCues(tour: TourRoute): CategoryCue[] {
  return tour.leader && tour.country !== undefined && !HK_MACAO_COUNTRIES.has(tour.country) && tour.direction !== 'outbound' ? ['ordinary'] : [];
}
const HK_MACAO_COUNTRIES: ReadonlySet<string> = new Set(['HK', 'MO']);

/** A long message: a story more than a question (a Chinese character says about as much as two letters). */
function isStory(text: string): boolean {
  return [...text].reduce((n, ch) => n + (HAN_CHAR.test(ch) ? 2 : 1), 0) >= STORY_CHARS;
}

/**
 * Concepts of what is done or where, not of a thing ("can i take them home", "will they get
 * quarantined", "要不要走红色通道"): a last question with only these still asks about the story's things.
 */
export const WHAT_IS_DONE: ReadonlySet<string> = new Set(['outbound', 'temporary_import', 'health', 'symptoms', 'storage', 'abandon', 'return_shipment', 'red_channel', 'green_channel', 'declaration_form', 'e_declaration', 'transit', 'fine', 'penalty', 'smuggling', 'refund', 'instant_refund', 'post', 'duty_free_shop', 'arrival_shop', 'tax_rate', 'departments', 'border', 'airline', 'airport', 'police']);
/** How many clauses at the end of a story are read as its questions. */
const LAST_QUESTIONS = 3;

/**
 * "带了8000刀现金": cash in a foreign currency the parser read ("刀", "$", «баксов») is foreign
 * cash, whatever word the message used for cash.
 */
function foreignCash(concepts: string[], list: ParsedDeclaration | undefined): string[] {
  const cash = (list?.items ?? []).filter((i) => i.type === 'cash' && i.currency !== undefined);
  const foreign = cash.some((i) => i.currency !== RMB);
  // ("准备带8千刀出境": a sum in a foreign currency with no word for cash, and no other topic, is that cash too)
  const onlyCash = concepts.includes(CASH) || concepts.every((c) => GENERIC_CONCEPTS.has(c) || DIRECTION_CONCEPTS.has(c));
  if (foreign) return onlyCash && !concepts.includes(FOREIGN_CURRENCY) ? [...concepts, FOREIGN_CURRENCY] : concepts;
  // ("出境带25000元现金去俄罗斯": cash counted in yuan, called cash, is RMB cash)
  return cash.length > 0 && concepts.includes(CASH) && !concepts.includes(RMB_CONCEPT) && !concepts.includes(FOREIGN_CURRENCY) ? [...concepts, RMB_CONCEPT] : concepts;
}
const CASH = 'cash';
const RMB_CONCEPT = 'rmb';

/**
 * "每人大概买了3000人民币左右的东西，需不需要申报", "MacBook，一万出头人民币", "买了90,000泰铢的东西": a currency
 * named as the price of things bought is no cash carried; and asking whether such purchases must be
 * declared, naming no other topic, is the value allowance's question.
 */
function currencyOfPrices(concepts: string[], list: ParsedDeclaration | undefined, prepared: PreparedText): string[] {
  const items = list?.items ?? [];
  const priced = items.some((i) => i.type === 'goods' && i.priceSpan !== undefined);
  if (items.some((i) => i.type === 'cash') || concepts.includes(CASH)) return concepts;
  // («Так на сколько юаней можно подарков везти?»: the currency the gifts' worth is counted in, no cash)
  // (a sum named is another thing: «а если больше 20 тысяч юаней?» after the rule for cash)
  if (!priced) return concepts.includes(VALUE_ALLOWANCE) && !/\d/u.test(prepared.spaced) ? concepts.filter((c) => !CURRENCY_CONCEPTS.has(c)) : concepts;
  const rest = concepts.filter((c) => !CURRENCY_CONCEPTS.has(c));
  // (things of no one kind, "3000人民币的东西": one named thing priced is its own case, the check's or the single-item rule's)
  const unnamed = items.every((i) => i.type !== 'goods' || i.kind === undefined || UNSPECIFIC_GOODS.has(i.kind));
  const onlyDeclaring = rest.includes(DECLARE) && rest.every((c) => c === DECLARE || DIRECTION_CONCEPTS.has(c));
  return onlyDeclaring && unnamed ? [...rest, VALUE_ALLOWANCE] : rest;
}
const DECLARE = 'declare';

/** "Еду в Уссурийск показать образцы": a trip to a foreign place, said as such, is a trip out of China (unless a direction is named already). */
function leavingFor(concepts: string[], departs: boolean): string[] {
  return departs && !concepts.some((c) => DIRECTION_CONCEPTS.has(c)) ? [...concepts, OUTBOUND_CONCEPT] : concepts;
}
const OUTBOUND_CONCEPT = 'outbound';
/** Concepts of things lost, left behind or not delivered (knowledge/lang concepts): the airline's or the airport's matter. */
const LOST_THINGS: ReadonlySet<string> = new Set(['bag_missing', 'terminal_service']);
/** Signal parts of selling the things or being paid for them (knowledge/lang signalParts). */
const COMMERCIAL_PARTS: ReadonlySet<SignalPart> = new Set(['resell', 'paid_back']);
/** Words of a message (letters and digits), for telling noise from speech. */
const WORD = /[\p{L}\p{N}]+/gu;
/** One letter typed three times or more and nothing else ("ааа", "ыыы", "aaaa"). */
const LETTER_HELD = /^(\p{L})\1{2,}$/u;
/** How many stutters (a word said again right after itself, a held letter) make a message noise, and what share of its words they must be. */
const NOISE_MIN = 3;
const NOISE_SHARE = 0.2;

/**
 * True when a message stutters: words said again right after themselves and held letters, three
 * or more and a fifth of its words ("hello hello can u hear me grandma the the the ok ok yes yes").
 * Chinese is written without spaces and is left alone.
 */
function isNoise(text: string): boolean {
  if (HAN_CHAR.test(text)) return false;
  const words = text.match(WORD) ?? [];
  const stutters = words.filter((w, i) => LETTER_HELD.test(w) || (i > 0 && w === words[i - 1])).length;
  if (stutters >= NOISE_MIN && stutters >= words.length * NOISE_SHARE) return true;
  // ("asdfj kk ;;; 999 qqq", «ывапролдж ёлки палки ааа»: a run along one row of the keyboard, beside held letters, is a hand on the keys)
  const runs = words.filter(isKeyboardRun).length;
  const mashed = runs + words.filter((w) => LETTER_HELD.test(w)).length;
  return runs > 0 && mashed >= MASH_MIN && mashed * 2 >= words.length;
}

/** The letter rows of the Latin and Russian keyboards. */
const KEYBOARD_ROWS: readonly string[] = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
/** How many letters a run along one keyboard row needs to be no word ("asdf", «ывап»), and how many mashed words make a message noise. */
const KEYBOARD_RUN_MIN = 4;
const MASH_MIN = 2;

/** True when a word is typed along one keyboard row, mostly in the row's order ("asdfj", «ывапролдж»). */
function isKeyboardRun(word: string): boolean {
  const w = word.toLowerCase();
  if ([...w].length < KEYBOARD_RUN_MIN) return false;
  return KEYBOARD_ROWS.some((row) => {
    const at = [...w].map((c) => row.indexOf(c));
    if (at.some((i) => i < 0)) return false;
    const forward = at.filter((i, k) => k > 0 && i === (at[k - 1] ?? -2) + 1).length;
    return forward * 2 >= at.length;
  });
}

/** Feelings: worry, fear, annoyance (escalation reasons). */
export const FEELINGS: ReadonlySet<EscalationReason> = new Set(['distress', 'anger']);

/**
 * The signals, without the feelings of a traveller worried or annoyed by something heard, read or
 * supposed, or by an earlier trip, who names a thing of their own to ask about and is not at the
 * control now ("看到一个帖子说…必须隔离30天，吓死我了…有没有办法不隔离？", "I really don't want a repeat of my mate's
 * nightmare" beside a list): the feeling is no case. "我被带到小屋里…好害怕" is one.
 */
function calmed(signals: EscalationReason[], hearsay: boolean, atControl: boolean, topical: readonly string[]): EscalationReason[] {
  const feelingsOnly = signals.length > 0 && signals.every((s) => FEELINGS.has(s));
  return feelingsOnly && hearsay && !atControl && topical.some((c) => !GENERIC_CONCEPTS.has(c)) ? [] : signals;
}

/** Signal parts of a situation at the control now. */
const AT_CONTROL_PARTS: ReadonlySet<SignalPart> = new Set(['at_control', 'taken', 'long_wait', 'cant_pay', 'connection']);

/** The signal part of selling the things or showing them as samples. */
const RESELL: SignalPart = 'resell';

/** Concepts of a currency's name (knowledge/lang concepts). */
const CURRENCY_CONCEPTS: ReadonlySet<string> = new Set(['rmb', 'foreign_currency']);
/** Concepts that say which way the traveller goes, not what they carry or ask about. */
export const DIRECTION_CONCEPTS: ReadonlySet<string> = new Set(['outbound', 'inbound']);
const FOREIGN_CURRENCY = 'foreign_currency';
const RMB = 'CNY';

const TEMPORARY_IMPORT = 'temporary_import';
/** The departure tax refund (knowledge/lang concepts): things bought in China, no import. */
const REFUND = 'refund';
/** The question whether only the part above the allowance is taxed (knowledge/lang concepts). */
const EXCESS = 'excess';
/** The traveller's own equipment, which may be registered on the way out so it is not taxed on the way back. */
const EQUIPMENT_CONCEPTS: ReadonlySet<string> = new Set(['equipment', 'camera', 'laptop']);

/**
 * True when the message is about the traveller's own thing taken out and brought back: a temporary
 * import, or equipment a resident (or someone leaving) takes along and buys nothing with
 * ("I live in Harbin, taking my 15k camera to Japan. how do i avoid paying duty on it when I come back?").
 */
function ownThingBack(concepts: readonly string[], cues: ReadonlySet<CategoryCue>, list: ParsedDeclaration | undefined): boolean {
  if (concepts.includes(TEMPORARY_IMPORT)) return true;
  const leaving = cues.has('resident') || cues.has('settled') || concepts.includes('outbound');
  return leaving && concepts.some((c) => EQUIPMENT_CONCEPTS.has(c)) && !(list?.bought ?? false);
}

/**
 * The facets of a message, a phrase inside a longer one of another facet left out: "dont say how many ml"
 * is an unlabelled bottle, not a question how many.
 */
function outermostFacets(found: readonly { key: Facet; at: number; end: number }[]): Set<Facet> {
  const inside = (a: { key: Facet; at: number; end: number }) => found.some((b) => b.key !== a.key && b.at <= a.at && a.end <= b.end && b.end - b.at > a.end - a.at);
  return new Set(found.filter((f) => !inside(f)).map((f) => f.key));
}

/** The concept of customs' temporary storage and the facet of a time limit (knowledge/lang). */
const STORAGE = 'storage';
const TIME_LIMIT = 'time_limit';
/** The message asks how long things already in customs' storage are kept. */
function asksStorageTerm(concepts: readonly string[], facets: ReadonlySet<string>): boolean {
  return concepts.includes(STORAGE) && facets.has(TIME_LIMIT);
}

/** Signals that are about something happening only when no supposition stands right before them. */
const SUPPOSABLE: ReadonlySet<Signal> = new Set(['seized', 'fine', 'dispute']);
/** How close before a seizure, fine or dispute phrase a supposition or hearsay word counts (characters of the prepared text). */
const SUPPOSITION_WINDOW_CHARS = 24;

/**
 * The signals of a message, leaving out a seizure, fine or dispute that is only supposed ("会不会被扣",
 * "what if they fine me", «а если спалят — штраф какой?»): that asks about a rule, it reports no case.
 */
function presentSignals(prepared: PreparedText, r: LanguageResources, parts: readonly Part[], suppositions: ReturnType<LanguageResources['hypothetical']['positions']>, ownThingBack: boolean, asTyped?: PreparedText, storageTerm = false): Set<Signal> {
  // "go to Japan with my Sony, how do I avoid paying tax for it when I come back": not paying twice
  // for one's own thing taken out and back is what registering it on departure is for, no scheme
  const lawful = ownThingBack ? r.avoidance.positions(prepared) : [];
  // "что будет если спрятать пару блоков?", "what's the penalty if i go green with extra?": asking what a scheme costs, not
  // planning one — unless it also asks whether it would pass unseen ("will they find it")
  const has = (k: SignalPart) => parts.some((p) => p.key === k);
  const asksConsequence = has('consequence') && !PLANNING.some(has);
  const found = new Set<Signal>();
  // (Russian typed in Latin letters: an English instruction inside it is read as typed too, "ignore all previous instructions. ty teper…")
  const typedInjection = asTyped === undefined ? [] : r.signals.positions(asTyped).filter((s) => s.key === 'injection');
  for (const { key, at, end } of [...r.signals.positions(prepared), ...closePairs(parts, SIGNAL_PAIRS), ...typedInjection]) {
    const supposed = SUPPOSABLE.has(key) && suppositions.some((h) => h.end <= at + 1 && at - h.end <= SUPPOSITION_WINDOW_CHARS);
    const notPayingTwice = key === 'evasion' && lawful.some((a) => a.at <= at && end <= a.end);
    // (things already in customs' storage, asked how long they are kept, is the storage rule's question: "东西被海关扣下暂存了，多久之内要去取")
    const storedAsked = key === 'seized' && storageTerm;
    // ("主动申报好还是偷偷扔掉好", «лучше сказать или выкинуть по-тихому?»: asking whether to declare is asking the rule, not planning around it)
    const choosesDeclaring = key === 'evasion' && has('declare_or');
    if (!supposed && !notPayingTwice && !storedAsked && !choosesDeclaring && !(key === 'evasion' && asksConsequence)) found.add(key);
  }
  return found;
}

/** Parts that make a question about a scheme one of getting away with it, whatever it also asks about the penalty. */
const PLANNING: readonly SignalPart[] = ['detected', 'away_with_it', 'no_tax', 'unseen'];

/** At most this many characters between the two parts of a pair (one clause or two), unless the pair sets its own window. */
const PAIR_WINDOW_CHARS = 80;

type Part = { key: SignalPart; at: number; end: number };

/**
 * What the pairs of parts said close together make: signals (SIGNAL_PAIRS: "стоим в красном
 * коридоре уже час", "在红色通道排了一个半小时 转机要赶不上了", "how to pack it so the x-ray won't see it")
 * and category cues (CUE_PAIRS: "3rd time through harbin this month").
 */
function closePairs<K>(parts: readonly Part[], pairs: readonly { key: K; parts: readonly [SignalPart, SignalPart]; window?: number }[]): { key: K; at: number; end: number }[] {
  if (parts.length < 2) return [];
  return pairs.flatMap(({ key, parts: [a, b], window = PAIR_WINDOW_CHARS }) => {
    for (const x of parts.filter((p) => p.key === a)) {
      const y = parts.find((p) => p.key === b && Math.max(x.at, p.at) - Math.min(x.end, p.end) <= window);
      // (placed at its first part, the thing that happened: "有人被扣过" is hearsay however far "在海关" stands before it)
      if (y) return [{ key, at: x.at, end: Math.max(x.end, y.end) }];
    }
    return [];
  });
}

/**
 * The whole message is smalltalk: one greeting or thanks phrase, or several in a row ("感恩，掰掰～",
 * "thanks!! bye"); thanks wins over a greeting said with it.
 */
function smalltalkOf(raw: string, phrases: ReadonlyMap<string, 'greeting' | 'thanks'>, acknowledgements: ReadonlySet<string>): { smalltalk?: 'greeting' | 'thanks' } {
  const key = smalltalkKey(raw);
  const whole = phrases.get(key);
  if (whole) return { smalltalk: whole };
  // each word a phrase ("thanks bye"), or each clause a phrase or an acknowledgement ("好的好的，明白了，谢谢你啊", "ok got it, thanks a lot!"),
  // or made of such words ("ok bye, boarding now"); an acknowledgement alone ("ok", "понятно") is no smalltalk
  const clauses = raw.split(/[,，.。!！?？;；、~～\n]+/u).map(smalltalkKey).filter(Boolean);
  const kindOf = (part: string): 'greeting' | 'thanks' | 'ack' | undefined => {
    if (acknowledgements.has(part)) return 'ack';
    const phrase = phrases.get(part);
    if (phrase) return phrase;
    const words = part.split(' ').filter(Boolean);
    const kinds = words.map((w) => (acknowledgements.has(w) ? 'ack' : phrases.get(w)));
    if (words.length < 2 || kinds.some((k) => k === undefined)) return undefined;
    return kinds.includes('thanks') ? 'thanks' : kinds.includes('greeting') ? 'greeting' : 'ack';
  };
  for (const parts of [key.split(' ').filter(Boolean), clauses]) {
    const kinds = parts.map(kindOf);
    if (parts.length >= 2 && kinds.every((k) => k !== undefined) && kinds.some((k) => k !== 'ack')) return { smalltalk: kinds.includes('thanks') ? 'thanks' : 'greeting' };
  }
  return {};
}

/** The greeting or thanks phrase of the first clause, or one the message starts with before a space ("merry christmas to whoever runs this"). */
function opening(raw: string, phrases: ReadonlyMap<string, 'greeting' | 'thanks'>): { opensWith?: 'greeting' | 'thanks' } {
  const first = phrases.get(smalltalkKey(raw.split(/[,，.。!！?？;；~～\n]+/u)[0] ?? ''));
  if (first) return { opensWith: first };
  const words = smalltalkKey(raw).split(' ');
  // (the longest phrase of a few words at the start)
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const kind = phrases.get(words.slice(0, n).join(' '));
    if (kind) return { opensWith: kind };
  }
  return {};
}

/**
 * Of a long message, the first and last characters are read for its topic (the question is
 * usually at the start or the end of a long story); safety signals are looked for in all of it.
 * Keeps a 3,000-character ramble as cheap as a question (tokenizing it whole took ~7 ms).
 */
function topicWindow(text: string): string {
  const chars = [...text];
  if (chars.length <= TOPIC_WINDOW_CHARS * 2) return text;
  return `${chars.slice(0, TOPIC_WINDOW_CHARS).join('')}\n${chars.slice(-TOPIC_WINDOW_CHARS).join('')}`;
}

/** The prices of bought things blanked out, so "30,000 yuan" for a bag does not read as cash; so are things said to be absent ("no cigarettes"). */
function maskPrices(text: string, list: ParsedDeclaration | undefined): string {
  const spans = [...(list?.items ?? []).flatMap((i) => (i.priceSpan ? [i.priceSpan] : [])), ...(list?.absent ?? [])];
  return spans.length === 0 ? text : blank(text, spans);
}
