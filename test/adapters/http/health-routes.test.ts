import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, sqliteWritableCheck, StorageError } from '../../../bot/adapters/storage/sqlite';
import { makeServices, postJson, startServer, tempDataDir, type RunningServer } from '../../fixtures/services';

/**
 * A small tmpfs to fill up or mount read-only: a real full or read-only disk, not a simulation.
 * Needs root with CAP_SYS_ADMIN (as on this project's machines and CI); elsewhere those tests are
 * skipped, saying why, and the read-only handle tests below still run.
 */
function tryMount(dir: string, sizeKb: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const probe = tempDataDir();
const canMount = tryMount(probe.dir, 64);
if (canMount) execFileSync('umount', [probe.dir]);
probe.cleanup();
const withMount = canMount ? describe : describe.skip;
if (!canMount) console.warn('health-routes.test: cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): full-disk and read-only-mount cases skipped');

describe('GET /healthz and /readyz', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('answers alive on /healthz and ready on /readyz when indexed and writable', async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', knowledge: 'indexed', storage: 'writable' });
  });
});

describe('sqliteWritableCheck', () => {
  describe('when the database file is read-only', () => {
    it('throws SQLITE_READONLY, as a chat write would', () => {
      const data = tempDataDir();
      try {
        const file = join(data.dir, 'assistant.sqlite');
        openDatabase(file).close();
        // what SQLite does when the file can only be opened for reading (mode 0444 for a non-root owner)
        const readOnly = new Database(file, { readonly: true });
        try {
          expect(() => sqliteWritableCheck(readOnly)()).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
        } finally {
          readOnly.close();
        }
        const writable = new Database(file);
        expect(() => sqliteWritableCheck(writable)()).not.toThrow();
        writable.close();
      } finally {
        data.cleanup();
      }
    });
  });
});

withMount('storage on a real small file system', () => {
  let mountDir: string;
  let cleanup: () => void;
  beforeEach(() => {
    const d = tempDataDir();
    mountDir = d.dir;
    cleanup = d.cleanup;
  });
  afterEach(() => {
    execFileSync('umount', ['-l', mountDir], { stdio: 'ignore' });
    cleanup();
  });

  describe('when the disk fills up while the server runs', () => {
    it('makes /readyz answer 503 while chats fail, and 200 again once space is freed', async () => {
      expect(tryMount(mountDir, 2048)).toBe(true);
      const dataDir = join(mountDir, 'data');
      const server = await startServer({ DATA_DIR: dataDir });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        expect((await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring cheese?' })).status).toBe(200);
        const filler = join(mountDir, 'filler');
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
        } catch {
          // dd stops with "No space left on device": the disk is full, which is the point
        }
        // the very failure /readyz exists to show: every chat is a 500 now
        expect((await postJson(`${server.url}/api/v1/chat`, { text: 'can I bring sausages from home?' })).status).toBe(500);
        const full = await fetch(`${server.url}/readyz`);
        expect(full.status).toBe(503);
        expect(await full.json()).toEqual({ status: 'unavailable', knowledge: 'indexed', storage: 'not_writable' });
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200); // alive: restarting would not free the disk
        rmSync(filler);
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    }, 30_000);
  });

  describe('when the data folder is on a read-only file system', () => {
    it('refuses to start, naming the database', async () => {
      expect(tryMount(mountDir, 2048)).toBe(true);
      const dataDir = join(mountDir, 'data');
      mkdirSync(dataDir);
      await (await makeServices({ DATA_DIR: dataDir })).close();
      writeFileSync(join(mountDir, 'marker'), 'x');
      execFileSync('mount', ['-o', 'remount,ro', mountDir]);
      await expect(makeServices({ DATA_DIR: dataDir })).rejects.toThrow(/assistant\.sqlite/);
      await expect(makeServices({ DATA_DIR: dataDir })).rejects.toMatchObject({ name: new StorageError('x').name });
    });
  });
});
