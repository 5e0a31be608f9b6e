import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable the assistant reads, with its default. This is the only place
 * that knows about `process.env` (main.ts passes it in).
 */
export const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(30),
  TRUST_PROXY: bool.default(false),
});

export type Config = Readonly<z.infer<typeof ConfigSchema> & { databaseFile: string }>;

/** A configuration error: one line per bad variable, naming it and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once at start-up; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      return `config: ${name}=${JSON.stringify(env[name] ?? '')} is invalid: ${i.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return Object.freeze({ ...parsed.data, DATA_DIR: dataDir, KNOWLEDGE_DIR: resolve(parsed.data.KNOWLEDGE_DIR), databaseFile: resolve(dataDir, 'assistant.sqlite') });
}
