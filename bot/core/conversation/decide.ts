import { FACETS } from '../knowledge/lang-schema';
import type { DependsOn, KnowledgeEntry, TravellerCategory } from '../knowledge/schema';
import type { ConversationState } from '../ports';
import { BUY_FOR_OTHERS, CATEGORY_CONCEPTS, FEELINGS, DIRECTION_CONCEPTS, GENERIC_CONCEPTS, SEVERAL_OF_ONE, SHORT_MESSAGE_TOKENS, TRIP_CONCEPTS, WHAT_IS_DONE, type Reading, type ReadingContext } from '../reading';
import type { Hit } from '../retrieval';
import type { Department, EscalationReason } from '../types';
import { tourLeaderDecision, type TourDecision } from './tour-leader';

/** What the assistant decided to do with one message, before any text is written. */
export type Decision =
  | { kind: 'answer'; entryId: string; category?: TravellerCategory; allVariants?: boolean; confident: boolean }
  | { kind: 'clarify'; entryId: string; dependsOn: DependsOn }
  | { kind: 'routed'; department: Department }
  | { kind: 'smalltalk'; intent: 'greeting' | 'thanks' }
  /** Nothing to go on ("is this allowed?"): ask what the traveller means, once. */
  | { kind: 'ask_topic'; /** The traveller only told of the trip («летим к дочке на Новый год»): asked what they want to know, not what they carry. */ trip?: boolean }
  | { kind: 'escalate'; reasons: EscalationReason[]; entryId?: string }
  /** A tour leader's question: the short briefing for the route, or the question which route (issue 11). */
  | TourDecision;

/** Thresholds, calibrated on the evaluation set (`npm run eval`); see DESIGN.md. */
export type DecideOptions = {
  /** Minimum lunr score of the best hit when it matches a topic concept of the question. */
  minScore: number;
  /** Without a topic concept, the best hit needs this score and `minCoverage`. */
  minScoreWithoutConcept: number;
  /** Minimum share of query terms/concepts matched by a hit without a topic concept. */
  minCoverage: number;
  /** Below this score an answer counts as weak: two weak answers in a row escalate. */
  strongScore: number;
  /** Minimum classifier probability to act on a non-customs intent. */
  minIntentProbability: number;
  /** Minimum probability for a greeting or thanks (short messages carry few features). */
  minSmalltalkProbability: number;
  /** An "other" (out-of-scope) intent this sure overrides a single matching concept. */
  clearOtherProbability: number;
};

export const defaultDecideOptions: DecideOptions = {
  minScore: 2,
  minScoreWithoutConcept: 6,
  minCoverage: 0.5,
  strongScore: 5,
  minIntentProbability: 0.6,
  minSmalltalkProbability: 0.45,
  clearOtherProbability: 0.8,
};

export type DecideContext = ReadingContext & { options: DecideOptions };

type Outcome = { decision: Decision; state: ConversationState };

const DEPARTMENT_ENTRY: Record<string, Department> = { 'dept-border': 'border', 'dept-airline': 'airline', 'dept-airport': 'airport', 'dept-police': 'police' };
/** Escalations that also state the rule in question. */
const RULE_WITH_REASON: ReadonlySet<EscalationReason> = new Set(['evasion', 'prompt_injection']);

/** How many times the strong score a hit on a specific concept must reach for a long story with no question to be asking about it. */
const SQUARE_HIT = 3;
/** A greeting or thanks is at most this long ("好的谢谢啦 很有用👍"). */
const SMALLTALK_MAX_CHARS = 16;
/** Longest thanks or goodbye that asks and lists nothing and is still only that (characters). */
const SMALLTALK_CHATTY_MAX_CHARS = 60;

/** Concepts of animals travellers bring. */
const ANIMAL_CONCEPTS: ReadonlySet<string> = new Set(['pets', 'dogs', 'cats']);
/** Concepts that make a question about buying or money one of customs' rules after all. */
const RULE_CONCEPTS: ReadonlySet<string> = new Set(['refund', 'instant_refund', 'duty_free_shop', 'arrival_shop', 'tax_rate', 'single_item', 'prohibited', 'outbound', 'russia_return']);
const POLICE = 'police';
/** Concepts of another party's matter whatever thing it is about: a theft or a loss is the police's, a bag that did not arrive the airline's, the security check, things left in the terminal and its services the airport's. */
const MATTERS_OF_OTHERS: ReadonlySet<string> = new Set(['police', 'bag_missing', 'security_screening', 'terminal_service']);
/** A complaint or quarrel: another party's when it names that party and not customs ("航班延误五个钟，想投诉找谁"). */
const GRIEVANCES: ReadonlySet<EscalationReason> = new Set(['dispute', 'complaint']);
/** A complaint about how someone treated the traveller. */
const STAFF_COMPLAINT: EscalationReason = 'staff_complaint';
/** The reason of a thing taken away: customs' case when customs took it, a theft when someone else did. */
const SEIZURE: EscalationReason = 'seizure';
/** The reason of a cry for help now: customs' case at the control, the police's in a fight or a theft. */
const URGENCY: EscalationReason = 'urgency';
/** Concepts of the other parties' entries. */
const DEPARTMENT_CONCEPTS = new Set(['border', 'airline', 'airport', 'police', 'departments']);

/**
 * Decides how to treat one traveller message, given the conversation so far. Pure: reads
 * nothing but its arguments. Order: safety signals (evasion, injection, a person, emotion, a
 * case), an answer to a pending clarifying question or a category follow-up, smalltalk,
 * out-of-scope and other parties' matters, then the knowledge base; when nothing matches well
 * enough, escalate.
 */
