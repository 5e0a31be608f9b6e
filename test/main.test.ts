import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { KNOWLEDGE_DIR, postJson, tempDataDir } from './fixtures/services';

const root = resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
  });
}

/** Resolves when `pattern` shows up in the stream's output so far. */
function waitFor(out: { text: string }, child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`test: no ${pattern} within ${timeoutMs} ms; output: ${out.text}`)), timeoutMs);
    const check = () => {
      if (!pattern.test(out.text)) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      res();
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    check();
  });
}

describe('main: a spawned server (issue 13)', () => {
  it('stops accepting, ends event streams at once with a retry hint, finishes an in-flight request, closes the database', async () => {
    const data = tempDataDir();
    const port = await freePort();
    const metricsPort = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // DATA_DIR comes from an env file, as an operator's .env would give it
    const envFile = join(data.dir, 'server.env');
    writeFileSync(envFile, `DATA_DIR=${data.dir}\n`);
    const env: Record<string, string | undefined> = { ...process.env, ENV_FILE: envFile, PORT: String(port), METRICS_PORT: String(metricsPort), HOST: '127.0.0.1', KNOWLEDGE_DIR, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0' };
    delete env.DATA_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bot/main.ts')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { text: '' };
    child.stdout?.on('data', (d: Buffer) => (out.text += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out.text += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    try {
      await waitFor(out, child, /Customs assistant: web chat/);
      expect(out.text).toContain(`(database: ${join(data.dir, 'assistant.sqlite')} (DATA_DIR from ${envFile}))`);
      const chat = await postJson(`${url}/api/v1/chat`, { text: 'can I bring cheese?' });
      expect(chat.status).toBe(200);
      // METRICS_PORT without METRICS_TOKEN: /metrics on the second listener only, open there
      const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^customs_replies_total\{kind="\w+",lang="en"\} 1$/m);
      expect((await fetch(`${url}/metrics`)).status).toBe(404);

      // a live traveller page
      const stream = await fetch(`${url}/api/v1/conversations/${chat.body.conversationId}/events`);
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let streamText = '';
      const streamEnded = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return Date.now();
          streamText += value;
        }
      })();

      // a request in flight: its body is half sent when SIGTERM arrives
      const body = JSON.stringify({ text: 'can I bring sausages?', conversationId: chat.body.conversationId });
      let sendRest = (): void => undefined;
      const inFlight = new Promise<{ status: number; body: string }>((res, rej) => {
        const req = request(`${url}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (r) => {
          let text = '';
          r.on('data', (d: Buffer) => (text += d.toString()));
          r.on('end', () => res({ status: r.statusCode ?? 0, body: text }));
        });
        req.on('error', rej);
        req.write(body.slice(0, 10));
        sendRest = () => void req.end(body.slice(10)); // sent once the server is already stopping
      });
      await new Promise((r) => setTimeout(r, 100)); // let the request reach the server

      const signalled = Date.now();
      child.kill('SIGTERM');
      await waitFor(out, child, /"code":"stopping"/, 5000);
      const streamClosedAt = await streamEnded;
      expect(streamClosedAt - signalled).toBeLessThan(1000); // was ~6.6 s before issue 13
      expect(streamText).toMatch(/retry: \d+\n: server stopping/);

      // no new connections, on either port
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();

      sendRest();
      const finished = await inFlight;
      expect(finished.status).toBe(200);
      expect(JSON.parse(finished.body).reply.kind).toEqual(expect.any(String));

      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(3000);
      expect(out.text).toMatch(/"code":"stopped"/);
      // the database was closed: SQLite removes the -wal file when the last connection closes
      expect(existsSync(join(data.dir, 'assistant.sqlite'))).toBe(true);
      expect(existsSync(join(data.dir, 'assistant.sqlite-wal'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      data.cleanup();
    }
  }, 90_000);
});
