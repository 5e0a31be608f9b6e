import { z } from 'zod';
import { EntryIdSchema, LanguageCodeSchema } from '../knowledge/schema';

/** Item types the declaration check understands (issue 5). */
export const ITEM_TYPES = ['cigarettes', 'cigars', 'tobacco', 'alcohol', 'cash', 'goods'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Units an item quantity may be given in. pack/carton: cigarettes (limits.yaml `units`). */
export const UNITS = ['piece', 'pack', 'carton', 'bottle', 'ml', 'l', 'g', 'kg', 'jin'] as const;
export type Unit = (typeof UNITS)[number];

export const ROUTES = ['ordinary', 'hk_macao', 'frequent'] as const;
export const RESIDENCIES = ['resident', 'non_resident'] as const;
export type Route = (typeof ROUTES)[number];
export type Residency = (typeof RESIDENCIES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code such as USD');

/** knowledge/rates.yaml: RMB per unit of each currency, with date and source. */
export const RatesFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** The day the rates describe (for an imported customs table, the table's date). */
    asOf: isoDate,
    /** hand-set: approximations typed in by a person; customs-monthly: imported from customs' monthly table (npm run rates:import). */
    basis: z.enum(['hand-set', 'customs-monthly']),
    /** Always true: these are reference rates for estimates, not official ones. */
    reference: z.literal(true),
    source: z.object({ name: z.string().min(1), url: z.string().url() }).strict(),
    rates: z.record(currencyCode, z.number().positive().finite()).refine((r) => r.CNY === 1, 'rates.CNY must be 1'),
    symbols: z.record(z.string().min(1), currencyCode).default({}),
  })
  .strict();
export type RatesFile = z.infer<typeof RatesFileSchema>;

const band = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const id = z.string().regex(/^[a-z0-9_]+$/, 'must be snake_case');
const entryId = EntryIdSchema;
export const TREATMENTS = ['quarantine', 'prohibited', 'permit', 'ask', 'own_rules'] as const;
export type Treatment = (typeof TREATMENTS)[number];

/** Note codes a result may carry; each language file has a text for every one. */
export const NOTE_CODES = [
  'estimate',
  'rates',
  'standard_bottle',
  'abv_assumed',
  'below_abv',
  'alcohol_unsure',
  'example_value',
  'price_needed',
  'taxable_cap_unsure',
  'tobacco_alternatives',
  'tobacco_in_value_allowance',
  'excise_over_value_allowance',
  'single_item',
  'items_chosen_by_customs',
  'non_resident_left_in_china',
  'frequent_value_unknown',
  'electronics_unsure',
  'cosmetics_band_unsure',
  'high_end_watch_unsure',
  'gold_weight',
  'gold_within_weight',
  'gold_jewellery_band_unsure',
  'ecig_parts',
  'ecig_liquid_over',
  'rmb_over_limit',
  'cash_not_taxed',
  'quarantine',
  'prohibited',
  'permit',
  'ask',
  'own_rules',
  'for_sale',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

/** knowledge/declaration.yaml: language-neutral classification (bands, drinks, articles). */
export const DeclarationDataSchema = z
  .object({
    schemaVersion: z.literal(1),
    reviewed: isoDate,
    source: z.string().min(1),
    goodsBands: z.record(id, band).refine((b) => b.general !== undefined, 'goodsBands needs a "general" class'),
    classPriority: z.array(id).min(1),
    highEndWatch: z.object({ from: id, to: id }).strict(),
    classNotes: z.record(id, z.array(z.enum(NOTE_CODES))).default({}),
    /** A class that replaces two or more classes named together (gold + jewellery = gold jewellery). */
    classCombos: z.record(id, z.array(id).min(2)).default({}),
    /** Classes of a sum over several things ("6000块的东西", "gifts ~3000"): taxed on the part above the allowance, never in full as one article. */
    divisible: z.array(id).default([]),
    drinks: z.record(id, z.object({ typicalAbvPercent: z.number().min(0).max(100).optional(), strengthVaries: z.boolean().default(false), exampleValue: z.string().min(1).optional() }).strict()),
    articles: z.record(id, z.object({ treatment: z.enum(TREATMENTS), entry: entryId }).strict()),
    entries: z.record(id, entryId),
    /** Concepts that put a message outside the inbound check (leaving China, own equipment, Russia's rules). */
    outOfScope: z.array(id).default([]),
    /** A kind of thing and the articles its name may hold as ingredients that do not make it that article ("青草药膏" is a balm, not plants; "鱼油" a supplement, not seafood). */
    ingredientsOf: z.record(id, z.array(id)).default({}),
    /** Concepts of things sold in bottles or jars that are no drink ("青草药膏20瓶", "鱼油6瓶", "眼药水"): a bottle of one is goods, not alcohol. */
    bottledGoods: z.array(id).default([]),
    /** Concepts of things a unit may count that are no item of the check ("两条狗": dogs, not cartons). */
    notItems: z.array(id).default([]),
  })
  .strict();
export type DeclarationData = z.infer<typeof DeclarationDataSchema>;

const words = z.array(z.string().trim().min(1)).min(1);

/** Marker words the parser needs in every language. */
export const MARKERS = ['abv', 'perUnit', 'total', 'value', 'times', 'separators', 'alternatives', 'owning', 'purchase', 'ruleQuestion', 'comparison', 'notInbound', 'question', 'declareQuestion', 'inbound', 'duration', 'measure', 'approx', 'container', 'purpose', 'absent', 'ownThing'] as const;
export const OPTIONS = ['declare_and_pay', 'declare', 'temporary_storage', 'return_shipment', 'abandon'] as const;
export type DeclarationOption = (typeof OPTIONS)[number];
/** Reply phrases (with `{slot}`s) each language file must define. */
export const PHRASE_KEYS = [
  'title',
  'channel_unchecked',
  'same_for_everyone',
  'same_for_everyone_goods',
  'if_ordinary',
  'allowances_ordinary',
  'allowance_goods',
  'allowance_ecig',
  'other_routes',
  'unless_hk_macao',
  'headroom_any',
  'own_aside',
  'outbound_aside',
  'per_person',
  'unless_frequent',
  'shared_per_person',
  'unless_frequent_any',
  'unpriced_headroom',
  'estimate_intro',
  'who_resident',
  'who_non_resident',
  'read_as',
  'goods_total',
  'line_within',
  'line_within_declare',
  'line_over',
  'line_over_goods',
  'line_declare',
  'line_declare_cash',
  'line_outside',
  'line_unknown',
  'line_article',
  'tax_estimate',
  'tax_price_needed',
  'over_cap',
  'goods_summary',
  'channel_red',
  'channel_green',
  'counted_within',
  'total_tax',
  'total_tax_partial',
  'options_intro',
  'notes_intro',
  'ask_route',
  'ask_residency',
  'ask_value',
  'ask_currency',
  'ask_quantity',
  'list_separator',
] as const;
export type PhraseKey = (typeof PHRASE_KEYS)[number];
const text = z.string().min(1).refine((t) => t.trim().length > 0, 'must not be blank');
const LABEL_KEYS = ['cigarettes', 'cigars', 'tobacco', 'alcohol', 'cash', 'goods', 'sticks', 'cigarSticks', 'pieces', 'grams', 'bottles', 'ml', 'rmb', 'packs', 'cartons', 'litres', 'kg', 'jin'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
const record = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, text])) as { [P in K[number]]: typeof text }).strict();

