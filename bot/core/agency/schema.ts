import { z } from 'zod';
import { EntryIdSchema, LANGUAGES, TrilingualSchema } from '../knowledge/schema';

/** Trip directions of a briefing: a Chinese group coming home, foreign visitors, the outbound leg. */
export const DIRECTIONS = ['return', 'visitors', 'outbound'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

/** Traveller categories an agency names for its group (API spelling, issue 11). */
export const GROUP_CATEGORIES = ['resident', 'non-resident', 'hk-macao', 'frequent'] as const;
export const GroupCategorySchema = z.enum(GROUP_CATEGORIES);
export type GroupCategory = z.infer<typeof GroupCategorySchema>;

/** Sections of a briefing, in the order a direction lists them. */
export const SECTION_KEYS = ['allowances', 'troubles', 'declare', 'storage', 'cash', 'contact'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const concept = z.string().regex(/^[a-z0-9_]+$/);
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code in capitals');

const SectionSchema = z
  .object({ key: z.enum(SECTION_KEYS), entries: z.array(EntryIdSchema).optional() })
  .strict()
  .refine((s) => (s.key === 'troubles') === (s.entries === undefined), { message: 'the troubles section is picked by tags and lists no entries; every other section lists its entries' });

/** knowledge/agency.yaml: which entries a briefing draws on (no rule, no figure of its own). */
export const AgencyDataSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** Most trouble points a briefing shows (one to two printed pages). */
    maxTroubles: z.number().int().min(1).max(12),
    directions: z.record(DirectionSchema, z.object({ inbound: z.boolean(), defaultCategories: z.array(GroupCategorySchema).min(1), sections: z.array(SectionSchema).min(1) }).strict()),
    categoryEntries: z.partialRecord(GroupCategorySchema, z.array(EntryIdSchema)),
    everyRoute: z.array(concept),
    regions: z.record(z.string().regex(/^[a-z0-9-]+$/), z.object({ countries: z.array(country).min(1), concepts: z.array(concept).min(1) }).strict()),
    interests: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(concept).min(1)),
  })
  .strict();
export type AgencyData = z.infer<typeof AgencyDataSchema>;

/** Keys of knowledge/lang/agency.yaml `texts` the code uses (interest_<id> are checked against agency.yaml). */
export const AGENCY_TEXT_KEYS = [
  'title_return',
  'title_visitors',
  'title_outbound',
  'for_categories',
  ...GROUP_CATEGORIES.map((c) => `category_${c}` as const),
  ...SECTION_KEYS.map((s) => `section_${s}` as const),
  'rules_as_of',
  'sources_heading',
  'unsure_mark',
  'short_troubles',
  'short_link',
  'tour_leader_intro',
  'tour_leader_ask_route',
  'quiz_cloze',
  'quiz_yes',
  'quiz_no',
  'quiz_right',
  'quiz_wrong',
  'quiz_score',
  'quiz_scoreboard',
  'quiz_question_of',
  'quiz_source',
  'quiz_already',
  'quiz_expired',
] as const;
export type AgencyTextKey = (typeof AGENCY_TEXT_KEYS)[number];

const markers = z.object({ zh: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1), ru: z.array(z.string().min(1)).min(1) }).strict();

/** knowledge/lang/agency.yaml: every phrase of briefings, quiz and pages, in zh, en and ru. */
export const AgencyTextsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    texts: z.record(z.string().regex(/^[a-z_-]+$/), TrilingualSchema).superRefine((texts, ctx) => {
      for (const key of AGENCY_TEXT_KEYS) if (!(key in texts)) ctx.addIssue({ code: 'custom', path: [key], message: `missing text "${key}" (in ${LANGUAGES.join(', ')})` });
    }),
    /** How an entry's lead starts when it answers yes or no (quiz yes/no questions). */
    quizMarkers: z.object({ yes: markers, no: markers }).strict(),
  })
  .strict();
export type AgencyTexts = z.infer<typeof AgencyTextsFileSchema>;
