import type { ApprovedEntry, ApprovedEntryStore } from '../ports';
import { copy, type MemoryTables } from './memory-tables';

/** Approved entries in memory, in approval order. */
export class MemoryApprovedEntryStore implements ApprovedEntryStore {
  constructor(private readonly t: MemoryTables) {}

  async add(entry: ApprovedEntry): Promise<boolean> {
    if (this.t.approvedEntries.has(entry.entryId)) return false;
    this.t.approvedEntries.set(entry.entryId, copy(entry));
    return true;
  }

  async remove(entryId: string): Promise<void> {
    this.t.approvedEntries.delete(entryId);
  }

  async list(): Promise<ApprovedEntry[]> {
    const byTime = (a: ApprovedEntry, b: ApprovedEntry) => (a.approvedAt === b.approvedAt ? (a.entryId < b.entryId ? -1 : 1) : a.approvedAt < b.approvedAt ? -1 : 1);
    return [...this.t.approvedEntries.values()].map(copy).sort(byTime);
  }
}
