import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^14, r=8, p=1 (≈40 ms, 16 MiB) — OWASP's minimum for scrypt. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))));
}

/** An scrypt hash with a random 16-byte salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a secret against a stored hash in constant time; a malformed hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash that matches nothing, checked against when a name is unknown so timing does not tell. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A random password people can type: 20 characters from a 32-letter alphabet without look-alikes (100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789A'; // 32 letters
  return [...randomBytes(20)].map((b) => alphabet[b % 32]).join('');
}

/** An API token `cdt.<tokenId>.<secret>`: the id finds the account, the secret is checked against its scrypt hash. */
export function generateToken(): { token: string; tokenId: string } {
  const tokenId = randomBytes(9).toString('base64url');
  return { token: `cdt.${tokenId}.${randomBytes(32).toString('base64url')}`, tokenId };
}

/** The token id of a well-formed token. */
export function tokenIdOf(token: string): string | undefined {
  const m = /^cdt\.([A-Za-z0-9_-]{12})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return m?.[1];
}

/** Random URL-safe string of `bytes` bytes (session ids, CSRF tokens). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 (hex): session ids are 256 random bits, so a fast hash is enough to store them. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compares two strings in constant time (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
