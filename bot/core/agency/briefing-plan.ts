import type { KnowledgeEntry, TravellerCategory } from '../knowledge/schema';
import type { AgencyData, Direction, GroupCategory, SectionKey } from './schema';

/** A trip as an agency describes it (POST /api/v1/briefings, the /agency form, the chat). */
export type Trip = {
  direction: Direction;
  /** The other country of the trip, ISO 3166 alpha-2 in capitals (never CN). */
  country: string;
  /** Traveller categories in the group; empty means the direction's default. */
  categories: readonly GroupCategory[];
  /** Interest ids of knowledge/agency.yaml (shopping, luxury, …). */
  interests: readonly string[];
};

/** One point of a briefing: an entry's lead, for one traveller category when the entry depends on one. */
export type PlannedPoint = { entry: KnowledgeEntry; category?: TravellerCategory };
export type PlannedSection = { key: SectionKey; points: PlannedPoint[] };

/** Weights of a trouble's concepts: what the agency said the group is into counts most. */
const INTEREST_WEIGHT = 3;
const REGION_WEIGHT = 2;
const EVERY_ROUTE_WEIGHT = 1;

/**
 * Which entries a briefing for this trip shows, section by section, before any language: the
 * direction's sections from knowledge/agency.yaml, the allowance entries of the group's
 * categories, and the troubles of the route — entries tagged with the country's region concepts,
 * the interests' concepts and the every-route concepts, in the trip's direction, best first.
 * @example planBriefing({direction: 'return', country: 'RU', categories: ['resident'], interests: []}, entries, data)
 */
export function planBriefing(trip: Trip, entries: readonly KnowledgeEntry[], data: AgencyData): PlannedSection[] {
  const direction = data.directions[trip.direction];
  if (!direction) throw new Error(`bot: knowledge/agency.yaml has no direction "${trip.direction}"`);
  const categories = trip.categories.length > 0 ? trip.categories : direction.defaultCategories;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const fixed = direction.sections.flatMap((s) => s.entries ?? []);
  const extra = categories.flatMap((c) => data.categoryEntries[c] ?? []);
  const used = new Set([...fixed, ...extra]);
  return direction.sections.map((section) => {
    const ids = section.key === 'troubles' ? troubles(trip, entries, data, used, direction.inbound, categories) : [...(section.entries ?? []), ...(section.key === 'allowances' ? extra : [])];
    const points = [...new Set(ids)].flatMap((id) => {
      const entry = byId.get(id);
      return entry ? pointsOf(entry, categories) : [];
    });
    return { key: section.key, points };
  });
}

/** Entry ids of the route's likely troubles, best first, at most `data.maxTroubles`. */
function troubles(trip: Trip, entries: readonly KnowledgeEntry[], data: AgencyData, used: ReadonlySet<string>, inbound: boolean, categories: readonly GroupCategory[]): string[] {
  const weights = new Map<string, number>();
  /** Concepts in the order they were named: interests, then the region's list, then every route. */
  const order: string[] = [];
  const add = (concepts: readonly string[], weight: number) =>
    concepts.forEach((c) => {
      weights.set(c, Math.max(weights.get(c) ?? 0, weight));
      if (!order.includes(c)) order.push(c);
    });
  for (const interest of trip.interests) add(data.interests[interest] ?? [], INTEREST_WEIGHT);
  for (const region of Object.values(data.regions)) if (region.countries.includes(trip.country)) add(region.concepts, REGION_WEIGHT);
  add(data.everyRoute, EVERY_ROUTE_WEIGHT);
  const rank = (e: KnowledgeEntry) => Math.min(...e.tags.map((t) => (order.includes(t) ? order.indexOf(t) : order.length)));
  const present = new Set<string>([...weights.keys(), ...categories.map(conceptOfCategory)]);
  const scored = entries
    .filter((e) => !used.has(e.id) && e.topic !== 'departments' && (e.direction === 'both' || e.direction === (inbound ? 'inbound' : 'outbound')))
    // an entry that needs a concept (the Hong Kong allowance needs hk_macao) only when the trip brings one
    .filter((e) => e.requires.length === 0 || e.requires.some((c) => present.has(c)))
    .map((e) => ({ id: e.id, score: e.tags.reduce((n, t) => n + (weights.get(t) ?? 0), 0), rank: rank(e) }))
    .filter((s) => s.score > 0);
  // score, then the concept named first (the region lists what groups carry most first)
  return scored.sort((a, b) => b.score - a.score || a.rank - b.rank).slice(0, data.maxTroubles).map((s) => s.id);
}

/** The concept (entry tag) that names a group category. */
function conceptOfCategory(c: GroupCategory): string {
  return c === 'non-resident' ? 'non_resident' : c === 'hk-macao' ? 'hk_macao' : c;
}

/**
 * The points of one entry for the group's categories: the ordinary lead, and the variant of each
 * category in the group that has one (a group of residents and Hong Kong arrivals gets both
 * tobacco figures).
 */
export function pointsOf(entry: KnowledgeEntry, categories: readonly GroupCategory[]): PlannedPoint[] {
  const has = (c: GroupCategory) => categories.includes(c);
  if (entry.dependsOn === 'route') {
    const ordinary = has('resident') || has('non-resident');
    return [...(ordinary ? [{ entry }] : []), ...(has('hk-macao') ? [{ entry, category: 'hk_macao' as const }] : []), ...(has('frequent') ? [{ entry, category: 'frequent' as const }] : [])];
  }
  if (entry.dependsOn === 'residency') {
    const resident = has('resident') || has('hk-macao') || has('frequent');
    return [...(resident ? [{ entry }] : []), ...(has('non-resident') ? [{ entry, category: 'non_resident' as const }] : [])];
  }
  return [{ entry }];
}
