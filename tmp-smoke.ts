import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeTelegram } from './test/fixtures/fake-telegram';
import { textUpdate, privateChat, user } from './test/adapters/telegram/updates';
const TOKEN = '123456789:TEST-token_for-the-fake-bot-api';
(async () => {
  const fake = await FakeTelegram.start(TOKEN);
  const dataDir = mkdtempSync(join(tmpdir(), 'tg-smoke-'));
  const child = spawn('npx', ['tsx', 'bot/main.ts'], { env: { ...process.env, PORT: '3999', DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = ''; child.stdout.on('data', (d) => (out += d)); let err = ''; child.stderr.on('data', (d) => (err += d));
  const t0 = Date.now();
  await fake.waitForCall('getUpdates', () => true, { timeoutMs: 30000 });
  console.log('bot polling after', Date.now() - t0, 'ms');
  const qs = ['can I bring sausages?', 'сколько сигарет можно ввезти?', '能带多少现金入境？', 'how much cash can I bring?', 'можно ли ввезти колбасу?'];
  const lat: number[] = [];
  for (let i = 0; i < 50; i++) {
    const since = fake.calls.length; const s = Date.now();
    fake.pushUpdate(textUpdate(qs[i % qs.length]!, { chat: privateChat(900 + (i % 5)), from: user('en', 900 + (i % 5)) }));
    await fake.waitForCall('sendMessage', (p) => p.chat_id === 900 + (i % 5), { since });
    lat.push(Date.now() - s);
  }
  lat.sort((a, b) => a - b);
  console.log('round trip update->sendMessage ms: median', lat[25], 'p95', lat[47], 'max', lat[49]);
  const last = fake.callsOf('sendMessage').at(-1)!;
  console.log('sample:', JSON.stringify(last.payload).slice(0, 400));
  child.kill('SIGTERM');
  const code = await new Promise((r) => child.on('exit', r));
  console.log('exit code', code, 'stdout:', out.trim());
  console.log('log codes:', [...err.matchAll(/"code":"(\w+)"/g)].map((m) => m[1]).filter((c, i, a) => a.indexOf(c) === i).join(','));
  console.log('token in logs?', err.includes('TEST-token'));
  await fake.close();
})();
