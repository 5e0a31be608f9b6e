import express from 'express';
import type { Server } from 'node:http';
import { stopGracefully } from './adapters/http/graceful-stop';
import { metricsRoutes } from './adapters/http/metrics-routes';
import { ConfigError, loadConfig, type Config } from './config';
import { createServices, SHUTDOWN_RETRY_MS, type Services } from './compose';
import { describeDatabase, withEnvFile, type Env } from './env-file';

/** After SIGTERM, the process exits by this time even if something hangs (Docker's SIGKILL comes at 10 s). */
const SHUTDOWN_DEADLINE_MS = 9500;

/** Starts the assistant; returns an exit code on a start-up failure (telegraf's `main(argv, env)` idiom). */
export async function main(processEnv: Env): Promise<number> {
  let services: Services;
  let dbLine: string;
  try {
    const loaded = withEnvFile(processEnv);
    const config = loadConfig(loaded.env);
    dbLine = describeDatabase(loaded, config.databaseFile);
    services = await createServices(config);
  } catch (e) {
    if (e instanceof ConfigError) console.error(e.message);
    else console.error(`start-up failed: ${(e as Error).message}`);
    return 1;
  }
  const { config, app, logger } = services;
  let server: Server;
  let metricsServer: Server | undefined;
  try {
    server = await listen(app, config.PORT, config.HOST);
    if (config.METRICS_PORT !== undefined) metricsServer = await listen(metricsApp(services, config), config.METRICS_PORT, config.HOST);
  } catch (e) {
    console.error(`cannot listen on ${config.HOST}:${config.PORT}: ${(e as Error).message}`);
    await services.close();
    return 1;
  }
  logger.log('info', 'listening', { url: `http://${config.HOST}:${config.PORT}/`, dataDir: config.DATA_DIR, metricsPort: config.METRICS_PORT });
  console.log(`Customs assistant: web chat and API on http://${config.HOST}:${config.PORT}/ (${dbLine})`);
  if (metricsServer) console.log(`Metrics: http://${config.HOST}:${config.METRICS_PORT}/metrics`);
  if (services.telegram) {
    services.telegram.start(); // in the background; keeps retrying while Telegram is unreachable
    console.log(`Telegram bot: ${services.telegram.mode === 'webhook' ? 'webhook' : 'long polling'}`);
  }
  if (services.wechat) console.log(`WeChat: push endpoint ${config.WECHAT_PATH} (${services.wechat.mode === 'safe' ? 'safe mode' : 'plaintext mode'})`);
  const stop = (signal: string) => {
    const started = Date.now();
    logger.log('info', 'stopping', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    void shutDown(services, server, metricsServer).then(() => {
      logger.log('info', 'stopped', { signal, ms: Date.now() - started });
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

/**
 * Stop accepting, end event streams at once with a retry hint, let in-flight requests finish,
 * let the channels flush their queued sends, then close the database (issue 13).
 */
async function shutDown(services: Services, server: Server, metricsServer?: Server): Promise<void> {
  const channels = Promise.all([services.telegram?.stop(), services.wechat?.stop()]);
  metricsServer?.close();
  metricsServer?.closeAllConnections();
  await stopGracefully(server, services.operations.streams, { retryMs: SHUTDOWN_RETRY_MS });
  await channels;
  await services.close();
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.on('error', reject);
  });
}

/** The METRICS_PORT listener: GET /metrics only (Bearer-protected too when METRICS_TOKEN is set). */
function metricsApp(services: Services, config: Config): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(metricsRoutes(services.operations.metrics, config.METRICS_TOKEN));
  return app;
}

if (require.main === module) {
  main(process.env).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
