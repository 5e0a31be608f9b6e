import type { ApprovedEntry } from './ports';

/** A row of `approved_entries`, the same on SQLite and PostgreSQL. */
export type ApprovedEntryRow = { entry_id: string; entry_json: string; draft_id: string; approved_by: string; approved_at: string };

export const toApprovedEntry = (r: ApprovedEntryRow): ApprovedEntry => ({
  entryId: r.entry_id,
  // written by `add` from an object; the knowledge schema parses it again when it is merged
  entry: JSON.parse(r.entry_json) as unknown,
  draftId: r.draft_id,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
});

export const toApprovedEntryParams = (e: ApprovedEntry): string[] => [e.entryId, JSON.stringify(e.entry), e.draftId, e.approvedBy, e.approvedAt];
