/**
 * Sets the WeChat Official Account's menu from knowledge/lang/wechat-menu.yaml
 * (POST /cgi-bin/menu/create), with the access_token shared through the server's database.
 * Usage:
 *   npm run wechat:menu               sets the menu (needs WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_TOKEN)
 *   npm run wechat:menu -- --dry-run  prints the JSON it would send, and sends nothing
 */
import { createStores } from '../bot/adapters/storage/create-stores';
import { createLogger, systemClock } from '../bot/adapters/system/system';
import { createWechatApi, loadWechatMenu, toMenuCreateBody, type WechatApiOptions } from '../bot/adapters/wechat';
import { ConfigError, loadConfig } from '../bot/config';
import { withEnvFile } from '../bot/env-file';
import type { Clock } from '../bot/core/ports';

/** Runs the command; returns the exit code. `deps` lets tests pass a clock and quick retries. */
export async function main(argv: string[], env: Record<string, string | undefined>, deps: { clock?: Clock; api?: WechatApiOptions; out?: (line: string) => void } = {}): Promise<number> {
  const out = deps.out ?? ((line: string) => console.log(line));
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : `wechat:menu: ${(e as Error).message}`);
    return 1;
  }
  const loaded = loadWechatMenu(config.KNOWLEDGE_DIR);
  if (!loaded.ok) {
    console.error(`wechat:menu: ${loaded.issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n')}`);
    return 1;
  }
  const body = toMenuCreateBody(loaded.menu);
  if (argv.includes('--dry-run')) {
    out(JSON.stringify(body, null, 2));
    return 0;
  }
  if (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET) {
    console.error('wechat:menu: set WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_TOKEN (see README, WeChat)');
    return 2;
  }
  const stores = await createStores(config, deps.clock ?? systemClock);
  try {
    const api = createWechatApi(
      { appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET, apiRoot: config.WECHAT_API_ROOT },
      { tokens: stores.wechatTokens, clock: deps.clock ?? systemClock, logger: createLogger(config.LOG_LEVEL) },
      deps.api,
    );
    await api.createMenu(body);
    out(`wechat:menu: menu set (${body.button.map((b) => b.name).join(' | ')})`);
    return 0;
  } catch (e) {
    console.error(`wechat:menu: ${(e as Error).message}`);
    return 1;
  } finally {
    await stores.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2), withEnvFile(process.env).env).then((code) => (process.exitCode = code));
}
