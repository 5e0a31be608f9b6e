import type { PlacesFile } from '../knowledge/places';
import { LANGUAGES } from '../knowledge/schema';
import { prepareText, type CategoryCue, type PreparedText } from '../text';

type Frame = 'residence' | 'citizen' | 'arrival' | 'settled' | 'visit' | 'othersLive';
/** Places and frames of all three languages, prepared like messages (scripts do not overlap). */
export type Gazetteer = { frames: { needle: string; frame: Frame }[]; china: string[]; abroad: string[]; after: string[]; livesAfter: string[]; settledAfter: string[]; settledLater: string[]; homeAfter: string[]; familyVisitAfter: string[]; connection: string[]; connectionAfter: string[]; returnLater: string[]; departure: string[]; departureVeto: string[]; visitPurpose: string[]; homecoming: string[]; travel: string[]; /** china and abroad by their first character, for placeAt (it runs at every frame phrase). */ startingWith: Map<string, { china: string[]; abroad: string[] }>; negations: string[]; pronouns: string[]; purchase: string[]; purchaseAfter: string[]; hkMacao: string[]; routeJoin: string[] };

const HAN = /\p{Script=Han}/u;
const prepared = (phrase: string) => prepareText(phrase).spaced.trim();

/** Builds the look-up lists once per knowledge base. */
export function buildGazetteer(file: PlacesFile): Gazetteer {
  // (every language's phrases of one kind, prepared like messages)
  const all = (k: Exclude<keyof PlacesFile, 'schemaVersion'>) => LANGUAGES.flatMap((l) => file[k][l]).map(prepared).filter(Boolean);
  // (Latin and Cyrillic phrases that must start a word: " bought in ", " visiting")
  const atWordStart = (phrases: string[], end = '') => phrases.map((p) => (HAN.test(p) ? p : ` ${p}${end}`));
  const frames = (['residence', 'citizen', 'arrival', 'settled', 'visit', 'othersLive'] as const).flatMap((frame) => all(frame).map((p) => ({ needle: HAN.test(p) ? p : ` ${p} `, frame })));
  const china = all('china');
  const abroad = [...all('abroad'), ...all('taiwan')];
  const startingWith = new Map<string, { china: string[]; abroad: string[] }>();
  for (const [kind, places] of [['china', china], ['abroad', abroad]] as const) {
    for (const place of places) {
      const first = place[0] ?? '';
      const bucket = startingWith.get(first) ?? { china: [], abroad: [] };
      bucket[kind].push(place);
      startingWith.set(first, bucket);
    }
  }
  return {
    frames,
    china,
    abroad,
    startingWith,
    after: all('arrivalAfter'),
    livesAfter: all('residenceAfter'),
    settledAfter: all('settledAfter'),
    settledLater: all('settledLater'),
    homeAfter: all('homeAfter'),
    familyVisitAfter: all('familyVisitAfter'),
    connection: all('connection'),
    connectionAfter: all('connectionAfter'),
    returnLater: all('returnLater'),
    departure: all('departure'),
    departureVeto: atWordStart(all('departureVeto')),
    // (Latin and Cyrillic phrases match at the start of a word: "visiting", «партнер» in «партнерам»)
    visitPurpose: atWordStart(all('visitPurpose')),
    homecoming: atWordStart(all('homecoming')),
    travel: atWordStart(all('travel')),
    negations: all('negations'),
    pronouns: all('pronouns'),
    purchase: atWordStart(all('purchase'), ' '),
    purchaseAfter: all('purchaseAfter'),
    hkMacao: all('hkMacao'),
    routeJoin: all('routeJoin'),
  };
}

