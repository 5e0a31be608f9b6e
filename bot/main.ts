import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createServices } from './compose';

/** Starts the assistant; returns an exit code on a start-up failure (telegraf's `main(argv, env)` idiom). */
export async function main(env: Record<string, string | undefined>): Promise<number> {
  let services;
  try {
    services = await createServices(loadConfig(env));
  } catch (e) {
    if (e instanceof ConfigError) console.error(e.message);
    else console.error(`start-up failed: ${(e as Error).message}`);
    return 1;
  }
  const { config, app, logger } = services;
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.PORT, config.HOST, () => resolve(s));
      s.on('error', reject);
    });
  } catch (e) {
    console.error(`cannot listen on ${config.HOST}:${config.PORT}: ${(e as Error).message}`);
    await services.close();
    return 1;
  }
  logger.log('info', 'listening', { url: `http://${config.HOST}:${config.PORT}/`, dataDir: config.DATA_DIR });
  console.log(`Customs assistant: web chat and API on http://${config.HOST}:${config.PORT}/ (data in ${config.DATA_DIR})`);
  if (services.telegram) {
    services.telegram.start(); // in the background; keeps retrying while Telegram is unreachable
    console.log(`Telegram bot: ${services.telegram.mode === 'webhook' ? 'webhook' : 'long polling'}`);
  }
  if (services.wechat) console.log(`WeChat: push endpoint ${config.WECHAT_PATH} (${services.wechat.mode === 'safe' ? 'safe mode' : 'plaintext mode'})`);
  const stop = (signal: string) => {
    logger.log('info', 'stopping', { signal });
    const telegramStopped = Promise.all([services.telegram?.stop(), services.wechat?.stop()]);
    server.close(async () => {
      await telegramStopped;
      await services.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

if (require.main === module) {
  main(process.env).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
