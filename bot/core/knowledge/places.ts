import { z } from 'zod';

const list = z.array(z.string().min(1)).min(1);
const perLanguage = z.object({ zh: list, en: list, ru: list }).strict();

/** knowledge/lang/places.yaml: mainland and foreign places, and the phrases that come before them. */
export const PlacesFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    china: perLanguage,
    abroad: perLanguage,
    /** Taiwan: outside the mainland's customs territory, so read like \`abroad\` (lives there: non-resident; comes from there: ordinary route). */
    taiwan: perLanguage,
    /** "I live in", "住在", "живу в": the traveller lives at the place that follows. */
    residence: perLanguage,
    /** Of those, the phrases that say where the traveller lives now ("I live in", "住在", "живу в"), not where they come from. */
    settled: perLanguage,
    /** Words right before such a phrase that deny it ("I don't live in China", "不住在", "не живу в"). */
    negations: perLanguage,
    /** "citizen of", "гражданка": the traveller's country follows. */
    citizen: perLanguage,
    /** "flying from", "从", "из", and "bought in", "在", "купила в": the trip comes from the place that follows. */
    arrival: perLanguage,
    /** "business trip to", "visiting", «еду в»: a visit to the place that follows; to a mainland place, the traveller lives elsewhere (a visitor). */
    visit: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    othersLive: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    pronouns: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words right after a foreign place that say the trip comes from there ("日本买的", "韩国回来"). */
    arrivalAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words between the places of a route ("seoul to harbin", "东京飞哈尔滨", «Москва через Владивосток»): a foreign place, then these or other foreign places, then a mainland one, is a trip from abroad. */
    routeJoin: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Hong Kong and Macao: not places of the gazetteer (their own traveller category), but a purchase there is no domestic one. */
    hkMacao: perLanguage,
    /** "bought in", "купила в": things were bought at the place that follows (in mainland China: not an import). */
    purchase: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words right after a place that say things were bought there ("哈尔滨买的"). */
    purchaseAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words right after a place that say the traveller lives or works there ("在上海上班"). */
    residenceAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Of those, the words that say the traveller lives or works there NOW ("在哈尔滨工作生活六年了", "Harbin-based"): settled, whatever the passport. */
    settledAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words later in the same clause as a foreign place that say the trip comes back from there ("北海道滑雪回来", "东京玩了十天回来"). */
    returnLater: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    settledLater: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Phrases right before a foreign place that say the traveller goes there ("еду в Уссурийск", "flying to Seoul"): a trip out of China. */
    departure: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words that make such a trip a question about the way back (buying, bringing back, entering China). */
    departureVeto: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Phrases right before a place where the flight connects ("经莫斯科转机", "via Moscow", «через Москву»): a connection abroad makes the trip no transit through China. */
    connection: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words right after a place that make it a connection ("在首尔转机"). */
    connectionAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** Words right after a mainland place one goes back or home to that say the trip visits family there ("回哈尔滨看我爸妈", «домой в Харбин к родителям»): they say nothing of where the traveller lives. */
    familyVisitAfter: perLanguage,
    /** Words right after a foreign place that say the traveller comes home from there ("首尔回家"): home is in mainland China. */
    homeAfter: z.object({ zh: z.array(z.string()), en: z.array(z.string()), ru: z.array(z.string()) }).strict(),
    /** What a trip from abroad is for when it is a visit to China ("for a trade fair", "gifts for my Chinese partners", «к сыну», «на свадьбу»): the traveller lives abroad. */
    visitPurpose: perLanguage,
    /** Words of coming back from a trip ("back from", «вернулись», "回来"): the purpose words then tell of the trip abroad, not of a visit to China. */
    homecoming: perLanguage,
    /** Words that tell of a trip being made ("we fly", «летим», "出发"): a message of them that asks nothing and names no topic tells of the trip, and the traveller is asked what they want to know. */
    travel: perLanguage,
  })
  .strict();
export type PlacesFile = z.infer<typeof PlacesFileSchema>;

