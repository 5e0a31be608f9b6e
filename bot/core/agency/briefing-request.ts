import { z } from 'zod';
import { LanguageCodeSchema } from '../knowledge/schema';
import type { Trip } from './briefing-plan';
import { isCountryCode } from './countries';
import type { AgencyData } from './schema';
import { DirectionSchema, GroupCategorySchema } from './schema';

/**
 * The body of POST /api/v1/briefings (issue 11), checked against the agency data: interests are
 * the ids of knowledge/agency.yaml. Every failure names its field and what is allowed.
 */
export function briefingRequestSchema(data: AgencyData) {
  const interests = Object.keys(data.interests);
  return z
    .object({
      direction: DirectionSchema,
      country: z
        .string()
        .transform((s) => s.trim().toUpperCase())
        .refine(isCountryCode, { message: 'must be an ISO 3166 alpha-2 country code, e.g. "RU", "KR", "JP"' })
        .refine((c) => c !== 'CN', { message: 'is the other country of the trip; CN is China itself' }),
      languages: z.array(LanguageCodeSchema).min(1, 'name at least one of zh, en, ru').max(3).refine((l) => new Set(l).size === l.length, { message: 'lists a language twice' }),
      categories: z.array(GroupCategorySchema).max(4).default([]),
      interests: z
        .array(z.string().refine((i) => interests.includes(i), { message: `unknown interest; known: ${interests.join(', ')}` }))
        .max(interests.length)
        .default([]),
    })
    .strict();
}
export type BriefingRequest = z.infer<ReturnType<typeof briefingRequestSchema>>;

/** The trip of a request. */
export function toTrip(r: BriefingRequest): Trip {
  return { direction: r.direction, country: r.country, categories: [...new Set(r.categories)], interests: [...new Set(r.interests)] };
}
