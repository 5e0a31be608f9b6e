import type { EscalationReason } from '../types';

/**
 * How urgent each escalation reason is, 0 most urgent (issue 14, "most urgent first"): goods
 * held or a fine, and someone unwell; then distress and time pressure; then complaints and
 * disputes; then an explicit request for a person; last what the bot could not answer. The
 * queue is ordered by the most urgent reason of a case, then by how long it has waited.
 */
export const URGENCY_OF_REASON: Readonly<Record<EscalationReason, number>> = {
  seizure: 0,
  fine: 0,
  medical: 0,
  distress: 1,
  urgency: 1,
  anger: 2,
  staff_complaint: 2,
  complaint: 2,
  dispute: 2,
  asked_for_human: 3,
  evasion: 3,
  low_confidence: 4,
  repeated_misses: 4,
  out_of_scope: 4,
  prompt_injection: 4,
};

/** The tier given to a case whose reasons are unknown or empty (least urgent). */
export const LEAST_URGENT = 4;

/** The urgency tier of a case: that of its most urgent reason (0 most urgent). */
export function urgencyOf(reasons: readonly EscalationReason[]): number {
  return Math.min(LEAST_URGENT, ...reasons.map((r) => URGENCY_OF_REASON[r] ?? LEAST_URGENT));
}

/** True when a case should sound the console's alarm: goods held, distress or a complaint. */
export function isUrgent(reasons: readonly EscalationReason[]): boolean {
  return urgencyOf(reasons) <= URGENCY_OF_REASON.anger;
}

/**
 * Queue order of two escalations: the more urgent first, then the one waiting longer, then by
 * id (stable). Storage adapters order the same way in SQL (see `urgencySql`).
 */
export function compareUrgency(a: { reasons: readonly EscalationReason[]; createdAt: string; id: string }, b: { reasons: readonly EscalationReason[]; createdAt: string; id: string }): number {
  return urgencyOf(a.reasons) - urgencyOf(b.reasons) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * The urgency tier as an SQL expression over a JSON array column of reasons (SQLite json_each),
 * so the database sorts before it limits. Reason names come from the fixed union above.
 * @example `ORDER BY ${urgencySql('reasons_json')}, created_at, id`
 */
export function urgencySql(column: string): string {
  const cases = Object.entries(URGENCY_OF_REASON)
    .filter(([reason]) => /^[a-z_]+$/.test(reason))
    .map(([reason, tier]) => `WHEN '${reason}' THEN ${tier}`)
    .join(' ');
  return `COALESCE((SELECT MIN(CASE value ${cases} ELSE ${LEAST_URGENT} END) FROM json_each(${column})), ${LEAST_URGENT})`;
}
