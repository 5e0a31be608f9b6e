import type { CoordinatorRole } from '../../core/coordination';
import type { Clock } from '../../core/ports';
import type { Coordinator, CoordinatorSession, CoordinatorStore, LoginAttemptStore } from '../storage/ports';
import { DUMMY_HASH, generatePassword, generateToken, hashSecret, randomSecret, sha256, tokenIdOf, verifySecret } from './coordinator-credentials';

/** Login and session rules (limits.yaml `coordination.*`), read at each use so a change applies. */
export type AccountSettings = { maxFailures: number; lockoutMs: number; sessionMs: number };

/** Coordinator names: letters (any script), digits, `.`, `_`, `-`; 1–40 characters. */
export const COORDINATOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

export type NewAccount = { name: string; role: CoordinatorRole; password: string; token: string };
export type LoginOutcome =
  | { kind: 'ok'; sessionId: string; csrf: string; coordinator: Coordinator; expiresAt: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number };

/** Verified tokens are remembered this long (by SHA-256), so an API call costs one scrypt per 5 minutes. */
const TOKEN_CACHE_MS = 5 * 60_000;
const TOKEN_CACHE_MAX = 1000;

/**
 * Coordinator accounts: creation (random password and API token, shown once, stored as scrypt
 * hashes), password login with lockout after repeated failures, console sessions, and bearer
 * tokens. A disabled account is refused at once, even with a cached token.
 */
export class CoordinatorAccounts {
  private readonly verifiedTokens = new Map<string, { id: number; until: number }>();

  constructor(
    private readonly store: CoordinatorStore,
    private readonly attempts: LoginAttemptStore,
    private readonly clock: Clock,
    private readonly settings: () => AccountSettings,
  ) {}

  /** Creates an account; undefined when the name is taken. Throws on an invalid name (callers validate first). */
  async add(name: string, role: CoordinatorRole): Promise<NewAccount | undefined> {
    if (!COORDINATOR_NAME.test(name)) throw new Error(`bot: invalid coordinator name ${JSON.stringify(name)}`);
    const password = generatePassword();
    const { token, tokenId } = generateToken();
    const [passwordHash, tokenHash] = await Promise.all([hashSecret(password), hashSecret(token)]);
    const added = await this.store.add({ name, role, passwordHash, tokenId, tokenHash, createdAt: this.clock.now().toISOString() });
    return added ? { name, role, password, token } : undefined;
  }

  /**
   * Password login from `client` (the request's IP). Failures count per name AND client, so a
   * stranger's wrong guesses lock only the stranger out (issue 14 item 2). The attempt is counted
   * before the scrypt check, in one SQL statement, so concurrent guesses cannot slip past the
   * lock: at most `maxFailures` passwords are ever checked per lockout (item 1). Both pinned by
   * test/adapters/http/coordinator-hardening.test.ts.
   */
  async login(name: string, password: string, client: string): Promise<LoginOutcome> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const s = this.settings();
    const lockedFor = (until: string): LoginOutcome => ({ kind: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)) });
    const attempt = await this.attempts.begin(name, client, nowIso);
    if (attempt.lockedUntil) return lockedFor(attempt.lockedUntil);
    // More attempts than allowed are already being checked: refuse without checking this one.
    if (attempt.failures > s.maxFailures) return { kind: 'locked', retryAfterSeconds: Math.ceil(s.lockoutMs / 1000) };
    const account = await this.store.byName(name);
    const matches = await verifySecret(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches || account.disabled) {
      const failedAt = this.clock.now();
      const { lockedUntil } = await this.attempts.fail(name, client, failedAt.toISOString(), s.maxFailures, new Date(failedAt.getTime() + s.lockoutMs).toISOString());
      return lockedUntil ? lockedFor(lockedUntil) : { kind: 'invalid' };
    }
    await this.attempts.succeed(name, client, nowIso);
    const sessionId = randomSecret();
    const csrf = randomSecret(24);
    const expiresAt = new Date(now.getTime() + this.settings().sessionMs).toISOString();
    await this.store.createSession({ idHash: sha256(sessionId), coordinatorId: account.id, csrf, createdAt: now.toISOString(), expiresAt });
    const { passwordHash: _p, tokenHash: _t, tokenId: _i, ...coordinator } = account;
    return { kind: 'ok', sessionId, csrf, coordinator, expiresAt };
  }

  session(sessionId: string): Promise<CoordinatorSession | undefined> {
    return this.store.session(sha256(sessionId), this.clock.now().toISOString());
  }

  logout(sessionId: string): Promise<void> {
    return this.store.deleteSession(sha256(sessionId));
  }

  /** The enabled coordinator a bearer token belongs to. */
  async byToken(token: string): Promise<Coordinator | undefined> {
    const tokenId = tokenIdOf(token);
    if (!tokenId) return undefined;
    const key = sha256(token);
    const now = this.clock.now().getTime();
    const cached = this.verifiedTokens.get(key);
    if (cached && cached.until > now) return this.enabled(cached.id);
    const account = await this.store.byTokenId(tokenId);
    if (!account || !(await verifySecret(token, account.tokenHash))) return undefined;
    if (this.verifiedTokens.size >= TOKEN_CACHE_MAX) this.verifiedTokens.clear();
    this.verifiedTokens.set(key, { id: account.id, until: now + TOKEN_CACHE_MS });
    return this.enabled(account.id);
  }

  /** True while the credentials behind an open stream still hold (session live, account enabled). */
  async stillValid(who: { id: number; sessionId?: string }): Promise<boolean> {
    if (who.sessionId) return (await this.session(who.sessionId)) !== undefined;
    return (await this.enabled(who.id)) !== undefined;
  }

  private async enabled(id: number): Promise<Coordinator | undefined> {
    const c = await this.store.byId(id);
    return c && !c.disabled ? c : undefined;
  }
}
