import type { Pool } from 'pg';
import { toApprovedEntry, toApprovedEntryParams, type ApprovedEntryRow } from '../approved-entry-rows';
import type { ApprovedEntry, ApprovedEntryStore } from '../ports';
import { changes, rows } from './pg-db';

/** Approved entries in PostgreSQL: one table every replica reads. */
export class PostgresApprovedEntryStore implements ApprovedEntryStore {
  constructor(private readonly pool: Pool) {}

  async add(entry: ApprovedEntry): Promise<boolean> {
    const sql = 'INSERT INTO approved_entries (entry_id, entry_json, draft_id, approved_by, approved_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_id) DO NOTHING';
    return (await changes(this.pool, sql, toApprovedEntryParams(entry))) === 1;
  }

  async remove(entryId: string): Promise<void> {
    await this.pool.query('DELETE FROM approved_entries WHERE entry_id = $1', [entryId]);
  }

  async list(): Promise<ApprovedEntry[]> {
    return (await rows<ApprovedEntryRow>(this.pool, 'SELECT * FROM approved_entries ORDER BY approved_at, entry_id')).map(toApprovedEntry);
  }
}
