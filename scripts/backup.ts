/**
 * Backs up the database the server uses (DATA_DIR, from the environment or .env), also while it runs.
 * Usage: npm run backup -- --out FILE
 * SQLite only: for PostgreSQL (DATABASE_URL) use pg_dump, as the README's Operations section shows.
 * Restore: stop the server, copy FILE to DATA_DIR/assistant.sqlite (removing any -wal and -shm
 * files beside it), start the server.
 */
import { resolve } from 'node:path';
import { backupSqlite } from '../bot/adapters/storage/sqlite';
import { ConfigError, loadConfig } from '../bot/config';
import { describeDatabase, withEnvFile, type Env } from '../bot/env-file';

const USAGE = 'usage: npm run backup -- --out FILE';

export async function main(argv: string[], env: Env, cwd: string = process.cwd()): Promise<number> {
  const at = argv.indexOf('--out');
  const out = at >= 0 ? argv[at + 1] : undefined;
  if (!out) {
    console.error(`backup: --out FILE is required\n${USAGE}`);
    return 2;
  }
  let databaseFile: string;
  try {
    const loaded = withEnvFile(env, cwd);
    if (loaded.env.DATABASE_URL) {
      console.error(`backup: ${describeDatabase(loaded, '')}: this command backs up SQLite; for PostgreSQL run pg_dump (see README, Operations)`);
      return 2;
    }
    databaseFile = loadConfig(loaded.env).databaseFile;
    console.error(`backup: ${describeDatabase(loaded, databaseFile)}`);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `backup: ${(e as Error).message}`);
    return 1;
  }
  try {
    const { totalPages } = await backupSqlite(databaseFile, resolve(cwd, out));
    console.error(`backup: wrote ${out} (${totalPages} pages)`);
    return 0;
  } catch (e) {
    console.error(`backup: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then((code) => (process.exitCode = code));
}