/**
 * knowledge/lang/declaration.<lang>.yaml: the words and phrases of one language, same shape for
 * zh, en and ru. A word ending in "*" is a stem (matches at the start of a longer word, for
 * Russian case endings); other Latin and Cyrillic words match whole words; Chinese matches anywhere.
 */
export const DeclarationLanguageSchema = z
  .object({
    schemaVersion: z.literal(1),
    lang: LanguageCodeSchema,
    numbers: z
      .object({
        /** Number words and their value ("two": 2, "две": 2, "两": 2, "полторы": 1.5). */
        words: z.record(z.string().min(1), z.number().nonnegative()),
        /** Words that multiply what comes before ("hundred": 100, "тыс*": 1000, "万": 10000). */
        multipliers: z.record(z.string().min(1), z.number().positive()),
        /** Chinese shorthand: 一万五 is 15,000, 两千五 is 2,500 (a last digit after a unit). */
        trailingDigitShorthand: z.boolean().default(false),
        /** Words right after a unit that add half of it ("一条半" is a carton and a half, "两瓶半" two and a half bottles). */
        halfAfterUnit: z.array(z.string().min(1)).default([]),
        /** A count may follow its unit, as an estimate («сигары штук 50», «серьги грамма 3»): the unit and the number are one amount. */
        unitFirst: z.boolean().default(false),
        /** A word between a multiplier or a currency and the number after it that makes that number an estimate in them («тысяч на 400 вон», «долларов на 900»). */
        estimateLinks: z.array(z.string().min(1)).default([]),
        /** Words right after a number that make it rough and still let it measure what follows ("三千多块", "两百来块": about 3,000 yuan, about 200). */
        roughAfter: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    units: z.partialRecord(z.enum(UNITS), words),
    /** Words for an allowance ("额度", "allowance", «норма»): a sum right before one is the allowance quoted, not a price ("算进5000额度里吗"). */
    allowanceNouns: words,
    /** Words that make "¥" Japanese yen rather than RMB ("from Tokyo: Uniqlo ¥18,000"). */
    yenCues: words,
    /** Single characters that name nothing when they stand alone before a price (Chinese 的, 个, 堆; "衫HK$2,500" is a shirt). */
    namelessChars: z.array(z.string().length(1)).default([]),
    /** Words for cartons that count other things too (Chinese 条: cartons, but also dogs and fish; declaration.yaml notItems). */
    sharedCartonWords: z.array(z.string().min(1)).default([]),
    /**
     * Phrases that say the things listed are shared by several travellers, by how many («на двоих»: 2,
     * "for the three of us": 3, "我们俩": 2): tobacco, drinks and cash are then counted per person.
     */
    sharedBy: z.array(z.object({ people: z.number().int().min(2).max(10), words })).default([]),
    /** Words for centilitres, a tenth of a litre ("70cl"): read as 10 ml each. */
    centilitres: words.default([]),
    /** Unit words that mean one of them without a number (Russian «бутылку», «блок»). */
    singleUnits: z.partialRecord(z.enum(UNITS), words).default({}),
    items: z.object({ cigarettes: words, cigars: words, tobacco: words, cash: words, ecigarettes: words }).strict(),
    /** Which e-cigarette words name pods or disposables and which devices (read from the item's words; pods first). */
    ecigParts: z.object({ pods: words, devices: words }).strict(),
    drinks: z.record(id, words),
    goods: z.record(id, words),
    currencies: z.record(currencyCode, words),
    /** Currency words only right after a number ("2300欧", "399刀"): elsewhere they are other words (欧洲, 一把刀). */
    currencySuffixes: z.record(currencyCode, words).default({}),
    /** The currency a sum means when a message in this language names none ("包两万三" is yuan). */
    defaultCurrency: currencyCode.optional(),
    markers: z.object(Object.fromEntries(MARKERS.map((k) => [k, words])) as { [P in (typeof MARKERS)[number]]: typeof words }).strict(),
    /** Names of item types and units in replies. */
    labels: record(LABEL_KEYS),
    /** Unit names by plural category (Intl.PluralRules: one, few, many, other) where the language inflects them. */
    plurals: z.partialRecord(z.enum(LABEL_KEYS), z.object({ one: text, few: text, many: text, other: text }).partial()).default({}),
    options: record(OPTIONS),
    notes: record(NOTE_CODES),
    /** How the rates were obtained, as the `rates` note says it ({basis}). */
    rateBasis: z.object({ 'hand-set': text, 'customs-monthly': text }).strict(),
    phrases: record(PHRASE_KEYS),
  })
  .strict();
export type DeclarationLanguage = z.infer<typeof DeclarationLanguageSchema>;

/** Sanity caps on input (not regulation): beyond them a request is refused as absurd. */
export const MAX_ITEMS = 30;
export const MAX_QUANTITY = 100_000;
export const MAX_VALUE = 1_000_000_000;
/** One line of goods is split into pieces for the single-item rule; more than this is commercial. */
export const MAX_GOODS_PIECES = 200;

/** One item of a declaration check, as the API takes it and the chat parser produces it. */
export const DeclarationItemSchema = z
  .object({
    type: z.enum(ITEM_TYPES),
    /** Count in `unit` (pieces by default; bottles for alcohol; grams for loose tobacco). */
    quantity: z.number().positive('must be more than 0').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`).optional(),
    unit: z.enum(UNITS).optional(),
    /** Volume of one bottle in ml (alcohol). */
    volumeMl: z.number().positive('must be more than 0').max(20_000, 'must be at most 20000 (ml per bottle)').optional(),
    /** Alcohol by volume, percent. */
    abv: z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100').optional(),
    /** Total value of the line (all pieces together), in `currency`. */
    value: z.number().nonnegative('must not be negative').max(MAX_VALUE, `must be at most ${MAX_VALUE}`).optional(),
    currency: z.string().trim().transform((s) => s.toUpperCase()).pipe(currencyCode).optional(),
    description: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    /** Drink kind or goods class from knowledge/declaration.yaml (otherwise read from the description). */
    kind: id.optional(),
  })
  .strict();
export type DeclarationItem = z.infer<typeof DeclarationItemSchema>;

export const CategorySchema = z.object({ route: z.enum(ROUTES).optional(), residency: z.enum(RESIDENCIES).optional() }).strict();
export type DeclarationCategory = z.infer<typeof CategorySchema>;

/** A whole declaration check request. */
export const DeclarationInputSchema = z
  .object({
    items: z.array(DeclarationItemSchema).min(1, 'needs at least one item').max(MAX_ITEMS, `at most ${MAX_ITEMS} items`),
    category: CategorySchema.default({}),
    /** Currency of values that name none. */
    currency: z.string().trim().transform((s) => s.toUpperCase()).pipe(currencyCode).optional(),
  })
  .strict();
export type DeclarationInput = z.infer<typeof DeclarationInputSchema>;
