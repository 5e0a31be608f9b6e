/**
 * Manages coordinator accounts in the database the server uses (DATA_DIR), also while it runs.
 * Usage:
 *   npm run coordinator -- add NAME [--role lead]   prints {"name","role","password","token"} once
 *   npm run coordinator -- list                     prints the accounts (no secrets)
 *   npm run coordinator -- disable NAME             disables the account and ends its sessions
 * Only scrypt hashes of the password and token are stored; they cannot be shown again.
 */
import { CoordinatorAccounts, COORDINATOR_NAME } from '../bot/adapters/http/coordinator-accounts';
import { createStores } from '../bot/adapters/storage/create-stores';
import type { Stores } from '../bot/adapters/storage/ports';
import { systemClock } from '../bot/adapters/system/system';
import { ConfigError, loadConfig } from '../bot/config';
import { describeDatabase, withEnvFile, type Env } from '../bot/env-file';
import { COORDINATOR_ROLES, type CoordinatorRole } from '../bot/core/coordination';

const USAGE = 'usage: npm run coordinator -- add NAME [--role coordinator|lead] | list | disable NAME';

async function main(argv: string[], env: Env): Promise<number> {
  const [command, name, ...rest] = argv;
  const roleAt = rest.indexOf('--role');
  const role = roleAt >= 0 ? rest[roleAt + 1] : 'coordinator';
  if (!command || !['add', 'list', 'disable'].includes(command) || (command !== 'list' && !name)) {
    console.error(USAGE);
    return 2;
  }
  if (name !== undefined && command !== 'list' && !COORDINATOR_NAME.test(name)) {
    console.error(`coordinator: name ${JSON.stringify(name)} is invalid: use 1–40 letters, digits, ".", "_" or "-", starting with a letter or digit`);
    return 2;
  }
  if (!COORDINATOR_ROLES.includes(role as CoordinatorRole)) {
    console.error(`coordinator: --role must be ${COORDINATOR_ROLES.join(' or ')}, not ${JSON.stringify(role)}`);
    return 2;
  }
  let stores: Stores;
  try {
    const loaded = withEnvFile(env);
    const config = loadConfig(loaded.env);
    console.error(`coordinator: ${describeDatabase(loaded, config.databaseFile)}`); // stderr: stdout stays the machine-readable output
    stores = await createStores(config, systemClock);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `coordinator: ${(e as Error).message}`);
    return 1;
  }
  try {
    const store = stores.coordinators;
    if (command === 'list') {
      console.log(JSON.stringify((await store.list()).map(({ name: n, role: r, disabled, createdAt }) => ({ name: n, role: r, disabled, createdAt })), null, 2));
      return 0;
    }
    if (command === 'disable') {
      if (!(await store.disable(name as string))) {
        console.error(`coordinator: no account named ${JSON.stringify(name)}`);
        return 1;
      }
      console.log(JSON.stringify({ name, disabled: true }));
      return 0;
    }
    // Login settings are not needed to create an account.
    const accounts = new CoordinatorAccounts(store, stores.loginAttempts, systemClock, () => ({ maxFailures: 1, lockoutMs: 0, sessionMs: 0 }));
    const created = await accounts.add(name as string, role as CoordinatorRole);
    if (!created) {
      console.error(`coordinator: an account named ${JSON.stringify(name)} already exists`);
      return 1;
    }
    console.log(JSON.stringify(created));
    return 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