/** The mainland and foreign places a message names, found once per message (every look-up below reads them). */
function placesNamed(text: PreparedText, g: Gazetteer): { china: string[]; abroad: string[] } {
  const cached = NAMED.get(text);
  if (cached && cached.gazetteer === g) return cached;
  const s = text.spaced;
  const named = { gazetteer: g, china: g.china.filter((p) => s.includes(p)), abroad: g.abroad.filter((p) => s.includes(p)) };
  NAMED.set(text, named);
  return named;
}
const NAMED = new WeakMap<PreparedText, { gazetteer: Gazetteer; china: string[]; abroad: string[] }>();

/** How far after a word of buying its place may come ("bought a silk carpet in Harbin"). */
const PURCHASE_WINDOW_CHARS = 40;

/**
 * True when the message says things were bought in mainland China ("bought a carpet in Harbin",
 * «купили куртки в Харбине», "在哈尔滨买的"): no import, so no allowance or tax estimate applies.
 * Chinese needs the place followed by a word of buying ("在哈尔滨买的"), since 在 alone says nothing.
 */
export function boughtInChina(text: PreparedText, gazetteer: Gazetteer): boolean {
  const s = text.spaced;
  // "bought in Harbin", and with the thing between: "bought a silk carpet in Harbin", «купили куртки в Харбине»
  const framed = gazetteer.purchase.some((needle) => {
    if (HAN.test(needle)) return false;
    const words = needle.trim().split(' ');
    const prep = ` ${words.pop() ?? ''} `;
    const verb = ` ${words.join(' ')} `;
    for (let at = s.indexOf(verb); at >= 0; at = s.indexOf(verb, at + 1)) {
      const window = s.slice(at, at + verb.length + PURCHASE_WINDOW_CHARS);
      // the first place named after the verb is where it was bought ("bought in HK, i live in shenzhen")
      for (let p = window.indexOf(prep); p >= 0; p = window.indexOf(prep, p + 1)) {
        // (a place abroad named before it is where it was bought: "shopping haul from Milan (I live in Suzhou)")
        if (placesNamed(text, gazetteer).abroad.some((a) => window.slice(0, p).includes(` ${a}`))) break;
        const place = placeAt(s, at + p + prep.length, gazetteer);
        if (place === 'china') return true;
        if (place === 'abroad' || gazetteer.hkMacao.some((h) => s.startsWith(h, at + p + prep.length))) break;
      }
    }
    return false;
  });
  // "在哈尔滨买的", not "比国内买便宜"
  const han = gazetteer.purchase.filter((n) => HAN.test(n));
  // (written together: "户口在中山 买了块表" says where the traveller is registered, then what was bought)
  // (only the mainland places the text names: the three-way look-up over all of them cost more than the rest of the reading of places)
  return framed || placesNamed(text, gazetteer).china.some((p) => HAN.test(p) && han.some((n) => gazetteer.purchaseAfter.some((w) => s.includes(n + p + w))));
}

/** Words that may stand between a frame and its place ("I live in the US", "живу в г. Москве"). */
const FILLERS = ['the ', 'city of ', 'г ', 'город ', 'городе '];

/**
 * Category cues from "where I live / where I am from / where I fly from", so the traveller is not
 * asked what the message says: a frame phrase directly followed by a place. Lives in a mainland
 * place → resident; lives in or is a citizen of a foreign country → non-resident; flies in from
 * abroad → ordinary route. Hong Kong and Macao are left to the category phrases.
 * @example findPlaceCues(prepareText('I live in Hangzhou'), g) // Set {'resident'}
 */
