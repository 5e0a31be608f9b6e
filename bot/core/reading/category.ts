import type { Residency, Route } from '../declaration/schema';
import type { CategoryCue } from '../text';

/** The traveller's category as far as a message or conversation tells it. */
export type KnownCategory = { route?: Route; residency?: Residency };

/**
 * Route cues in order of precedence: a second entry within 15 days decides the tier whatever the
 * route ("半个月内来回香港三趟": the frequent tier, 40 cigarettes, not Hong Kong's 200; fact sheet 0.2 item 7).
 */
const ROUTE_CUES = ['frequent', 'hk_macao', 'ordinary'] as const;
/** Non-resident first: a negated cue ("не живу в Китае") contains the positive one. */
const RESIDENCY_CUES = ['non_resident', 'resident'] as const;

/**
 * The category that a message's cues say. A visitor who lives abroad (a tourist, a foreign
 * citizen, "живу в Чите") and says nothing of Hong Kong, Macao or repeated trips travels on the
 * ordinary route: that is what such travellers mean, and the reply still names the other tiers.
 */
export function categoryOfCues(cues: ReadonlySet<CategoryCue>): KnownCategory {
  // living in mainland China now decides residency over a passport or a nationality word
  const residency = cues.has('settled') ? 'resident' : RESIDENCY_CUES.find((c) => cues.has(c));
  const route = ROUTE_CUES.find((c) => cues.has(c)) ?? (residency === 'non_resident' ? 'ordinary' : undefined);
  return { ...(route ? { route } : {}), ...(residency ? { residency } : {}) };
}
