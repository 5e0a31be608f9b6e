import type Database from 'better-sqlite3';
import { toApprovedEntry, toApprovedEntryParams, type ApprovedEntryRow } from '../approved-entry-rows';
import type { ApprovedEntry, ApprovedEntryStore } from '../ports';

/** Approved entries in the SQLite file (migration coordinator-005-approved-entries). */
export class SqliteApprovedEntryStore implements ApprovedEntryStore {
  constructor(private readonly db: Database.Database) {}

  async add(entry: ApprovedEntry): Promise<boolean> {
    const sql = 'INSERT INTO approved_entries (entry_id, entry_json, draft_id, approved_by, approved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(entry_id) DO NOTHING';
    return this.db.prepare(sql).run(...toApprovedEntryParams(entry)).changes === 1;
  }

  async remove(entryId: string): Promise<void> {
    this.db.prepare('DELETE FROM approved_entries WHERE entry_id = ?').run(entryId);
  }

  async list(): Promise<ApprovedEntry[]> {
    return (this.db.prepare('SELECT * FROM approved_entries ORDER BY approved_at, entry_id').all() as ApprovedEntryRow[]).map(toApprovedEntry);
  }
}