export function findPlaceCues(text: PreparedText, gazetteer: Gazetteer): Set<CategoryCue> {
  const cues = new Set<CategoryCue>();
  const s = text.spaced;
  let othersInChina = false;
  for (const { needle, frame } of gazetteer.frames) {
    for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
      // (a Chinese frame reaches no place past a clause's end: "广州户口，东京回来" is registered in Guangzhou, not Tokyo)
      if (HAN.test(needle) && s[at + needle.length] === ' ') continue;
      const place = placeAt(s, at + needle.length, gazetteer);
      // ("回哈尔滨看我爸妈": going back to a place to see family there says nothing of where one lives)
      if (place === 'china' && frame === 'residence' && visitsFamily(s, at + needle.length, gazetteer)) continue;
      if (place === 'china' && frame === 'residence') cues.add('resident');
      // (not a pronoun's, who is the one visited: «к сестре, она живёт в Харбине»)
      if (place === 'china' && frame === 'othersLive' && !gazetteer.pronouns.some((p) => s.slice(0, at).endsWith(` ${p}`))) othersInChina = true;
      if (place === 'china' && frame === 'settled' && !negatedBefore(s, at, gazetteer.negations)) cues.add('settled');
      // a visit to a mainland place ("business trip to harbin", «едем в Харбин»): the traveller lives elsewhere
      if (place === 'china' && frame === 'visit') cues.add('non_resident');
      if (place === 'abroad' && frame !== 'arrival' && frame !== 'visit') cues.add('non_resident');
      if (place === 'abroad' && frame === 'arrival') cues.add('ordinary');
    }
  }
  // («Мама живёт в Харбине, вернулась из Праги»: the traveller spoken of lives there, unless the message tells of visiting: «дочь живёт в Харбине, лечу к ней в гости»)
  if (othersInChina && !cues.has('non_resident')) cues.add('resident');
  // (the places the text names, found once for the look-ups after them)
  const { china, abroad } = placesNamed(text, gazetteer);
  if (!cues.has('ordinary') && (abroad.some((p) => followedBy(s, p, gazetteer.after) || returnsLater(s, p, gazetteer.returnLater)) || arrivesByRoute(s, { ...gazetteer, abroad }))) cues.add('ordinary');
  if (!cues.has('resident') && china.some((p) => followedBy(s, p, gazetteer.livesAfter))) cues.add('resident');
  // ("我是俄罗斯人，不过在哈尔滨工作生活六年了", "a Harbin-based expat": lives there now, whatever the passport)
  // (…and "在苏州住了七年", "嫁到延吉十年了", "在哈尔滨当外教三年了": years spent there, said a few characters on)
  if (china.some((p) => followedBy(s, p, gazetteer.settledAfter) || returnsLater(s, p, gazetteer.settledLater))) cues.add('settled');
  if (!cues.has('non_resident') && abroad.some((p) => followedBy(s, p, gazetteer.livesAfter))) cues.add('non_resident');
  // ("首尔回家": home from abroad, so home is in China and the trip comes from abroad)
  if (abroad.some((p) => followedBy(s, p, gazetteer.homeAfter))) {
    cues.add('ordinary');
    if (!cues.has('non_resident')) cues.add('resident');
  }
  return cues;
}

/**
 * True when the flight the message tells of connects abroad and nowhere in mainland China ("从古巴经莫斯科转机回哈尔滨",
 * "flying home via Istanbul", «летим через Москву»): the traveller changes planes before China, so no transit through
 * China is asked about.
 */
export function connectsAbroadOnly(text: PreparedText, gazetteer: Gazetteer): boolean {
  const s = ` ${text.spaced}`;
  let abroad = false;
  let china = false;
  const note = (place: 'china' | 'abroad' | undefined) => {
    if (place === 'abroad') abroad = true;
    if (place === 'china') china = true;
  };
  for (const phrase of gazetteer.connection) {
    const needle = HAN.test(phrase) ? phrase : ` ${phrase} `;
    for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) note(placeAt(s, at + needle.length, gazetteer));
  }
  for (const [where, places] of [['china', gazetteer.china], ['abroad', gazetteer.abroad]] as const) {
    if (places.some((p) => HAN.test(p) && followedBy(s, p, gazetteer.connectionAfter))) note(where);
  }
  return abroad && !china;
}

/**
 * True when the message says the traveller goes to a foreign place ("Живу в Суйфэньхэ. Еду в Уссурийск показать
 * образцы", "flying to Seoul with my camera", "去日本滑雪") and nothing of coming back, buying or entering China:
 * a trip out of China.
 */
