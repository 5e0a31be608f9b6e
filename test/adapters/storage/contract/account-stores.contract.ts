import { after, AT, withStores, type MakeStores } from './fixtures';

const account = (name: string, tokenId: string) => ({ name, role: 'coordinator' as const, passwordHash: 'h', tokenId, tokenHash: 't', createdAt: AT });

/** CoordinatorStore and LoginAttemptStore: every adapter behaves alike. */
export function accountStoresContract(make: MakeStores): void {
  describe('CoordinatorStore', () => {
    it('refuses a second account with the same name in another case, and finds accounts every way', () =>
      withStores(make, async ({ coordinators: store }) => {
        expect(await store.add(account('Wang', 'id1'))).toBe(true);
        expect(await store.add(account('wang', 'id2'))).toBe(false);
        expect(await store.add({ ...account('lena', 'id3'), role: 'lead' })).toBe(true);
        const wang = await store.byName('WANG');
        expect(wang).toMatchObject({ name: 'Wang', role: 'coordinator', disabled: false, passwordHash: 'h', tokenId: 'id1', tokenHash: 't', createdAt: AT });
        expect(await store.byTokenId('id3')).toMatchObject({ name: 'lena', role: 'lead' });
        expect(await store.byId(wang?.id ?? -1)).toEqual({ id: wang?.id, name: 'Wang', role: 'coordinator', disabled: false, createdAt: AT });
        expect((await store.list()).map((c) => c.name)).toEqual(['lena', 'Wang']);
        expect(await store.byName('nobody')).toBeUndefined();
      }));

    it('keeps names that differ beyond ASCII apart (as SQLite NOCASE does)', () =>
      withStores(make, async ({ coordinators: store }) => {
        expect(await store.add(account('Иван', 'id1'))).toBe(true);
        expect(await store.add(account('иван', 'id2'))).toBe(true);
        expect(await store.byName('Иван')).toMatchObject({ tokenId: 'id1' });
      }));

    it('finds only live sessions of enabled accounts, and forgets expired ones', () =>
      withStores(make, async ({ coordinators: store }) => {
        await store.add(account('Wang', 'id1'));
        const id = (await store.byName('wang'))?.id ?? 0;
        await store.createSession({ idHash: 's1', coordinatorId: id, csrf: 'c', createdAt: AT, expiresAt: after(60) });
        expect(await store.session('s1', AT)).toEqual({ coordinator: expect.objectContaining({ name: 'Wang' }), csrf: 'c', expiresAt: after(60) });
        expect(await store.session('s1', after(60))).toBeUndefined();
        await store.createSession({ idHash: 's2', coordinatorId: id, csrf: 'd', createdAt: after(61), expiresAt: after(120) });
        expect(await store.session('s1', AT)).toBeUndefined(); // deleted as expired when s2 was created
        await store.deleteSession('s2');
        expect(await store.session('s2', after(61))).toBeUndefined();
        await store.createSession({ idHash: 's3', coordinatorId: id, csrf: 'e', createdAt: after(61), expiresAt: after(120) });
        expect(await store.disable('WANG')).toBe(true);
        expect(await store.disable('nobody')).toBe(false);
        expect(await store.session('s3', after(61))).toBeUndefined();
        expect(await store.byName('wang')).toMatchObject({ disabled: true });
      }));
  });

  describe('LoginAttemptStore (issue 14 items 1–2)', () => {
    const lockA = after(15);
    const lockB = after(20);
    it('counts per name (any case) and client, locks at the maximum, never moves a lock earlier, and keeps it through a success', () =>
      withStores(make, async ({ loginAttempts: attempts }) => {
        expect(await attempts.begin('wang', '192.0.2.1', AT)).toEqual({ failures: 1 });
        expect(await attempts.begin('WANG', '192.0.2.1', AT)).toEqual({ failures: 2 });
        expect(await attempts.begin('wang', '192.0.2.2', AT)).toEqual({ failures: 1 });
        expect(await attempts.fail('wang', '192.0.2.1', AT, 2, lockB)).toEqual({ lockedUntil: lockB });
        expect(await attempts.fail('wang', '192.0.2.1', AT, 2, lockA)).toEqual({ lockedUntil: lockB });
        expect(await attempts.begin('wang', '192.0.2.1', AT)).toEqual({ failures: 2, lockedUntil: lockB });
        expect(await attempts.begin('wang', '192.0.2.2', AT)).toEqual({ failures: 2 });
        await attempts.succeed('wang', '192.0.2.1', AT);
        expect((await attempts.begin('wang', '192.0.2.1', AT)).lockedUntil).toBe(lockB);
        expect(await attempts.begin('wang', '192.0.2.1', after(21))).toEqual({ failures: 1 });
        await attempts.succeed('wang', '192.0.2.2', AT);
        expect(await attempts.begin('wang', '192.0.2.2', AT)).toEqual({ failures: 1 });
      }));

    it('counts a failure without a begin, and never more attempts than reserved when they race', () =>
      withStores(make, async ({ loginAttempts: attempts }) => {
        expect(await attempts.fail('lena', '192.0.2.3', AT, 1, lockA)).toEqual({});
        const begun = await Promise.all(Array.from({ length: 8 }, () => attempts.begin('zhao', '192.0.2.4', AT)));
        expect(begun.map((b) => b.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      }));

    it('reports the accounts under pressure, existing ones only, most failures first', () =>
      withStores(make, async ({ coordinators, loginAttempts: attempts }) => {
        await coordinators.add(account('Wang', 'id1'));
        await coordinators.add(account('lena', 'id2'));
        for (const client of ['192.0.2.1', '192.0.2.2']) {
          await attempts.begin('wang', client, AT);
          await attempts.fail('wang', client, after(1), 1, lockA);
        }
        await attempts.begin('WANG', '192.0.2.1', after(2));
        await attempts.fail('WANG', '192.0.2.1', after(2), 1, lockB);
        await attempts.fail('lena', '192.0.2.9', after(3), 5, lockA);
        await attempts.fail('ghost', '192.0.2.9', after(3), 5, lockA);
        expect(await attempts.pressure(AT, after(4), 10)).toEqual([
          { name: 'Wang', failedLogins: 3, clients: 2, lockedClients: 2, lastFailureAt: after(2) },
          { name: 'lena', failedLogins: 1, clients: 1, lockedClients: 0, lastFailureAt: after(3) },
        ]);
        expect(await attempts.pressure(AT, after(4), 1)).toHaveLength(1);
        expect(await attempts.pressure(after(10), after(10), 10)).toEqual([]);
      }));
  });
}
