import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export type Env = Record<string, string | undefined>;

/** The environment with a `.env` file under it, and which file that was (undefined: none). */
export type LoadedEnv = { env: Env; file?: string; /** Variables whose value came from the file. */ fromFile: ReadonlySet<string> };

/**
 * Reads `ENV_FILE` (default `.env` in `cwd`) under `env`: a variable set in the real environment
 * wins over the file, as with dotenv and `node --env-file`. A missing default `.env` is fine; a
 * missing ENV_FILE that was named explicitly is an error. The server and every CLI call this, so
 * `npm run coordinator -- add` uses the DATA_DIR the server uses (issue 13). Uses Node's own
 * parser (`util.parseEnv`, Node 20.12+): quotes, `#` comments, `export` prefixes.
 */
export function withEnvFile(env: Env, cwd: string = process.cwd()): LoadedEnv {
  const named = env.ENV_FILE;
  const file = resolve(cwd, named || '.env');
  if (!existsSync(file)) {
    if (named) throw new Error(`config: ENV_FILE=${JSON.stringify(named)} is invalid: no such file (${file})`);
    return { env, fromFile: new Set() };
  }
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  const merged: Env = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  const taken = new Set(Object.keys(fromFile).filter((k) => env[k] === undefined));
  return { env: merged, file, fromFile: taken };
}

/** Hides the password of a connection URL (postgres://user:secret@host/db → postgres://user:***@host/db). */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '[unparsable URL]'; // never echo a string that may hold a secret we could not locate
  }
}

/**
 * One line saying which database a command uses and where that came from, without secrets:
 * "database: /srv/data/assistant.sqlite (DATA_DIR from /srv/app/.env)". CLIs print it on stderr
 * so the operator sees at once when a command and the server disagree (issue 13).
 */
export function describeDatabase(loaded: LoadedEnv, databaseFile: string): string {
  const url = loaded.env.DATABASE_URL;
  if (url) return `database: ${withoutPassword(url)} (DATABASE_URL ${sourceOf(loaded, 'DATABASE_URL')})`;
  return `database: ${databaseFile} (DATA_DIR ${sourceOf(loaded, 'DATA_DIR')})`;
}

function sourceOf(loaded: LoadedEnv, name: string): string {
  if (loaded.env[name] === undefined || loaded.env[name] === '') return 'default';
  return loaded.fromFile.has(name) ? `from ${loaded.file}` : 'from the environment';
}