export function departsAbroad(text: PreparedText, gazetteer: Gazetteer): boolean {
  const s = ` ${text.spaced}`;
  if (gazetteer.departureVeto.some((w) => s.includes(w))) return false;
  const { abroad } = placesNamed(text, gazetteer);
  return abroad.some((p) => gazetteer.departure.some((f) => (HAN.test(f) ? s.includes(f + p) : s.includes(` ${f} ${p}`))));
}

/**
 * True when a trip from abroad is a visit to China: the message says what the visit is for ("for a
 * trade fair", "gifts for my Chinese partners", «из Бишкека к партнёру в Харбин», "to ski") and
 * nothing of coming back. The caller asks it only of a trip from abroad whose traveller says nothing
 * of where they live (gifts "for my Chinese colleagues" alone leave it open, as blind writers read them): "Flying from Almaty to my friend's wedding in Harbin" is a visitor, while
 * «купила в Сеуле сумку, лечу в Харбин» and "back from visiting my parents in Moscow" say nothing.
 */
export function visitsChina(text: PreparedText, gazetteer: Gazetteer): boolean {
  const s = ` ${text.spaced}`;
  return gazetteer.visitPurpose.some((p) => s.includes(p)) && !gazetteer.homecoming.some((p) => s.includes(p));
}

/**
 * True when the message tells of a trip: a word of travelling, of coming back or of a visit's
 * purpose («летим к дочке на Новый год», "下周出发去日本", "flying out friday"). A place alone is not
 * one ("write me a poem about Harbin"). With no question and no topic it is the start of a
 * conversation, not a case.
 */
export function tellsOfTrip(text: PreparedText, gazetteer: Gazetteer): boolean {
  const s = ` ${text.spaced}`;
  const said = (phrases: string[]) => phrases.some((p) => s.includes(p));
  return said(gazetteer.travel) || said(gazetteer.homecoming) || said(gazetteer.visitPurpose);
}

/** How many words (foreign stops and route words) may stand between a foreign place and the mainland end of its route. */
const ROUTE_HOPS = 5;

/**
 * True when a foreign place is followed, through route words and other foreign places only, by a
 * mainland place: "seoul -> harbin", "havana - moscow - harbin", "东京飞哈尔滨", «Москва — Харбин».
 * The trip comes from abroad; Hong Kong and Macao are not foreign places, so they never start one.
 */
function arrivesByRoute(s: string, g: Gazetteer): boolean {
  for (const place of g.abroad) {
    for (let at = s.indexOf(place); at >= 0; at = s.indexOf(place, at + 1)) {
      if (!HAN.test(place) && s[at - 1] !== ' ') continue;
      let rest = pastWord(s.slice(at), place);
      for (let hop = 0; hop < ROUTE_HOPS && rest; hop++) {
        if (g.china.some((p) => rest.startsWith(p))) return true;
        const next = g.routeJoin.find((w) => rest.startsWith(HAN.test(w) ? w : `${w} `)) ?? g.abroad.find((p) => rest.startsWith(p));
        if (!next) break;
        rest = pastWord(rest, next);
      }
    }
  }
  return false;
}

/**
 * True when a route the message writes goes on abroad after a mainland place («Москва–Пекин–Сеул», "London - Harbin - Seoul"):
 * the traveller changes planes in China on the way elsewhere.
 */
export function routeOnwardAbroad(text: PreparedText, g: Gazetteer): boolean {
  const s = text.spaced;
  const { china, abroad } = placesNamed(text, g);
  for (const place of china) {
    for (let at = s.indexOf(place); at >= 0; at = s.indexOf(place, at + 1)) {
      if (!HAN.test(place) && s[at - 1] !== ' ') continue;
      // (only a place written between two others: something before it joins it, and a join then a foreign place follows)
      const before = s.slice(0, at).trimEnd();
      const lastWord = before.split(' ').at(-1) ?? '';
      if (!abroad.some((p) => before.endsWith(p) || lastWord.startsWith(p)) && !g.routeJoin.some((w) => before.endsWith(HAN.test(w) ? w : ` ${w}`))) continue;
      let rest = pastWord(s.slice(at), place);
      const join = g.routeJoin.find((w) => rest.startsWith(HAN.test(w) ? w : `${w} `));
      if (join) rest = pastWord(rest, join);
      if (abroad.some((p) => rest.startsWith(p))) return true;
    }
  }
  return false;
}

