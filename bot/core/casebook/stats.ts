import type { EscalationForStats } from '../coordination/ports';
import type { LanguageCode } from '../knowledge/schema';
import { normalizeText } from '../text';
import { redactText, REDACTION_RULES, type RedactionRule } from '../redact';
import type { EscalationReason } from '../types';

/** Reasons meaning "the bot could not answer" (as opposed to a person, a case or emotion). */
export const UNANSWERED_REASONS: readonly EscalationReason[] = ['low_confidence', 'repeated_misses', 'out_of_scope'];

/** The raw material of `computeStats`: one window's escalations and conversation counts. */
export type StatsInput = {
  /** Escalations created in the window, with the kind of bot message each trigger followed. */
  escalations: readonly EscalationForStats[];
  /** Conversations started in the window and how many of them were escalated. */
  conversations: { total: number; escalated: number };
  since: string;
  until: string;
  /** How many top unanswered questions to list (limits.yaml `coordination.statsTopQuestions`). */
  topQuestions: number;
  /** IANA time zone whose calendar days `escalationsPerDay` counts (the coordinator's); default UTC. */
  timeZone?: string;
  rules?: readonly RedactionRule[];
};

/** What a lead sees: volume, reasons, speed, how much the bot handles alone, and its gaps. */
export type Stats = {
  since: string;
  until: string;
  escalationsPerDay: { day: string; count: number }[];
  escalationsPerReason: { reason: EscalationReason; count: number }[];
  /** Median of claim − created over claimed cases, in ms; null with no claimed case. */
  medianTimeToClaimMs: number | null;
  /** Median of resolve − created over resolved cases, in ms; null with none. */
  medianTimeToResolveMs: number | null;
  conversations: { total: number; escalated: number };
  /** Share (0..1) of conversations answered without a human; null with no conversation. */
  deflectionRate: number | null;
  /** Questions the bot could not answer, most frequent first (texts redacted). */
  topUnanswered: { question: string; count: number; lang: LanguageCode; lastAt: string }[];
};

/** Median of a list; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * The calendar day (YYYY-MM-DD) of an ISO time in a time zone. Throws a RangeError for an
 * unknown zone (the HTTP layer validates it first with `isTimeZone`).
 */
export function dayInZone(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (iso) => format.format(new Date(iso));
}

/** True for a time zone name Intl knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

const countBy = <K extends string>(keys: K[]) => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** Computes the statistics of a window from its escalations and conversation counts. Pure. */
export function computeStats(input: StatsInput): Stats {
  const { escalations } = input;
  const span = (a: string, b: string | undefined) => (b ? Math.max(0, Date.parse(b) - Date.parse(a)) : undefined);
  const defined = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);
  const dayOf = dayInZone(input.timeZone ?? 'UTC');
  const perDay = countBy(escalations.map((e) => dayOf(e.createdAt)));
  const perReason = countBy(escalations.flatMap((e) => e.reasons));
  const { total, escalated } = input.conversations;
  return {
    since: input.since,
    until: input.until,
    escalationsPerDay: [...perDay].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    escalationsPerReason: [...perReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    medianTimeToClaimMs: median(defined(escalations.map((e) => span(e.createdAt, e.claimedAt)))),
    medianTimeToResolveMs: median(defined(escalations.map((e) => span(e.createdAt, e.resolvedAt)))),
    conversations: { total, escalated },
    deflectionRate: total > 0 ? (total - escalated) / total : null,
    topUnanswered: topUnanswered(escalations, input.topQuestions, input.rules ?? REDACTION_RULES),
  };
}

/**
 * The questions the bot could not answer. A message that answered the bot's own clarifying
 * question ("是", "我常住北京") is not a question of its own, so it is left out, known from the
 * stored kind of the bot message before it (test: "leaves out replies to the bot's questions").
 */
function topUnanswered(escalations: readonly EscalationForStats[], limit: number, rules: readonly RedactionRule[]): Stats['topUnanswered'] {
  const groups = new Map<string, { question: string; count: number; lang: LanguageCode; lastAt: string }>();
  for (const e of escalations) {
    if (!e.reasons.some((r) => UNANSWERED_REASONS.includes(r))) continue;
    if (e.followedBotKind === 'clarify') continue;
    const question = redactText(e.trigger.trim(), rules);
    const key = normalizeText(question).replace(/[^\p{L}\p{N}\[\] ]+/gu, '').trim();
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (e.createdAt > g.lastAt) g.lastAt = e.createdAt;
    } else groups.set(key, { question, count: 1, lang: e.lang, lastAt: e.createdAt });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt)).slice(0, Math.max(0, limit));
}
