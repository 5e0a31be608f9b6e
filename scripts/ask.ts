/**
 * Asks the assistant one question from the command line, through the same core as the API.
 * Usage: npm run ask -- "how many cigarettes can I bring?" [--json] [--lang zh|en|ru]
 * Uses an in-memory conversation store unless --persist is given (then DATA_DIR's database).
 */
import { ConfigError, loadConfig } from '../bot/config';
import { withEnvFile } from '../bot/env-file';
import { createServices } from '../bot/compose';
import { toApiReply } from '../bot/adapters/http/chat-routes';
import { LanguageCodeSchema } from '../bot/core/knowledge/schema';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const persist = argv.includes('--persist');
  const langAt = argv.indexOf('--lang');
  const lang = langAt >= 0 ? LanguageCodeSchema.safeParse(argv[langAt + 1]) : undefined;
  if (lang && !lang.success) {
    console.error('ask: --lang must be zh, en or ru');
    return 2;
  }
  const text = argv.filter((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1)).join(' ').trim();
  if (!text) {
    console.error('usage: npm run ask -- "your question" [--json] [--lang zh|en|ru] [--persist]');
    return 2;
  }
  let services;
  try {
    services = await createServices(loadConfig({ ...withEnvFile(process.env).env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), persist ? {} : { databaseFile: ':memory:' });
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `ask: ${(e as Error).message}`);
    return 1;
  }
  const result = await services.assistant.handleMessage({ text, channel: 'cli', lang: lang?.success ? lang.data : undefined });
  await services.close();
  if (!result.ok) {
    console.error(`ask: ${result.error.message}`);
    return 1;
  }
  const reply = toApiReply(result.value.reply);
  if (json) console.log(JSON.stringify({ conversationId: result.value.conversationId, reply }, null, 2));
  else {
    console.log(`[${reply.kind}${'department' in reply ? ` → ${reply.department}` : ''}] (${reply.lang})`);
    console.log(reply.text);
    for (const c of reply.citations) console.log(`  ↳ ${c.source} — ${c.url}`);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