/** The text after `word` at its start: a Chinese word ends where it ends, a stem at the end of its word ("москв" in "москва"). */
function pastWord(text: string, word: string): string {
  if (HAN.test(word)) return text.slice(word.length).trimStart();
  const end = text.indexOf(' ', word.length);
  return end < 0 ? '' : text.slice(end).trimStart();
}

/** True when a denial stands right before position `at` ("i don t live in", "不住在", "не живу в"). */
function negatedBefore(s: string, at: number, negations: readonly string[]): boolean {
  const before = s.slice(Math.max(0, at - 12), at + 1);
  return negations.some((n) => (/\p{Script=Han}/u.test(n) ? before.endsWith(n) || s.slice(at, at + n.length) === n : before.endsWith(` ${n} `) || before.endsWith(` ${n}`)));
}

/** True when `place` occurs directly followed by one of `words` ("日本" + "买"). */
/**
 * A Chinese place and, later in its clause (a few characters on, no punctuation between), one of `words`:
 * a word of coming back ("北海道滑雪回来", "东京玩了十天回来": the trip comes from there) or of years lived
 * there ("在苏州住了七年").
 */
function returnsLater(s: string, place: string, words: readonly string[]): boolean {
  if (!HAN.test(place)) return false;
  for (let at = s.indexOf(place); at >= 0; at = s.indexOf(place, at + 1)) {
    const clause = s.slice(at + place.length, at + place.length + RETURN_REACH_CHARS).split(' ')[0] ?? '';
    if (words.some((w) => clause.includes(w))) return true;
  }
  return false;
}
/** How far after a place a word of coming back still tells of that trip (characters, within one clause). */
const RETURN_REACH_CHARS = 10;

function followedBy(s: string, place: string, words: readonly string[]): boolean {
  for (let at = s.indexOf(place); at >= 0; at = s.indexOf(place, at + 1)) {
    // (a stem's word ends where the word does: "алмат" in "алматы живу там")
    const end = HAN.test(place) ? at + place.length : wordEnd(s, at + place.length);
    const rest = s.slice(end, end + 24).trimStart();
    if (words.some((w) => rest.startsWith(w))) return true;
  }
  return false;
}

/** True when the mainland place at `from` is followed by words of visiting family there. */
function visitsFamily(s: string, from: number, g: Gazetteer): boolean {
  const rest = s.slice(from, from + 40).trimStart();
  const place = (g.startingWith.get(rest[0] ?? '')?.china ?? []).filter((p) => rest.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (place === undefined) return false;
  const after = rest.slice(place.length).trimStart();
  return g.familyVisitAfter.some((w) => after.startsWith(w));
}

/** Where the word running at `from` ends. */
function wordEnd(s: string, from: number): number {
  const space = s.indexOf(' ', from);
  return space < 0 ? s.length : space;
}

function placeAt(s: string, from: number, g: Gazetteer): 'china' | 'abroad' | undefined {
  const rest = s.slice(from, from + 40).trimStart();
  // the place as written first ("the us" is a place), then without a filler ("the" + "harbin")
  const filler = FILLERS.find((f) => rest.startsWith(f));
  for (const candidate of filler ? [rest, rest.slice(filler.length)] : [rest]) {
    const bucket = g.startingWith.get(candidate[0] ?? '');
    if (bucket?.china.some((p) => candidate.startsWith(p))) return 'china';
    if (bucket?.abroad.some((p) => candidate.startsWith(p))) return 'abroad';
  }
  return undefined;
}