export function decide(r: Reading, state: ConversationState, ctx: DecideContext): Outcome {
  const hits = followUpHits(r, state, ctx) ?? r.hits;
  const best = errandOverOwnUse(r, ownUpBanned(r, aspectOverTopic(r, russiaOverChina(r, moveOverThings(r, allowanceOverExcess(r, channelOverOwnThings(r, ownEquipment(r, ownAllowance(r, state, restrictedOverAllowance(r, procedureOverThing(r, penaltyOverAllowance(r, customsOverDepartment(r, thingOverBan(r, confidentHit(hits, r.topical, ctx.options, ctx.entries), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx), ctx);
  const next: ConversationState = { ...state, ...r.category, pendingTourRoute: undefined };
  // a message that names a thing the knowledge base answers squarely asks about it, question mark or not ("one website says
  // caviar is fine, another says it's banned. I'd like to take a couple of tins as a gift", "群里说奶粉现在也不让带了，我要崩溃了")
  const squarely = best !== undefined && best.score >= SQUARE_HIT * ctx.options.strongScore && best.matchedConcepts.some((c) => !GENERIC_CONCEPTS.has(c)) && !DEPARTMENT_ENTRY[best.entryId];

  // The rule goes with a refused scheme or an injected "notice" (the real figure), when the message
  // names its topic; someone unwell, held up or upset needs the person, not a rule (issue 9).
  const ruleMatters = r.signals.some((s) => RULE_WITH_REASON.has(s));
  const relevant = ruleMatters && best && best.matchedConcepts.length > 0 ? best.entryId : undefined;
  // a theft with a sigh ("手机被人偷了 怎么办啊") is still the police's matter: routed to them, not handed over for the sigh
  const othersMatter = best && DEPARTMENT_ENTRY[best.entryId] && best.matchedConcepts.some((c) => MATTERS_OF_OTHERS.has(c)) ? DEPARTMENT_ENTRY[best.entryId] : undefined;
  // …and so is a thing taken by someone who is no officer ("someone just took my wallet at arrivals!!"), when customs is not named
  const notCustoms = ctx.resources.customs.match(r.prepared).size === 0;
  // (and a fight with a cry for help, "у стойки регистрации мужик драку устроил, помогите": 110 is the help;
  // a long wait at the belt, "行李转盘等了一个小时我的箱子还没出来", is the airline's, with a sigh too: "行李箱在转盘上一直没出来 怎么办啊")
  // (a complaint about the airline's delay, "航班延誤咗五個鐘，想投訴應該搵邊個", is the airline's)
  // (and someone who pushed or hit the traveller, "排队的时候有人推我还动手了", is the police's whoever it was, when customs is not named)
  const othersGrievance = (s: EscalationReason) => (GRIEVANCES.has(s) || (s === STAFF_COMPLAINT && othersMatter !== undefined)) && notCustoms;
  const partyMatter = othersMatter ?? (best && DEPARTMENT_ENTRY[best.entryId] && best.matchedConcepts.some((c) => DEPARTMENT_CONCEPTS.has(c)) && r.signals.every((s) => s === URGENCY || FEELINGS.has(s) || othersGrievance(s)) ? DEPARTMENT_ENTRY[best.entryId] : undefined);
  if (partyMatter && r.signals.length > 0 && r.signals.every((s) => FEELINGS.has(s) || othersGrievance(s) || ((s === SEIZURE || s === URGENCY) && notCustoms))) return { decision: { kind: 'routed', department: partyMatter }, state: { ...next, misses: 0 } };
  // (a goodbye in a hurry is no emergency: "ok that's all, boarding now. bye!", «всё, посадка, спасибо!»)
  const farewell = r.smalltalk !== undefined && r.signals.every((s) => s === URGENCY);
  // (a traveller worried by something heard or read, who names a thing to ask about, has no signal left: the reading calmed them)
  if (r.signals.length > 0 && !farewell) return { decision: { kind: 'escalate', reasons: r.signals, entryId: relevant }, state: { ...next, misses: 0 } };
  // a tour leader asking about any topic, even the allowance ("can the group pool allowances?"), gets that answer
  // …unless it asks what to tell the group about customs in general ("美国回国团 怎么跟客人讲申报的事"):
  // a named thing ("提醒大家每人最多带几条烟") is still that thing's answer
  // a tour leader or agency that greets and says who they are, naming no topic and asking for no briefing, is greeted first
  // ("你好，我是旅行社计调，想问几个海关的问题", «Здравствуйте! Я менеджер турагентства во Владивостоке»)
  if (r.tour.leader && !r.tour.briefing && r.opensWith === 'greeting' && r.topical.length === 0 && r.signals.length === 0 && !listsThings(r) && state.lastEntryId === undefined) return { decision: { kind: 'smalltalk', intent: 'greeting' }, state: next };
  const tour = tourLeaderDecision(r, state, r.topical.length === 0 || (r.tour.leader && r.tour.briefing && r.topical.every((c) => GENERIC_CONCEPTS.has(c))));
  if (tour) return { decision: tour.decision, state: { ...next, ...tour.state, misses: 0 } };

  const contextual = fromContext(r, state, next, ctx);
  if (contextual) return contextual;
  // a message that stutters with no topic ("hello hello … the the the ok ok", «алло алло … ааа ыыы») is for a person to look at, not a greeting
  if (r.noise && !listsThings(r)) return escalate(['out_of_scope'], next);

  // a question that points at things it does not name ("а это можно?", "can i bring these",
  // "帮我看看这样会不会超") is asked what it means, before any guess from its few words
  // (one generic concept is no topic: "do i need to declare these"; two make a rule question: "all my stuff taxed or only the excess?")
  if (isVague(r, ctx) && !(best && (best.matchedConcepts.some((c) => !GENERIC_CONCEPTS.has(c)) || best.matchedConcepts.length >= 2)) && !state.askedTopic && !r.smalltalk) return askTopic(next);
  // a question made only of common words ("так вообще можно?", "how much for this one") is asked what it means
  if (r.act === 'empty' && r.asks && ctx.resources.questionWords.asks(r.prepared) && r.signals.length === 0 && !state.askedTopic) return askTopic(next);
  if (r.act === 'empty') return escalate(['out_of_scope'], next);

  // a traveller who only says who they are is not out of scope because their words look like small talk
  // (a trip told is no greeting though its words are a holiday's: «летим к дочке на Новый год»)
  // (one that opens with a greeting and lists nothing is a greeting, "Hi there! Planning a family trip to the Ice Festival and I've got a bunch of questions": the reply invites them)
  const greets = r.opensWith === 'greeting' && !listsThings(r);
  // (…and so is one whose intent the classifier cannot tell: «я турист из Москвы» is no airline question at 0.23)
  // (only as a conversation's opening: later, "we're coming from Vladivostok" answers what was asked)
  const unsure = (r.intent?.probability ?? 0) < ctx.options.minIntentProbability && state.lastEntryId === undefined && state.pendingClarifyEntryId === undefined;
  if (tellsOnlyAboutTrip(r) && !greets && (r.intent?.intent === 'other' || unsure || (r.intent?.intent === 'greeting' && r.tellsTrip && !r.smalltalk)) && !state.askedTopic) return askTopic(next, !listsThings(r));
  // a few words asked with nothing to go on ("行不行啊", "這樣OK嗎") are asked what they mean before the classifier guesses from them
  if (!r.smalltalk && isOpenQuestion(r, ctx) && !state.askedTopic && r.intent?.intent !== 'human' && !best) return askTopic(next);
  // a long story that asks nothing and lists nothing ("…飞机晚点了三个小时…这趟旅行一点都不开心") is for a person to read, not a rule or a hotline
  if (r.story && !r.asks && r.act === 'question' && !state.pendingDeclaration && !squarely) return escalate(['low_confidence'], next);
  // what a currency is worth today («какой сегодня курс юаня к рублю?», "汇率多少") or where to buy a coat cheap («где в Харбине купить шубу
  // подешевле?») is a bank's, a shop's or a guide's question, not customs': unless it also asks a rule (an allowance, tax, declaring, a refund)
  // (nor one that counts a thing it would bring: «Можно взять 4 банки смеси из России или лучше купить там?»)
  const bringsCounted = listsThings(r) && r.topical.some((c) => !GENERIC_CONCEPTS.has(c));
  if (ctx.resources.elsewhere.match(r.prepared).size > 0 && !r.topical.some((c) => GENERIC_CONCEPTS.has(c) || RULE_CONCEPTS.has(c)) && !bringsCounted) return escalate(['out_of_scope'], next);
  // (asking whether a thing may be brought names customs' matter as much as the word "customs": "我住台北，要去哈尔滨滑雪，可以带肉松当早餐吗？")
  const asksToBring = r.asks && r.bring;
  const nonCustoms = byIntent(r, best, next, ctx.options, !notCustoms || asksToBring);
  if (nonCustoms) return nonCustoms;

  // a question that names nothing ("а это можно провезти?") is asked what it means, even when one
  // of its words happens to match an entry strongly enough: a word alone is no topic
  const guessedFromWord = best !== undefined && best.matchedConcepts.length === 0 && isVague(r, ctx);
  const entry = best && !guessedFromWord ? ctx.entries.get(best.entryId) : undefined;
  if (!entry) {
    if ((isVague(r, ctx) || isOpenQuestion(r, ctx) || tellsOnlyAboutTrip(r)) && !state.askedTopic) return askTopic(next, tellsOnlyAboutTrip(r) && !listsThings(r));
    const misses = state.misses + 1;
    return escalate([misses >= 2 ? 'repeated_misses' : 'low_confidence'], { ...next, misses });
  }
  const weak = (best?.score ?? 0) < ctx.options.strongScore;
  const misses = weak ? state.misses + 1 : 0;
  if (weak && misses >= 2) return escalate(['repeated_misses'], { ...next, misses });
  // a question about an aspect that is the same for everyone (how the excess is taxed, the old
  // figure, papers) gets the ordinary traveller's rule and that aspect, not a category question
  const category = categoryFor(entry, next) ?? (asksAboutAspect(entry, r) ? 'ordinary_case' : undefined);
  return answer(entry, category === 'ordinary_case' ? undefined : category, { ...next, misses }, !weak, category === 'ordinary_case');
}

/** One short question back: what does the traveller mean (asked once per conversation). */
function askTopic(next: ConversationState, trip = false): Outcome {
  return { decision: { kind: 'ask_topic', ...(trip ? { trip } : {}) }, state: { ...next, askedTopic: true } };
}

/**
 * A question that names nothing ("is this allowed??", "我带的这些东西算超了吗"): it points at
 * things not named ("this", "这些东西", "это") and its only concepts are generic (over, declare).
 */
function isVague(r: Reading, ctx: DecideContext): boolean {
  return r.topical.every((c) => GENERIC_CONCEPTS.has(c)) && ctx.resources.vague.match(r.prepared).size > 0 && !(r.list?.items.some((i) => i.quantified) ?? false);
}

/**
 * A statement about the traveller or the trip with no question yet ("我是中国人，我朋友是俄罗斯游客",
 * "我在东京买了个包", «летим к дочке на Новый год»): the category is kept and the traveller is asked
 * what they want to know.
 */
function tellsOnlyAboutTrip(r: Reading): boolean {
  const saysCategory = r.category.route !== undefined || r.category.residency !== undefined;
  return !r.asks && r.signals.length === 0 && r.topical.length === 0 && (saysCategory || r.tellsTrip || listsThings(r));
}

/** The message counts things it carries ("2 bottles, 3 cartons"): asked what else, not wished a good trip. */
function listsThings(r: Reading): boolean {
  return r.list?.items.some((i) => i.quantified) ?? false;
}

/** Longest question (in words, or in characters for Chinese) that is asked what it means rather than handed over ("норм?", "can i bring it", "能带不"). */
const OPEN_QUESTION_TOKENS = 2;
const OPEN_QUESTION_HAN_CHARS = 6;

/**
 * A few words asked with nothing to go on ("норм?", "what about this one", "能带不"): one short
 * question back costs the traveller less than a queue, and a person is offered if it fails again.
 */
function isOpenQuestion(r: Reading, ctx: DecideContext): boolean {
  // a question word, not just "?": "ывапр олдж ??" is noise for a person to look at
  // …and not a question about something else ("what is the weather in Harbin tomorrow?")
  const short = r.language.lang === 'zh' ? [...r.text].length <= OPEN_QUESTION_HAN_CHARS : r.tokens.length <= OPEN_QUESTION_TOKENS;
  return r.bare && short && r.signals.length === 0 && r.intent?.intent !== 'other' && ctx.resources.questionWords.asks(r.prepared);
}

/** A reply to the pending clarifying question, or "and from Hong Kong?" after an answer. */
function fromContext(r: Reading, state: ConversationState, next: ConversationState, ctx: DecideContext): Outcome | undefined {
  const pending = state.pendingClarifyEntryId ? ctx.entries.get(state.pendingClarifyEntryId) : undefined;
  // a statement that says the category answers the pending question even when its words touch a
  // topic ("я живу в Харбине, у меня ВНЖ": ВНЖ is also a word of the long-stay entry); a new
  // question starts fresh
  const saysCategory = r.category.route !== undefined || r.category.residency !== undefined;
  // («а если я через Хэйхэ каждую неделю мотаюсь?» after "which route?": a question naming only the kind of trips says the route)
  const onlyTrips = saysCategory && r.topical.length > 0 && r.topical.every((c) => TRIP_CONCEPTS.has(c));
  if (pending && (r.topical.length === 0 || !r.asks || onlyTrips)) {
    const resolved = resolveClarification(pending, next, r.answers);
    if (resolved) return answer(pending, resolved, next);
  }
  if (r.topical.length > 0 && !onlyTrips) return undefined;
  const last = state.lastEntryId ? ctx.entries.get(state.lastEntryId) : undefined;
  // (who they are, naming no new topic, however long: "我是中国护照，不过在多伦多定居十几年了" after the value allowance)
  // (a mainland resident who now says they came from Hong Kong or Macao has that route's own allowance: "我是深圳户口住深圳，这次是从香港那边回来")
  const own = last && ALLOWANCE_QUESTION_ENTRIES.has(last.id) && next.route === 'hk_macao' && next.residency !== 'non_resident' ? ctx.entries.get(HK_MACAO_ALLOWANCE) : undefined;
  if (last?.dependsOn && saysCategory) return own ? answer(own, categoryFor(own, next), next) : answer(last, categoryFor(last, next), next);
  return undefined;
}

/**
 * A short message that names nothing new after an answer ("是美元 大概七千" after the rule for cash
 * taken out, «около 12 тысяч, декларировать?» after the one for dollars brought in) goes on with
 * that answer's topic: searched again with the last entry's tags as weak concepts. Undefined when
 * the message is no such follow-up.
 */
function followUpHits(r: Reading, state: ConversationState, ctx: DecideContext): Hit[] | undefined {
  const last = state.lastEntryId ? ctx.entries.get(state.lastEntryId) : undefined;
  // "真空包装 超市买的也不行？", «а если она в запаянной банке из магазина?» after a food's rule: the same thing packed otherwise, the same rule
  if (last && last.topic === FOOD_TOPIC && r.signals.length === 0 && r.topical.length === 0 && r.focus.has(PACKAGED)) return [{ entryId: last.id, score: Math.max(ctx.options.strongScore, ctx.options.minScoreWithoutConcept), coverage: 1, matchedConcepts: last.tags.slice(0, 1) }];
  if (!last || DEPARTMENT_ENTRY[last.id] || r.signals.length > 0) return undefined;
  // ("we're flying from London, does she need to go into quarantine?" after the rule for pets: a question naming only
  // what that entry's details are about goes on with it, however it is put; "人民币呢？" after foreign cash gets that
  // answer again with its RMB detail in front, which is the 20,000 limit)
  // (a follow-up naming another party's matter is theirs: "how long can we stay on that 240-hour transit?" after the rule for transit passengers' things)
  const aspects = new Set(last.facets.flat().filter((f) => !DEPARTMENT_CONCEPTS.has(f)));
  const ofLast = r.topical.length > 0 && r.topical.every((c) => last.tags.includes(c) || aspects.has(c)) && r.tokens.length <= FOLLOW_UP_MAX_TOKENS;
  // (and one that only turns the direction, "那我出国的时候呢？也是这个数吗", however many words it takes)
  const turnsOnly = r.topical.some((c) => DIRECTION_CONCEPTS.has(c)) && r.topical.every((c) => DIRECTION_CONCEPTS.has(c) || GENERIC_CONCEPTS.has(c)) && r.tokens.length <= FOLLOW_UP_MAX_TOKENS;
  // (…and one that opens as a follow-up, naming nothing new: "and if she flies from Seoul instead? we may move there first" after pets)
  const opensAsFollowUp = r.followsOn && r.topical.length === 0 && r.tokens.length <= FOLLOW_UP_MAX_TOKENS;
  if (r.tokens.length > SHORT_MESSAGE_TOKENS && !ofLast && !turnsOnly && !opensAsFollowUp) return undefined;
  if (!r.topical.every((c) => GENERIC_CONCEPTS.has(c) || DIRECTION_CONCEPTS.has(c) || last.tags.includes(c) || aspects.has(c))) return undefined;
  const found = ctx.index.search({ tokens: r.tokens, concepts: r.topical, weakConcepts: [...new Set([...r.weak, ...last.tags])] });
  // (a way of going the last answer was not about, "and taking it back out?", may lead to another entry; else the last one goes on)
  const turns = r.topical.some((c) => DIRECTION_CONCEPTS.has(c) && !last.tags.includes(c));
  const same = found.find((h) => h.entryId === last.id);
  // (a follow-up that names no topic at all goes on with the last answer however its other words score, unless they find
  // another entry well: "那美元呢？出境能带多少" after RMB cash)
  if (opensAsFollowUp && !found.some((h) => h.entryId !== last.id && h.score >= ctx.options.minScoreWithoutConcept)) return [{ entryId: last.id, score: Math.max(same?.score ?? 0, ctx.options.strongScore, ctx.options.minScoreWithoutConcept), coverage: 1, matchedConcepts: last.tags.slice(0, 1) }, ...found.filter((h) => h.entryId !== last.id)];
  // ("人民币呢？" after foreign cash: a thing the last answer only mentions in a detail, and that another entry of the
  // same topic is about, is that entry's question; "and quarantine?" after pets stays with pets, the health rules are another topic)
  const onlyMentioned = r.topical.filter((c) => !GENERIC_CONCEPTS.has(c) && !last.tags.includes(c) && aspects.has(c));
  const aboutIt = found.find((h) => {
    const other = ctx.entries.get(h.entryId);
    return other !== undefined && other.id !== last.id && other.topic === last.topic && onlyMentioned.length > 0 && onlyMentioned.every((c) => other.tags.includes(c));
  });
  // (a turn of direction asks the same thing the other way: "and when I leave, same rule?" after RMB cash is the RMB rule,
  // which holds both ways; after foreign cash brought in, the foreign cash taken out; "那回程出境的时候呢" after gold, gold)
  if (turns) {
    const way = r.topical.find((c) => DIRECTION_CONCEPTS.has(c) && !last.tags.includes(c));
    const thing = last.tags.filter((t) => !GENERIC_CONCEPTS.has(t) && !DIRECTION_CONCEPTS.has(t));
    const goesThatWay = (e: KnowledgeEntry) => e.direction === 'both' || e.direction === way;
    const sameThing = (h: Hit) => {
      const e = ctx.entries.get(h.entryId);
      return e !== undefined && goesThatWay(e) && thing.some((t) => e.tags.includes(t));
    };
    // (the entry that holds both ways answers the way asked: it matches it)
    const bothWays: Hit | undefined = last.direction === 'both' && way !== undefined ? { entryId: last.id, score: Math.max(same?.score ?? 0, ctx.options.strongScore), coverage: 1, matchedConcepts: [way, ...(same?.matchedConcepts ?? [])] } : undefined;
    const stays = bothWays ?? found.find(sameThing);
    return stays ? [stays, ...found.filter((h) => h.entryId !== stays.entryId)] : found;
  }
  return !same || aboutIt ? found : [same, ...found.filter((h) => h !== same)];
}

/** How long a follow-up naming only what the last answer's details are about may be (tokens). */
const FOLLOW_UP_MAX_TOKENS = 16;

/** The topic of food entries, and the facet of how a thing is packed or made (sealed, canned, store-bought). */
const FOOD_TOPIC = 'food';
const PACKAGED = 'packaged';

/** Smalltalk, out-of-scope, a person or a complaint, and other airport parties' matters. */
function byIntent(r: Reading, best: Hit | undefined, next: ConversationState, options: DecideOptions, namesCustoms = false): Outcome | undefined {
  const { intent } = r;
  // a message that is one of the greeting or thanks phrases needs no guess ("до свидания")
  if (r.smalltalk) return { decision: { kind: 'smalltalk', intent: r.smalltalk }, state: next };
  // a greeting with a remark that asks and names nothing ("good morning!! freezing here in Harbin lol") is a greeting
  // …and so is one that asks only whether it may ask («Здравствуйте! … можно задать пару вопросов?», "hello?? is this the customs help thing"): it names no topic
  // (thanks with a remark, "cheers, that's really useful 👍", too, when it asks nothing)
  const opening = r.opensWith === 'greeting' || (r.opensWith === 'thanks' && !r.asks) ? r.opensWith : undefined;
  // (a thing named without a count or price is no list: "你好，我想问几个关于带东西出入境的问题")
  const named = listsThings(r) || (r.list?.items.some((i) => i.hasMoney) ?? false);
  if (opening && r.topical.length === 0 && r.signals.length === 0 && !named) return { decision: { kind: 'smalltalk', intent: opening }, state: next };
  // thanks with a short remark that asks nothing is thanks, whatever it names ("谢谢你，说得很清楚，我去准备处方了")
  if (r.opensWith === 'thanks' && !r.asks && r.signals.length === 0 && !named && [...r.text].length <= SMALLTALK_CHATTY_MAX_CHARS) return { decision: { kind: 'smalltalk', intent: 'thanks' }, state: next };
  if (!intent) return undefined;
  // Chinese tokens include character bigrams, so shortness is counted in characters too
  // (a longer thanks or goodbye that asks nothing and lists nothing, "好的好的，明白了，谢谢你啊，太有帮助了🙏", is one too)
  const chatty = !r.asks && !(r.list?.items.length) && [...r.text].length <= SMALLTALK_CHATTY_MAX_CHARS;
  const short = r.tokens.length <= SHORT_MESSAGE_TOKENS || [...r.text].length <= SMALLTALK_MAX_CHARS || chatty;
  if ((intent.intent === 'greeting' || intent.intent === 'thanks') && intent.probability >= options.minSmalltalkProbability && r.topical.length === 0 && short) {
    return { decision: { kind: 'smalltalk', intent: intent.intent }, state: next };
  }
  const routedByEntry = best ? DEPARTMENT_ENTRY[best.entryId] : undefined;
  if (routedByEntry) return { decision: { kind: 'routed', department: routedByEntry }, state: { ...next, misses: 0 } };
  // two weak readings that agree: the top search hit is a department's entry and the classifier
  // names the same department ("护照好像丢了 怎么办": police by both, neither sure on its own)
  const top = r.hits[0] ? DEPARTMENT_ENTRY[r.hits[0].entryId] : undefined;
  if (top && top === intent.intent && intent.probability >= options.minIntentProbability / 2 && r.topical.length === 0) return { decision: { kind: 'routed', department: top }, state: { ...next, misses: 0 } };
  if (intent.probability < options.minIntentProbability) return undefined;
  const strongAnswer = best !== undefined && best.score >= options.strongScore && best.matchedConcepts.length > 0;
  // A clear "other" (a recipe, the weather) wins over a single shared concept ("锅包肉" has 肉).
  // (not when an entry matched strongly on two of its concepts: "老外同事在中央大街买了件大衣 回国的时候能退税吗" is the refund, in many words)
  // (nor when a travel agency asks: "我们旅行社…有客人问能不能带自家的狗" is the agency's customs question)
  // (a pet named and found strongly is never small talk or another matter: "想把家里的猫从海参崴带到哈尔滨 要准备啥")
  const animal = strongAnswer && best !== undefined && best.matchedConcepts.some((c) => ANIMAL_CONCEPTS.has(c));
  // (nor a thing found strongly in a question that names customs: "有点发烧38度 明天落地 要跟海关说吗")
  // (nor a long story that asks about a thing found strongly: "…我爸有糖尿病…胰岛素笔啊针头啊…需要准备什么证明吗"; the classifier reads the story's trip and family)
  const thing = strongAnswer && best !== undefined && best.matchedConcepts.some((c) => !GENERIC_CONCEPTS.has(c));
  const toCustoms = thing && (namesCustoms || (r.story && r.asks));
  const clearlyOther = intent.intent === 'other' && !r.tour.leader && !animal && !toCustoms && intent.probability >= options.clearOtherProbability && (best?.coverage ?? 0) < options.minCoverage && !((best?.score ?? 0) >= 2 * options.strongScore && (best?.matchedConcepts.length ?? 0) >= 2);
  if (clearlyOther || (intent.intent === 'other' && !strongAnswer)) return escalate(['out_of_scope'], next);
  if ((intent.intent === 'human' || intent.intent === 'complaint' || intent.intent === 'evasion') && !strongAnswer) {
    return escalate([intent.intent === 'human' ? 'asked_for_human' : intent.intent], next);
  }
  // (not a customs matter whose entry was found, however weakly: leaving one's things in China on a visa-free transit)
  const customsMatter = best !== undefined && !DEPARTMENT_ENTRY[best.entryId] && namesCustomsMatter(r);
  if (isDepartment(intent.intent) && !strongAnswer && !customsMatter) return { decision: { kind: 'routed', department: intent.intent }, state: { ...next, misses: 0 } };
  return undefined;
}

function answer(entry: KnowledgeEntry, category: TravellerCategory | 'all' | undefined, state: ConversationState, confident = true, ordinaryCase = false): Outcome {
  const base: ConversationState = { ...state, lastEntryId: entry.id, lastTopic: entry.topic, pendingClarifyEntryId: undefined };
  if (entry.dependsOn && category === undefined && !ordinaryCase) {
    return { decision: { kind: 'clarify', entryId: entry.id, dependsOn: entry.dependsOn }, state: { ...base, pendingClarifyEntryId: entry.id } };
  }
  const decision: Decision = category === 'all' ? { kind: 'answer', entryId: entry.id, allVariants: true, confident } : { kind: 'answer', entryId: entry.id, category, confident };
  return { decision, state: base };
}

/** The facet of a question asking how many or how much: the figure, which is the category's. */
const AMOUNT = 'amount';
/** The facet of a question whether a rule is different for the traveller ("does that change for me?"). */
const DIFFERS = 'differs';

/**
 * Facets that do not depend on the traveller's category (lang-schema FACETS). Not `outdated`:
 * "cigars, still 100 like before?" asks today's figure, which is the category's like the plain question.
 */
const ASPECT_FACETS: ReadonlySet<string> = new Set(FACETS.filter((f) => f !== 'outdated' && f !== DIFFERS && f !== AMOUNT));

/** True when the question asks about one of the entry's details by a facet ("以前不是100支吗", "per person?"). */
function asksAboutAspect(entry: KnowledgeEntry, r: Reading): boolean {
  // (…unless it also asks how many: "do terea sticks count as cigarettes? how many am i allowed" asks the category's figure too)
  if (r.focus.has(AMOUNT)) return false;
  return entry.facets.some((facets) => !facets.includes('key') && facets.some((f) => ASPECT_FACETS.has(f) && r.focus.has(f)));
}

function escalate(reasons: EscalationReason[], state: ConversationState): Outcome {
  return { decision: { kind: 'escalate', reasons }, state };
}

/**
 * The best hit if it is good enough: one that matches a topic concept of the question needs
 * `minScore`; one that matches words only needs a higher score and most of the words.
 */
function confidentHit(hits: Hit[], topical: readonly string[], options: DecideOptions, entries: DecideContext['entries']): Hit | undefined {
  const top = hits[0];
  if (!top) return undefined;
  const topicMatch = top.matchedConcepts.some((c) => topical.includes(c));
  // ("泰国的榴莲山竹带几个回来行不": "how many" alone matched the alcohol allowance; the thing named is the fruit)
  const onlyGeneric = top.matchedConcepts.every((c) => GENERIC_CONCEPTS.has(c));
  // a hit good enough on a specific thing the message names
  const namesThing = (h: Hit) => h.score >= options.minScore && h.matchedConcepts.some((c) => topical.includes(c) && !GENERIC_CONCEPTS.has(c));
  // (food, and drink or tobacco: «бухла сколько брать можно, чтоб не платить» is about drink, not about tax)
  // (and another party's matter named beside generic words: "how much does China Southern charge for 8kg over")
  const named = onlyGeneric ? hits.find((h) => h !== top && (RESTRICTED_TOPICS.has(entries.get(h.entryId)?.topic ?? '') || COUNTED_TOPICS.has(entries.get(h.entryId)?.topic ?? '') || DEPARTMENT_ENTRY[h.entryId] !== undefined) && h.score >= top.score * CLOSE_SECOND && namesThing(h)) : undefined;
  if (named) return named;
  if (topicMatch && top.score >= options.minScore) return top;
  if (top.score >= options.minScoreWithoutConcept && top.coverage >= options.minCoverage) return top;
  // ("日本的蜜瓜…带两个回来送人行不": a hit on words alone does not hide the entry of the thing named)
  const thing = top.matchedConcepts.length === 0 ? hits.find(namesThing) : undefined;
  if (thing) return thing;
  // ("mangos … in hand luggage": another party's entry on a word alone does not hide the entry of the thing named)
  const other = DEPARTMENT_ENTRY[top.entryId] ? hits.find((h) => !DEPARTMENT_ENTRY[h.entryId] && namesThing(h)) : undefined;
  return other;
}

/**
 * "'mammoth ivory' carvings … Can I fly home to Vancouver with one?": the list of banned exports matched on "legal" and the
 * direction only, while the thing named has its own entry of the same topic close behind. The thing's entry answers.
 */
function thingOverBan(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  if (!best || !best.matchedConcepts.includes(PROHIBITED) || !best.matchedConcepts.every((c) => c === PROHIBITED || GENERIC_CONCEPTS.has(c) || DIRECTION_CONCEPTS.has(c))) return best;
  const topic = ctx.entries.get(best.entryId)?.topic;
  const thing = r.hits.find((h) => h !== best && ctx.entries.get(h.entryId)?.topic === topic && h.score >= Math.max(ctx.options.minScore, best.score * CLOSE_SECOND) && h.matchedConcepts.some((c) => c !== PROHIBITED && !GENERIC_CONCEPTS.has(c) && !DIRECTION_CONCEPTS.has(c) && r.topical.includes(c)));
  return thing ?? best;
}

/** Concepts of a matter that is customs' whatever other party the message names (knowledge/lang concepts). */
const CUSTOMS_MATTERS: ReadonlySet<string> = new Set(['left_in_china']);
/** The message names a matter that is customs' whatever other party it names (leaving one's things in China on a transit). */
const namesCustomsMatter = (r: Reading) => r.topical.some((c) => CUSTOMS_MATTERS.has(c));

/**
 * "用240小时过境免签出机场 身上带的东西要走海关申报吗": visa words make the border entry the top hit,
 * but the question is about customs. When the message says customs and an entry of our own
 * matches one of its specific topics (transit), that entry answers, not the department.
 */
function customsOverDepartment(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const { options } = ctx;
  // (…or names a matter that is customs' whatever party it mentions: leaving one's things in China on a visa-free transit)
  const saysCustoms = ctx.resources.customs.match(r.prepared).size > 0 || namesCustomsMatter(r);
  // "у меня в аэропорту телефон спёрли", "背包里的手机没了 应该是被扒了": a thing stolen or lost is the other
  // party's matter, not the thing's customs rule, unless the message speaks of customs
  // …and a theft or a fight is the police's wherever it happens ("a guy just punched someone at baggage claim")
  if (best && (!DEPARTMENT_ENTRY[best.entryId] || !best.matchedConcepts.some((c) => MATTERS_OF_OTHERS.has(c))) && !saysCustoms) {
    const party = r.hits.find((h) => DEPARTMENT_ENTRY[h.entryId] && h.score >= options.minScore && h.matchedConcepts.some((c) => MATTERS_OF_OTHERS.has(c) && r.topical.includes(c)));
    if (party) return party;
  }
  if (!best || !DEPARTMENT_ENTRY[best.entryId]) return best;
  // (a fight or a theft is the police's wherever it happens: "安检口那边有人打起来了" is no question for airport security)
  if (DEPARTMENT_ENTRY[best.entryId] !== POLICE && r.topical.includes(POLICE)) {
    const police = r.hits.find((h) => DEPARTMENT_ENTRY[h.entryId] === POLICE && h.score >= options.minScore);
    if (police) return police;
  }
  // …and so does one that names no other party's matter at all ("mangos from thailand in hand luggage problem?")
  // (as does a matter that is theirs whatever it is about: "my bag with all my insulin didn't arrive")
  if (!saysCustoms && (r.topical.some((c) => DEPARTMENT_CONCEPTS.has(c)) || best.matchedConcepts.some((c) => MATTERS_OF_OTHERS.has(c)))) return best;
  const specific = (c: string) => !GENERIC_CONCEPTS.has(c) && !DEPARTMENT_CONCEPTS.has(c);
  // (the entry of a customs matter named answers however low its words score beside the other party's: "能把一箱东西留在我家不带走吗")
  const own = r.hits.find((h) => !DEPARTMENT_ENTRY[h.entryId] && (h.score >= options.minScore || namesCustomsMatter(r)) && h.matchedConcepts.some((c) => specific(c) && r.topical.includes(c)));
  return own ?? best;
}

/** Keeping goods over an allowance or sending them back: each has its own entry, whatever the goods ("throw it away" is also said of prohibited things, so abandoning is not one of them). */
const PROCEDURE_CONCEPTS: ReadonlySet<string> = new Set(['storage', 'return_shipment', 'airside']);
/** An aspect with an entry of its own when asked of goods within an allowance: giving them up, carrying them through in transit ("5 hr layover, do i go thru customs with my duty free whisky"). */
const GOODS_ASPECT_CONCEPTS: ReadonlySet<string> = new Set(['abandon', 'transit']);
const STORAGE = 'storage';
const ABANDON = 'abandon';
/** The facet of customs refusing a thing ("if it isn't allowed", "不让进", «если не пропустят»). */
const REFUSED = 'refused';
/** The facet of collecting things again later ("на обратном пути забрать", "pick them up on my way out"). */
const COLLECT_LATER = 'collect_later';
/** Topics of the allowances and their tax, whose entries mention those aspects only in passing. */
const GOODS_TOPICS: ReadonlySet<string> = new Set(['allowance', 'tax', 'tobacco', 'alcohol']);

/**
 * "超出的酒能不能先存在海关 回程再拿", "can customs hold my extra whisky until my flight out":
 * the question is the procedure, the drink only what it is done with. When the message names a
 * procedure and the best hit is a thing's entry (which mentions the procedure in a detail), the
 * procedure's own entry answers, if it matched well enough.
 */
function procedureOverThing(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // giving things up is asked of allowances and their tax ("can i just give the extra bottle up");
  // of a banned thing, "throw it away" is that thing's question
  // (things for others in numbers, "6 iPads for her phone shop", "10 iphones, they'll pay me back": whether that is still personal use)
  const severalOfOne = (r.list?.items ?? []).some((i) => i.type === 'goods' && (i.quantity ?? 1) >= SEVERAL_OF_ONE && (i.unit === undefined || i.unit === 'piece' || i.unit === 'pack'));
  // (…unless customs refusing it is the premise: "if customs says grandma's salami isn't allowed, can she just hand it over?", «если не пропустят, можно отказаться?»)
  const refusedThenGivenUp = (c: string) => c === ABANDON && r.focus.has(REFUSED);
  const aspects = r.topical.filter((c) => PROCEDURE_CONCEPTS.has(c) || refusedThenGivenUp(c) || ((GOODS_ASPECT_CONCEPTS.has(c) || (c === BUY_FOR_OTHERS && severalOfOne)) && top !== undefined && GOODS_TOPICS.has(top.topic)));
  // (handing things over to get them back on the way out is storing them, not giving them up: «сдать на хранение, а на обратном пути забрать»)
  const storing = r.topical.includes(STORAGE) && r.topical.includes(ABANDON) && r.focus.has(COLLECT_LATER);
  const asked = storing ? aspects.filter((c) => c !== ABANDON) : aspects;
  const answers = (tags: readonly string[]) => tags.some((t) => asked.includes(t)) && !(storing && tags.includes(ABANDON));
  if (!best || asked.length === 0 || (top && answers(top.tags))) return best;
  const own = r.hits.find((h) => h.score >= ctx.options.minScore && answers(ctx.entries.get(h.entryId)?.tags ?? []));
  return own ?? best;
}

/** Topics of the things with allowances counted in pieces or litres. */
const COUNTED_TOPICS: ReadonlySet<string> = new Set(['alcohol', 'tobacco']);
/** Topics of entries about food and animals that quarantine may ban, whatever their value. */
const RESTRICTED_TOPICS: ReadonlySet<string> = new Set(['food', 'pets']);
/** Concepts of whom things are for, not what they are. */
const PURPOSE_CONCEPTS: ReadonlySet<string> = new Set(['buy_for_others', 'gift']);
const VALUE_ALLOWANCE = 'value_allowance';
/** The entries that list what to declare in general, which name many things in passing. */
const OVERVIEW_ENTRIES: ReadonlySet<string> = new Set(['what-to-declare-inbound', 'what-to-declare-outbound']);
/** The concept of asking which things (the overview's own question). */
const WHICH_THINGS = 'which_things';
/** Drugs banned outright, and medicines controlled but allowed with papers. */
const NARCOTICS = 'narcotics';
const CONTROLLED_DRUGS = 'controlled_drugs';
/** How close to the best hit a restricted thing's entry must score to take its place. */
const CLOSE_SECOND = 0.5;
/** Topics of entries about a kind of goods (gold jewellery, antiques, things taken out) that a banned material (ivory, musk) can be in. */
const GOODS_CLASS_TOPICS: ReadonlySet<string> = new Set(['gold', 'relics', 'outbound']);
const PROHIBITED_TOPIC = 'prohibited';
const MEDICINES_TOPIC = 'medicines';
const ENDANGERED = 'endangered';
/** Prohibited things no one brings as equipment of their own, whatever they call it (knowledge/lang concepts). */
const NEVER_OWN_EQUIPMENT: ReadonlySet<string> = new Set(['weapons', 'narcotics', 'endangered', 'ivory']);
/** Topics of the value allowance and its tax, which any gift or purchase touches. */
const ALLOWANCE_TOPICS: ReadonlySet<string> = new Set(['allowance', 'tax']);

/** The concept of a penalty (knowledge/lang concepts), and the entry of what follows not declaring. */
const PENALTY = 'penalty';
const PENALTY_ENTRY = 'penalties-not-declaring';

/**
 * "What happens if my father-in-law just walks through green with 8 bottles of wine and gets caught?": the drink
 * makes its allowance the top hit, but what is asked is the penalty. With the penalty named in a supposition and its
 * entry found, that entry answers.
 */
function penaltyOverAllowance(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  // (a supposition, "what happens if … gets caught", «что будет, если не задекларирует»: a case told now, «у туриста 6 блоков, что ему грозит», is checked)
  if (!best || !r.hearsay || !r.topical.includes(PENALTY) || !COUNTED_TOPICS.has(ctx.entries.get(best.entryId)?.topic ?? '')) return best;
  return r.hits.find((h) => h.entryId === PENALTY_ENTRY && h.score >= ctx.options.minScore && h.matchedConcepts.includes(PENALTY)) ?? best;
}

/**
 * "2 tins black caviar from moscow duty free, gift for my boss": "duty free" and "gift" make the
 * value allowance the top hit, but a thing that may be banned decides what the traveller must
 * know. When the message names such a thing (a tag of a restricted entry that matched), that
 * entry answers instead of the allowance's.
 */
function restrictedOverAllowance(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (a medicine made of a protected animal, "片仔癀…里面有麝香", is the protected species' rule before a medicine's)
  if (best && top?.topic === MEDICINES_TOPIC && r.topical.includes(ENDANGERED)) return entryInstead(best, r, ctx, (e) => e.tags.includes(ENDANGERED));
  // (a drug banned outright, named with no controlled medicine, "大麻软糖", "CBD oil … legal in Colorado", is the prohibited list, not a prescription's rule)
  if (best && top?.topic === MEDICINES_TOPIC && r.topical.includes(NARCOTICS) && !r.topical.includes(CONTROLLED_DRUGS)) return entryInstead(best, r, ctx, (e) => e.topic === PROHIBITED_TOPIC && e.tags.includes(NARCOTICS));
  // (a thing named with "what must I declare" is that thing's question: "出境带了六台对讲机 要申报吗" is the radios' rule, not the list of what to declare)
  // (one thing, and not asked which things: "what kinds of things do I have to declare" is the list's question; tea samples in a story of a trade fair are no one thing)
  const things = r.topical.filter((c) => !GENERIC_CONCEPTS.has(c) && !DIRECTION_CONCEPTS.has(c) && !CATEGORY_CONCEPTS.has(c) && !WHAT_IS_DONE.has(c));
  const one = things.length === 1 && !r.topical.includes(WHICH_THINGS) ? things[0] : undefined;
  if (best && one && OVERVIEW_ENTRIES.has(best.entryId)) {
    const thing = (h: Hit) => h !== best && h.score >= Math.max(ctx.options.minScore, best.score * CLOSE_SECOND) && (ctx.entries.get(h.entryId)?.tags ?? []).includes(one);
    return r.hits.find(thing) ?? best;
  }
  if (!best || !top || !(ALLOWANCE_TOPICS.has(top.topic) || GOODS_CLASS_TOPICS.has(top.topic) || top.topic === EQUIPMENT_TOPIC)) return best;
  // (an errand paid for, "同学让我帮忙带20罐奶粉，她给我钱，行不行", asks about the errand: things for others are no personal use)
  if (r.commercial && top.tags.some((t) => PURPOSE_CONCEPTS.has(t))) return best;
  const named = (h: Hit) => {
    const e = ctx.entries.get(h.entryId);
    // (a close second: "Apple Store" names no fruit, and its fruit hit is weak)
    // (what the thing is made of outweighs its kind: "象牙手镯" is ivory before it is jewellery)
    // (a purpose alone is no rival for the thing: "apples from my grandma's garden for my friend" are fruit, whoever they are for)
    // (nor is the allowance a gift speaks of: "grapes are a classic gift - can I carry a box to my colleague?" is fruit)
    const close = best.matchedConcepts.every((c) => PURPOSE_CONCEPTS.has(c) || c === VALUE_ALLOWANCE) ? ctx.options.minScore : Math.max(ctx.options.minScore, best.score * CLOSE_SECOND);
    // (and one's own things include no weapons: "my own hunting rifle and ammo" is the prohibited list, not equipment taken along)
    const ownWeapon = top.topic === EQUIPMENT_TOPIC && e?.topic === PROHIBITED_TOPIC && e.tags.some((t) => NEVER_OWN_EQUIPMENT.has(t) && r.topical.includes(t));
    if (top.topic === EQUIPMENT_TOPIC) return ownWeapon && h.score >= close;
    return e !== undefined && (RESTRICTED_TOPICS.has(e.topic) || (GOODS_CLASS_TOPICS.has(top.topic) && e.topic === PROHIBITED_TOPIC)) && e.tags.some((t) => !GENERIC_CONCEPTS.has(t) && !DIRECTION_CONCEPTS.has(t) && r.topical.includes(t)) && h.score >= close;
  };
  return r.hits.find(named) ?? best;
}

/**
 * Entries a question about the value allowance may land on: the allowance (5,000 / 2,000), the tax on
 * its excess, and the personal-use principle a bare "免税额度" also finds.
 */
const ALLOWANCE_QUESTION_ENTRIES: ReadonlySet<string> = new Set(['value-allowance', 'tax-on-excess', 'personal-use-principle']);
/** The entry of the allowance of a mainland resident arriving from Hong Kong or Macao (12,000). */
const HK_MACAO_ALLOWANCE = 'hk-macao-allowance';
/** The frequent travellers' entry, and the allowances it gives figures of its own for. */
const FREQUENT_TRAVELLERS = 'frequent-travellers';
const FREQUENT_RULE_TOPICS: ReadonlySet<string> = new Set(['tobacco-allowance', 'ecigarettes-allowance']);
/** The allowance frequent travellers have a rule of their own for whose figure is not published (alcohol's entry speaks of them itself). */
const FREQUENT_OWN_UNSURE: ReadonlySet<string> = new Set(['value-allowance']);

/**
 * "深圳户口 周末去香港扫货 额度是1.2万对吧？超了多少要报": a mainland resident arriving from Hong Kong or
 * Macao has an allowance of their own, so the value allowance's or its tax's figure would be the wrong
 * one for them: that allowance's entry answers, if it matched.
 */
function ownAllowance(r: Reading, state: ConversationState, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const route = r.category.route ?? state.route;
  const residency = r.category.residency ?? state.residency;
  // "每周都跑绥芬河 烟还能带多少", «мотаюсь через Хэйхэ каждую неделю, сколько сигарет?»: a traveller who says in this
  // message that they cross often asks their own rule, the frequent travellers' (its tobacco and e-cigarette figures)
  // …when it asks whether, or how, that differs from the usual ("is there a new 15 day rule?", "是不是少很多", «урезали?»);
  // "how many can I bring" alone is the tobacco allowance's question, at the frequent figure
  const frequent = r.category.route === 'frequent' || r.topical.includes('frequent');
  if (best && FREQUENT_RULE_TOPICS.has(best.entryId) && frequent && r.focus.has(DIFFERS) && ctx.entries.has(FREQUENT_TRAVELLERS)) return r.hits.find((h) => h.entryId === FREQUENT_TRAVELLERS) ?? { ...best, entryId: FREQUENT_TRAVELLERS };
  // "I cross at Suifenhe every week. Is my value allowance still 5000?": their value allowance is the
  // frequent travellers' own (stricter, unconfirmed), so the everyday figure would be the wrong one for them
  if (best && FREQUENT_OWN_UNSURE.has(best.entryId) && r.category.route === 'frequent' && ctx.entries.has(FREQUENT_TRAVELLERS)) return r.hits.find((h) => h.entryId === FREQUENT_TRAVELLERS) ?? { ...best, entryId: FREQUENT_TRAVELLERS };
  if (!best || !ALLOWANCE_QUESTION_ENTRIES.has(best.entryId) || route !== 'hk_macao' || residency === 'non_resident') return best;
  return r.hits.find((h) => h.entryId === HK_MACAO_ALLOWANCE && h.score >= ctx.options.minScore) ?? best;
}

/** The concept of the part above the allowance, which the entry on how that part is taxed is about. */
const EXCESS = 'excess';
/** A single indivisible thing, a valuable kind of goods, and the rule that taxes such a thing in full. */
const SINGLE_ITEM = 'single_item';
const LUXURY = 'luxury';
const SINGLE_ITEM_RULE = 'single-item-rule';
/** Goods classes of things bought whole and valued whole (a bag, a watch, a camera). */
const INDIVISIBLE_KINDS: ReadonlySet<string> = new Set(['bags', 'watch', 'electronics', 'jewellery', 'gold_jewellery']);

/**
 * "whats the spending cap before I owe tax", «какой потолок по покупкам, чтобы не платить пошлину»: the
 * allowance and tax words fit both the allowance and how the excess is taxed; a question that does not
 * speak of the part above the allowance asks the allowance. The entry about the excess answers only
 * when the message names it, or when the allowance's entry did not match as well in concepts.
 */
function allowanceOverExcess(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // "在日本买了个包超过了额度，是整个包的钱都要交税吗？", "a Rolex that costs way more than my allowance: only the amount over?":
  // whole value or only the excess, asked of one valuable thing, is the single-item rule
  const items = r.list?.items ?? [];
  const oneKind = items.length > 0 && items.every((i) => i.type === 'goods' && (i.quantity ?? 1) <= 1 && INDIVISIBLE_KINDS.has(i.kind ?? '')) && new Set(items.map((i) => i.kind)).size === 1;
  const oneThing = r.topical.includes(SINGLE_ITEM) || (r.topical.includes(LUXURY) && items.length <= 1) || oneKind;
  if (best && top?.tags.includes(EXCESS) && r.topical.includes(EXCESS) && oneThing && ctx.entries.has(SINGLE_ITEM_RULE)) return r.hits.find((h) => h.entryId === SINGLE_ITEM_RULE) ?? { ...best, entryId: SINGLE_ITEM_RULE };
  if (!best || !top || !top.tags.includes(EXCESS) || r.topical.includes(EXCESS)) return best;
  const plain = r.hits.find((h) => h !== best && h.score >= ctx.options.minScore && !(ctx.entries.get(h.entryId)?.tags.includes(EXCESS) ?? true) && best.matchedConcepts.every((c) => h.matchedConcepts.includes(c)) && ctx.entries.get(h.entryId)?.dependsOn === top.dependsOn);
  return plain ?? best;
}

/** Topic of the entries about the traveller's own equipment: brought in for the trip, or taken out and back. */
const EQUIPMENT_TOPIC = 'equipment';
/** The facet of things said to be the traveller's own ("my own laptop", «свои», "自己的", "not new"). */
const OWN = 'own';
/** The concept of professional or sports equipment (filming, instruments, a team's kit). */
const EQUIPMENT = 'equipment';

/** The message says nothing of buying and prices nothing: the things are the traveller's own. */
const boughtNothing = (r: Reading) => !(r.list?.bought ?? false) && !(r.list?.items.some((i) => i.value !== undefined) ?? false);

/** Concepts of asking which channel to take (knowledge/lang concepts). */
const CHANNEL_CONCEPTS: ReadonlySet<string> = new Set(['green_channel', 'red_channel']);
const CHANNELS_ENTRY = 'red-green-channels';

/**
 * "I only have clothes and my work laptop. which exit do I walk through at arrivals": one's own things,
 * nothing bought or priced, and the question is which channel. The channels' entry answers, not the
 * equipment's.
 */
function channelOverOwnThings(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (not equipment brought for a job: "commercial shoot … 2 camera bodies, 6 lenses, lights. Just walk through green?" is its own rule)
  if (!best || top?.topic !== EQUIPMENT_TOPIC || !boughtNothing(r) || r.topical.includes(EQUIPMENT) || !r.topical.some((c) => CHANNEL_CONCEPTS.has(c))) return best;
  return r.hits.find((h) => h.entryId === CHANNELS_ENTRY && h.score >= ctx.options.minScore) ?? best;
}

/**
 * "ноутбук и фотоаппарат свои везу на отдых, пошлину не возьмут?": the traveller's own camera or
 * laptop is no purchase. When a purchase's or the allowance's entry is the best hit but the message
 * names equipment it says is the traveller's own, the equipment entry of the trip's direction answers:
 * taken out and back for a resident or a trip out of China, brought in for the trip for anyone else.
 */
function ownEquipment(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (a visitor who brings a camera and buys nothing: "photographer from spain, coming with 2 camera bodies and laptop")
  const visitorsOwn = r.category.residency === 'non_resident' && boughtNothing(r);
  // (and a laptop taken out of China is the traveller's own: «лечу в отпуск с ноутбуком, оформлять на выезде?»)
  const leaving = [...r.topical, ...r.weak].includes(OUTBOUND);
  const out = leaving || r.category.residency === 'resident';
  // (and a resident taking equipment abroad who asks about the way back: «я живу в Китае, лечу в Таиланд с фотоаппаратом … на обратном пути»)
  const residentsBack = r.category.residency === 'resident' && r.focus.has(COLLECT_LATER) && !(r.list?.bought ?? false);
  // (and professional equipment brought for a job, bought nowhere: «приеду снимать фестиваль с профессиональной камерой и светом»)
  const forWork = r.topical.includes(EQUIPMENT) && boughtNothing(r);
  // (a resident's own equipment is the outbound entry even where the words found the visitors' one: "Harbin-based photographer heading to
  // Hokkaido with a Sony A1 … not taxed on my own gear when I come back")
  const equipment = [...ctx.entries.values()].filter((e) => e.topic === EQUIPMENT_TOPIC);
  const hitOn = (entry: KnowledgeEntry, from: Hit) => r.hits.find((h) => h.entryId === entry.id) ?? { ...from, entryId: entry.id };
  if (best && top && top.topic === EQUIPMENT_TOPIC && top.direction === 'inbound' && r.category.residency === 'resident' && !(r.list?.bought ?? false)) {
    const outbound = equipment.find((e) => e.direction === 'outbound');
    if (outbound) return hitOn(outbound, best);
  }
  if (!best || !top || !ALLOWANCE_TOPICS.has(top.topic) || !(r.focus.has(OWN) || visitorsOwn || leaving || residentsBack || forWork)) return best;
  // (the thing both entries are about, named: a camera or a laptop, not "личные вещи" of a move or a tax question)
  // (leaving China, the thing need only be named: "off to Hokkaido skiing with my Sony camera worth about 15,000 RMB" is no purchase's single-item rule)
  if (!equipment.some((e) => e.tags.some((t) => !GENERIC_CONCEPTS.has(t) && !DIRECTION_CONCEPTS.has(t) && ((leaving && top.tags.includes(SINGLE_ITEM)) || top.tags.includes(t)) && r.topical.includes(t)))) return best;
  const entry = equipment.find((e) => e.direction === (out ? 'outbound' : 'inbound'));
  return entry ? hitOn(entry, best) : best;
}
const OUTBOUND = 'outbound';

/**
 * "有居留证件，想把台北家里的书、电脑、衣物寄过来", "moving to Harbin on a 3-year contract, shipping 8 boxes": the
 * things of a move to China are the long-stay rule's question (first shipment duty-free on application),
 * not each thing's allowance or the equipment taken out and back.
 */
function moveOverThings(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  if (!best || !top || !r.topical.includes(LONG_STAY) || top.requires.includes(LONG_STAY)) return best;
  // (one's camera taken on a trip by an expat is still the equipment rule; things sent over are the move's)
  if (!ALLOWANCE_TOPICS.has(top.topic) && !(top.topic === EQUIPMENT_TOPIC && r.topical.includes(POST_CONCEPT))) return best;
  // (and only things named or sent: an expat asking about the arrival duty-free shop asks about the shop)
  if (!r.topical.includes(POST_CONCEPT) && !(r.list?.items.length ?? 0)) return best;
  return entryInstead(best, r, ctx, (e) => e.requires.includes(LONG_STAY));
}
const LONG_STAY = 'long_stay';

/**
 * «Тёща просит привезти из Китая семена… В Россию это вообще можно?»: a question about bringing things into Russia
 * is Russia's rules, not China's rules for bringing the same things in.
 */
function russiaOverChina(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (China's rules for taking things out, a vase or musk pills bound for Russia, stay China's: only its rules for bringing things in give way)
  if (!best || !top || !r.topical.includes(RUSSIA_RETURN) || top.requires.includes(RUSSIA_RETURN) || top.direction !== 'inbound') return best;
  // (only things leaving China for Russia, or money leaving Russia: not things sent back to Russia by customs, nor one's own taken home again)
  if (!RUSSIA_BOUND.some((c) => r.topical.includes(c)) || NOT_RUSSIA_BOUND.some((c) => r.topical.includes(c))) return best;
  return entryInstead(best, r, ctx, (e) => e.requires.includes(RUSSIA_RETURN));
}
const RUSSIA_RETURN = 'russia_return';
const RUSSIA_BOUND: readonly string[] = ['outbound', 'foreign_currency', 'cash'];
const NOT_RUSSIA_BOUND: readonly string[] = ['return_shipment', 'temporary_import'];
const POST_CONCEPT = 'post';

/**
 * Things bought on someone's request and asked "is this still personal use?" («闺蜜们让我帮带8支同款口红 这算自用吗»,
 * "a friend asked me to bring 10 of the same cream, is that personal use?"), or paid back for: the errand's entry answers, not the principle or the allowance alone.
 */
function errandOverOwnUse(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (not for a banned thing: "cannabis gummies legal in Toronto, for personal use?" is the ban's question)
  // (…and an errand paid back asked "ok?": "colleagues asked me to bring back 8 bottles of perfume, they'll pay me back" is the errand's, not a priced thing's allowance)
  const aboutIt = top?.tags.includes(PERSONAL_USE) || (r.commercial && top?.tags.includes(VALUE_ALLOWANCE));
  if (!best || !top || !r.topical.includes(BUY_FOR_OTHERS) || !aboutIt || r.topical.includes(PROHIBITED)) return best;
  const errand = r.hits.find((h) => h.score >= ctx.options.minScore && (ctx.entries.get(h.entryId)?.tags ?? []).includes(BUY_FOR_OTHERS));
  return errand ? { ...errand, score: Math.max(errand.score, best.score) } : best;
}
const PERSONAL_USE = 'personal_use';

/**
 * Whether to own up to a banned thing one carries («нож-бабочка в чемодане — признаться?», "salami in my
 * carry-on, declare it or bin it?"): the entry on declaring banned things, tagged both, answers it, not
 * the thing's ban alone.
 */
function ownUpBanned(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  // (a ban that is certain: dried sea cucumber or caviar, allowed in some forms, is its own entry's question)
  // (and one thing carried, not a counted list: "16 gift boxes of bak kwa, anything to declare?" is the check's and the meat rule's)
  if (!best || !top || !r.asks || top.unsure || listsThings(r) || !r.topical.includes(DECLARE) || !top.tags.includes(PROHIBITED) || top.tags.includes(DECLARE)) return best;
  const entry = [...ctx.entries.values()].find((e) => e.tags.includes(PROHIBITED) && e.tags.includes(DECLARE));
  return entry ? { ...best, entryId: entry.id } : best;
}
const DECLARE = 'declare';
const PROHIBITED = 'prohibited';

/**
 * The entry that holds the detail asked ("my grandson is 17, does he fill in the form?" asks the
 * declaration age, a detail of the channels entry): when the best entry has no detail on an aspect
 * the question asks and exactly one other entry of its topic, about everything the hit matched, has
 * one, that entry answers.
 */
function aspectOverTopic(r: Reading, best: Hit | undefined, ctx: DecideContext): Hit | undefined {
  const top = best ? ctx.entries.get(best.entryId) : undefined;
  const holds = (e: KnowledgeEntry) => e.facets.some((fs) => !fs.includes('key') && fs.some((f) => ASPECT_OVER.includes(f) && r.focus.has(f)));
  if (!best || !top || !ASPECT_TOPICS.includes(top.topic) || r.focus.has(AMOUNT) || holds(top)) return best;
  // (an entry of the same topic, about everything the best hit matched: the declaration form is the declaration's)
  const about = (e: KnowledgeEntry) => best.matchedConcepts.every((c) => e.tags.includes(c) || ASPECT_KIN[c] === e.topic);
  const others = [...ctx.entries.values()].filter((e) => e.id !== top.id && e.topic === top.topic && about(e) && holds(e));
  const other = others.length === 1 ? others[0] : undefined;
  return other ? { ...best, entryId: other.id } : best;
}
/** Concepts that name the subject of an entry's topic without being its tag: the declaration form is the declaration's. */
const ASPECT_KIN: Readonly<Record<string, string>> = { declaration_form: 'declaration' };
/** Topics whose entries share one procedure's details between them (how to declare, which channel): an allowance's kids are its own question. */
const ASPECT_TOPICS: readonly string[] = ['declaration'];
/** Aspects whose detail decides the entry: who the rule covers by age. */
const ASPECT_OVER: readonly string[] = ['minor'];

/**
 * The first hit on an entry the message is really about (`wanted`), in place of `best`, and as sure as the
 * reading it replaces: the same things, seen as what they are (a move, Russia's rules, a protected animal).
 * `best` when no hit is on such an entry.
 */
function entryInstead(best: Hit, r: Reading, ctx: DecideContext, wanted: (e: KnowledgeEntry) => boolean): Hit {
  const other = r.hits.find((h) => {
    const e = ctx.entries.get(h.entryId);
    return e !== undefined && wanted(e);
  });
  return other ? { ...other, score: Math.max(other.score ?? 0, best.score ?? 0) } : best;
}

function isDepartment(intent: string): intent is Department {
  return intent === 'border' || intent === 'airline' || intent === 'airport' || intent === 'police';
}

/** The category an entry needs, if the conversation knows it. */
function categoryFor(entry: KnowledgeEntry, state: ConversationState): TravellerCategory | undefined {
  if (entry.dependsOn === 'route') return state.route;
  if (entry.dependsOn === 'residency') return state.residency;
  return undefined;
}

/**
 * Reads the reply to a clarifying question: a category cue, or yes/no. For the route
 * question "no" means an ordinary traveller and a bare "yes" (HK/Macao or frequent?) gets
 * every variant; for the residency question "yes" means resident, "no" non-resident.
 */
function resolveClarification(entry: KnowledgeEntry, state: ConversationState, answers: ReadonlySet<'yes' | 'no'>): TravellerCategory | 'all' | undefined {
  const known = categoryFor(entry, state);
  if (known) return known;
  if (entry.dependsOn === 'route') {
    if (answers.has('no')) return 'ordinary';
    if (answers.has('yes')) return 'all';
  }
  if (entry.dependsOn === 'residency') {
    // "no" first: Chinese negatives contain the yes-word ("不是的" contains "是的").
    if (answers.has('no')) return 'non_resident';
    if (answers.has('yes')) return 'resident';
  }
  return undefined;
}
