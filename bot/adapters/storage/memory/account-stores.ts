import type { Coordinator, CoordinatorCredentials, CoordinatorSession, CoordinatorStore, LoginAttempt, LoginAttemptStore, LoginPressure, NewCoordinator } from '../ports';
import { byText, foldAscii, MemoryTables, type AttemptRow, type CoordinatorRow } from './memory-tables';

const toCoordinator = (r: CoordinatorRow): Coordinator => ({ id: r.id, name: r.name, role: r.role === 'lead' ? 'lead' : 'coordinator', disabled: r.disabled, createdAt: r.createdAt });
const toCredentials = (r: CoordinatorRow): CoordinatorCredentials => ({ ...toCoordinator(r), passwordHash: r.passwordHash, tokenId: r.tokenId, tokenHash: r.tokenHash });

/** Coordinator accounts and console sessions in memory (names case-insensitive in ASCII, as SQLite's NOCASE). */
export class MemoryCoordinatorStore implements CoordinatorStore {
  constructor(private readonly t: MemoryTables) {}

  async add(account: NewCoordinator): Promise<boolean> {
    if (this.row(account.name)) return false;
    if (this.t.coordinators.some((c) => c.tokenId === account.tokenId)) throw new Error('bot: token id exists already');
    this.t.coordinators.push({ ...account, id: this.t.nextId('coordinator'), disabled: false });
    return true;
  }

  async list(): Promise<Coordinator[]> {
    return [...this.t.coordinators].sort((a, b) => byText(foldAscii(a.name), foldAscii(b.name))).map(toCoordinator);
  }

  async byName(name: string): Promise<CoordinatorCredentials | undefined> {
    const r = this.row(name);
    return r ? toCredentials(r) : undefined;
  }

  async byTokenId(tokenId: string): Promise<CoordinatorCredentials | undefined> {
    const r = this.t.coordinators.find((c) => c.tokenId === tokenId);
    return r ? toCredentials(r) : undefined;
  }

  async byId(id: number): Promise<Coordinator | undefined> {
    const r = this.t.coordinators.find((c) => c.id === id);
    return r ? toCoordinator(r) : undefined;
  }

  async disable(name: string): Promise<boolean> {
    const r = this.row(name);
    if (!r) return false;
    r.disabled = true;
    for (const [key, s] of this.t.sessions) if (s.coordinatorId === r.id) this.t.sessions.delete(key);
    return true;
  }

  async createSession(session: { idHash: string; coordinatorId: number; csrf: string; createdAt: string; expiresAt: string }): Promise<void> {
    for (const [key, s] of this.t.sessions) if (s.expiresAt <= session.createdAt) this.t.sessions.delete(key);
    if (this.t.sessions.has(session.idHash)) throw new Error('bot: session id exists already');
    this.t.sessions.set(session.idHash, { ...session });
  }

  async session(idHash: string, now: string): Promise<CoordinatorSession | undefined> {
    const s = this.t.sessions.get(idHash);
    const c = s && s.expiresAt > now ? this.t.coordinators.find((r) => r.id === s.coordinatorId && !r.disabled) : undefined;
    return s && c ? { coordinator: toCoordinator(c), csrf: s.csrf, expiresAt: s.expiresAt } : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.t.sessions.delete(idHash);
  }

  private row(name: string): CoordinatorRow | undefined {
    return this.t.coordinators.find((c) => foldAscii(c.name) === foldAscii(name));
  }
}

/** Failed console logins per name and client in memory; the rules of `LoginAttemptStore`. */
export class MemoryLoginAttemptStore implements LoginAttemptStore {
  constructor(private readonly t: MemoryTables) {}

  async begin(name: string, client: string, now: string): Promise<LoginAttempt> {
    const r = this.row(name, client, () => ({ name, client, failures: 0, failuresTotal: 0 }));
    const locked = r.lockedUntil !== undefined && r.lockedUntil > now;
    if (!locked) {
      r.failures = r.lockedUntil !== undefined ? 1 : r.failures + 1;
      delete r.lockedUntil;
    }
    return { failures: r.failures, ...(r.lockedUntil ? { lockedUntil: r.lockedUntil } : {}) };
  }

  async fail(name: string, client: string, now: string, maxFailures: number, lockUntil: string): Promise<{ lockedUntil?: string }> {
    const created = !this.t.attempts.has(this.key(name, client));
    const r = this.row(name, client, () => ({ name, client, failures: 1, failuresTotal: 0 }));
    if (!created && r.failures >= maxFailures) r.lockedUntil = (r.lockedUntil ?? '') > lockUntil ? r.lockedUntil : lockUntil;
    r.failuresTotal += 1;
    r.lastFailureAt = now;
    return r.lockedUntil && r.lockedUntil > now ? { lockedUntil: r.lockedUntil } : {};
  }

  async succeed(name: string, client: string, now: string): Promise<void> {
    const r = this.t.attempts.get(this.key(name, client));
    if (r && (r.lockedUntil === undefined || r.lockedUntil <= now)) r.failures = 0;
  }

  async pressure(since: string, now: string, limit: number): Promise<LoginPressure[]> {
    const byAccount = new Map<number, LoginPressure>();
    for (const a of this.t.attempts.values()) {
      const c = this.t.coordinators.find((r) => foldAscii(r.name) === foldAscii(a.name));
      if (!c || a.lastFailureAt === undefined || a.lastFailureAt < since) continue;
      const p = byAccount.get(c.id) ?? { name: c.name, failedLogins: 0, clients: 0, lockedClients: 0, lastFailureAt: a.lastFailureAt };
      p.failedLogins += a.failuresTotal;
      p.clients += 1;
      p.lockedClients += a.lockedUntil !== undefined && a.lockedUntil > now ? 1 : 0;
      if (a.lastFailureAt > p.lastFailureAt) p.lastFailureAt = a.lastFailureAt;
      byAccount.set(c.id, p);
    }
    return [...byAccount.values()].sort((a, b) => b.failedLogins - a.failedLogins || byText(b.lastFailureAt, a.lastFailureAt)).slice(0, limit);
  }

  private key(name: string, client: string): string {
    return `${foldAscii(name)}\u0000${client}`;
  }

  private row(name: string, client: string, fresh: () => AttemptRow): AttemptRow {
    const key = this.key(name, client);
    const r = this.t.attempts.get(key) ?? fresh();
    this.t.attempts.set(key, r);
    return r;
  }
}
