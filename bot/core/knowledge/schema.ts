import { z } from 'zod';

/** Languages the knowledge base covers. Every text field exists in each of them. */
export const LANGUAGES = ['zh', 'en', 'ru'] as const;
export const LanguageCodeSchema = z.enum(LANGUAGES);
export type LanguageCode = z.infer<typeof LanguageCodeSchema>;

/** Version of the knowledge file format; a file with another version is refused. */
export const KNOWLEDGE_SCHEMA_VERSION = 1;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real calendar date');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Longest entry id: it names the file `entries/<id>.yaml` (a 300-character id was ENAMETOOLONG, issue 14 item 10). */
export const MAX_ENTRY_ID_CHARS = 80;

/** A knowledge entry id: kebab-case (a-z, 0-9, -), stable, used in citations and tests; at most 80 characters. */
export const EntryIdSchema = z
  .string()
  .max(MAX_ENTRY_ID_CHARS, `must be at most ${MAX_ENTRY_ID_CHARS} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

/** One string per language; a missing language is a validation error naming it. */
export const TrilingualSchema = z.object({ zh: nonEmpty, en: nonEmpty, ru: nonEmpty }).strict();
export type Trilingual = z.infer<typeof TrilingualSchema>;

/** A list item; YAML reads a bare 12360 as a number, which is taken as its text. */
const listItem = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), nonEmpty);

/** Lists per language (phrasings, keywords). Each language must have at least one item. */
export const TrilingualListSchema = z
  .object({ zh: z.array(listItem).min(1), en: z.array(listItem).min(1), ru: z.array(listItem).min(1) })
  .strict();

/**
 * Traveller categories that change an answer.
 * - `route`: ordinary traveller / arriving from Hong Kong or Macao / frequent traveller
 *   (entered China more than once within 15 days).
 * - `residency`: resident / non-resident of the mainland.
 */
export const ROUTE_CATEGORIES = ['ordinary', 'hk_macao', 'frequent'] as const;
export const RESIDENCY_CATEGORIES = ['resident', 'non_resident'] as const;
export const DependsOnSchema = z.enum(['route', 'residency']);
export type DependsOn = z.infer<typeof DependsOnSchema>;
export const CategorySchema = z.enum([...ROUTE_CATEGORIES, ...RESIDENCY_CATEGORIES]);
export type TravellerCategory = z.infer<typeof CategorySchema>;

/** The text of one entry in one language. `{{path}}` placeholders are filled from limits.yaml. */
export const AnswerTextSchema = z
  .object({
    /** The direct answer first: the number, the yes/no. For the default category when `dependsOn` is set. */
    lead: nonEmpty,
    /** Leads for the other categories, when the entry has `dependsOn`. */
    variants: z.partialRecord(CategorySchema, nonEmpty).optional(),
    /** Conditions, exceptions and practical advice, most important first. */
    details: z.array(nonEmpty).default([]),
  })
  .strict();
export type AnswerText = z.infer<typeof AnswerTextSchema>;

/** A citation of a document in knowledge/sources.yaml, by its id. */
export const SourceSchema = z.object({ source: EntryIdSchema }).strict();

export const KnowledgeEntrySchema = z
  .object({
    schemaVersion: z.literal(KNOWLEDGE_SCHEMA_VERSION),
    /** Stable id, kebab-case; used in citations and tests. */
    id: EntryIdSchema,
    /** Broad topic, used by conversation context for follow-ups. */
    topic: z.enum([
      'allowance',
      'tobacco',
      'alcohol',
      'cash',
      'gold',
      'declaration',
      'prohibited',
      'food',
      'pets',
      'medicines',
      'relics',
      'equipment',
      'storage',
      'tax',
      'health',
      'penalties',
      'departments',
      'outbound',
    ]),
    direction: z.enum(['inbound', 'outbound', 'both']),
    title: TrilingualSchema,
    answer: z.object({ zh: AnswerTextSchema, en: AnswerTextSchema, ru: AnswerTextSchema }).strict(),
    /** How travellers ask it, in each language (colloquial, not copies of the answer). */
    phrasings: TrilingualListSchema,
    /** Keywords and synonyms that help retrieval. */
    keywords: TrilingualListSchema,
    /** Language-neutral tags (concept ids from knowledge/lang/*.yaml concepts). */
    tags: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
    /**
     * Concepts one of which the question must mention for this entry to rank (e.g. the Hong
     * Kong allowance requires hk_macao). Entries without it compete on words alone.
     */
    requires: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
    /** Concepts that rule this entry out (e.g. the inbound declaration list excludes outbound). */
    excludes: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
    /**
     * What each detail answers, parallel to `answer.<lang>.details`: concept ids or facets
     * (lang-schema FACETS), and `key` on the one detail shown when the question names none.
     */
    facets: z.array(z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1)).default([]),
    /** Category the answer depends on; the default lead is for ordinary/resident travellers. */
    dependsOn: DependsOnSchema.optional(),
    /** True when part of the entry rests on an UNSURE fact; the text must then say so. */
    unsure: z.boolean().default(false),
    sources: z.array(SourceSchema).min(1, 'needs at least one legal source'),
    effective: isoDate,
    /** A time-limited measure: the first and last day the entry's rule applies (kb:check fails after validUntil). */
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    reviewed: isoDate,
  })
  .strict()
  .superRefine((entry, ctx) => {
    for (const lang of LANGUAGES) {
      const text = entry.answer[lang];
      const expected = variantCategories(entry.dependsOn);
      for (const cat of expected) {
        if (!text.variants?.[cat]) {
          ctx.addIssue({ code: 'custom', path: ['answer', lang, 'variants', cat], message: `missing variant for category "${cat}"` });
        }
      }
      if (!entry.dependsOn && text.variants) {
        ctx.addIssue({ code: 'custom', path: ['answer', lang, 'variants'], message: 'variants given but dependsOn is not set' });
      }
    }
  });
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

/** Categories (other than the default) that an entry with `dependsOn` must give a variant for. */
export function variantCategories(dependsOn: DependsOn | undefined): TravellerCategory[] {
  if (dependsOn === 'route') return ['hk_macao', 'frequent'];
  if (dependsOn === 'residency') return ['non_resident'];
  return [];
}
