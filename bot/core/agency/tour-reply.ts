import type { KnowledgeBundle } from '../knowledge/load';
import type { LanguageCode } from '../knowledge/schema';
import type { Citation } from '../types';
import type { Trip } from './briefing-plan';
import { composeBriefings } from './briefing';
import type { AgencyKnowledge } from './load';

/** A chat reply stays under this many characters (README: no reply over 1,000); the rest goes behind "more". */
const CHAT_REPLY_MAX_CHARS = 1000;

/**
 * The chat reply to a tour leader (issue 11): the short briefing for the trip, as much as fits a
 * chat reply with the link to the full printable briefing always in it; the other lines go to
 * `more`. Citations name each document once, with the entry that cites it first.
 */
export function composeTourReply(bundle: KnowledgeBundle, agency: AgencyKnowledge, trip: Trip, lang: LanguageCode, linkBase = ''): { text: string; more?: string; citations: Citation[] } {
  const [briefing] = composeBriefings(trip, [lang], bundle, agency, { linkBase });
  if (!briefing) throw new Error(`bot: no briefing composed for ${trip.country}`);
  const lines = briefing.text.split('\n');
  const link = lines.pop() ?? '';
  const intro = agency.texts.texts.tour_leader_intro?.[lang] ?? '';
  const shown: string[] = [intro, ...lines.splice(0, 1)];
  const size = (l: readonly string[]) => [...l.join('\n')].length + [...link].length + 1;
  while (lines.length > 0 && size([...shown, lines[0] ?? '']) <= CHAT_REPLY_MAX_CHARS) shown.push(lines.shift() ?? '');
  const byEntry = new Map(bundle.entries.map((e) => [e.id, e]));
  const citations = briefing.citations.map((c) => {
    const entryId = c.entries[0] ?? '';
    return { id: entryId, title: byEntry.get(entryId)?.title[lang] ?? '', source: c.source, url: c.url };
  });
  return { text: [...shown, link].join('\n'), ...(lines.length > 0 ? { more: lines.join('\n') } : {}), citations };
}
