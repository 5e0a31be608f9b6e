import type { ApprovedEntry } from '../../../../bot/adapters/storage/ports';
import { after, withStores, type MakeStores } from './fixtures';

const approved = (id: string, minutes: number): ApprovedEntry => ({
  entryId: id,
  entry: { id, topic: 'cash', answer: { en: { summary: `about ${id}`, details: ['one', '二'] } } },
  draftId: `d_${id}`,
  approvedBy: 'lena',
  approvedAt: after(minutes),
});

/** Approved knowledge entries (the overlay on knowledge/): every adapter behaves alike. */
export function approvedEntryStoreContract(make: MakeStores): void {
  describe('ApprovedEntryStore', () => {
    it('returns nothing when no draft was approved', () =>
      withStores(make, async ({ approvedEntries }) => {
        expect(await approvedEntries.list()).toEqual([]);
      }));

    it('keeps entries as given and lists them oldest approval first', () =>
      withStores(make, async ({ approvedEntries }) => {
        expect(await approvedEntries.add(approved('late_entry', 5))).toBe(true);
        expect(await approvedEntries.add(approved('early_entry', 1))).toBe(true);
        expect(await approvedEntries.list()).toEqual([approved('early_entry', 1), approved('late_entry', 5)]);
      }));

    it('refuses a second entry with the same id and keeps the first', () =>
      withStores(make, async ({ approvedEntries }) => {
        await approvedEntries.add(approved('cash_entry', 1));
        expect(await approvedEntries.add({ ...approved('cash_entry', 2), draftId: 'd_other' })).toBe(false);
        expect((await approvedEntries.list()).map((e) => e.draftId)).toEqual(['d_cash_entry']);
      }));

    it('forgets a removed entry, so its id can be approved again', () =>
      withStores(make, async ({ approvedEntries }) => {
        await approvedEntries.add(approved('cash_entry', 1));
        await approvedEntries.remove('cash_entry');
        expect(await approvedEntries.list()).toEqual([]);
        expect(await approvedEntries.add(approved('cash_entry', 3))).toBe(true);
      }));
  });
}
