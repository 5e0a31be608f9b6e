import { LEAST_URGENT, URGENCY_OF_REASON } from '../../../core/coordination';

/**
 * The urgency tier (coordination/urgency.ts) as a PostgreSQL expression over a JSON array of
 * reasons stored as text: the same order SQLite gets from `urgencySql`. Reason names come from
 * the fixed union, checked to be plain words before they enter the SQL.
 */
export function pgUrgencySql(column: string): string {
  const cases = Object.entries(URGENCY_OF_REASON)
    .filter(([reason]) => /^[a-z_]+$/.test(reason))
    .map(([reason, tier]) => `WHEN '${reason}' THEN ${tier}`)
    .join(' ');
  return `COALESCE((SELECT MIN(CASE r ${cases} ELSE ${LEAST_URGENT} END) FROM json_array_elements_text(${column}::json) AS r), ${LEAST_URGENT})`;
}
