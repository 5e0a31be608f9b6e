import type { LanguageCode } from '../knowledge/schema';
import type { LanguageResources, PreparedText, TourDirection } from '../text';

/**
 * A tour leader's trip as a message states it (issue 11): whether it is a tour leader's or
 * agency's question ("what should I tell my group", "我们旅行社带团去…", «что рассказать
 * группе»), the country it names first, and which way the group travels (the language's
 * default when no word says: knowledge/lang/<lang>.yaml `tourLeader`).
 */
export type TourRoute = { leader: boolean; /** The message asks what to tell or brief ('what should they know', 'памятку', '交代哪些'). */ briefing: boolean; country?: string; direction: TourDirection; /** The direction came from the message's words, not the default. */ directionSaid: boolean };

/** Outbound words win over return words, and those over visitors' ("back to china" contains "to china"). */
const PRECEDENCE: readonly TourDirection[] = ['outbound', 'return', 'visitors'];

/** Reads the tour-leader cue, the country and the direction of a prepared message. */
export function readTourRoute(prepared: PreparedText, resources: LanguageResources, lang: LanguageCode): TourRoute {
  const t = resources.tourLeader;
  const [country] = t.countries.match(prepared);
  const said = t.directions.match(prepared);
  const named = PRECEDENCE.find((d) => said.has(d));
  const briefing = t.briefs.match(prepared).size > 0;
  const leader = t.cues.match(prepared).size > 0 || (t.groups.match(prepared).size > 0 && briefing);
  return { leader, briefing, ...(country ? { country } : {}), direction: named ?? t.defaultDirection[lang], directionSaid: named !== undefined };
}
