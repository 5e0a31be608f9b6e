import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeDatabase, withEnvFile, withoutPassword } from '../bot/env-file';
import { KNOWLEDGE_DIR, makeServices, tempDataDir } from './fixtures/services';

const root = resolve(__dirname, '..');

describe('withEnvFile', () => {
  let dir: { dir: string; cleanup(): void };
  beforeEach(() => {
    dir = tempDataDir();
  });
  afterEach(() => dir.cleanup());

  describe('when .env exists in the working folder', () => {
    it('reads it under the environment: a variable set in the environment wins', () => {
      writeFileSync(join(dir.dir, '.env'), '# settings\nDATA_DIR=/srv/customs\nPORT="8080"\nexport LOG_LEVEL=warn\n');
      const loaded = withEnvFile({ PORT: '3001' }, dir.dir);
      expect(loaded.env).toMatchObject({ DATA_DIR: '/srv/customs', PORT: '3001', LOG_LEVEL: 'warn' });
      expect(loaded.file).toBe(join(dir.dir, '.env'));
      expect([...loaded.fromFile].sort()).toEqual(['DATA_DIR', 'LOG_LEVEL']);
    });
  });
  describe('when there is no .env', () => {
    it('returns the environment unchanged', () => {
      expect(withEnvFile({ PORT: '1' }, dir.dir)).toEqual({ env: { PORT: '1' }, fromFile: new Set() });
    });
  });
  describe('when ENV_FILE names a file that does not exist', () => {
    it('throws, naming it', () => {
      expect(() => withEnvFile({ ENV_FILE: 'prod.env' }, dir.dir)).toThrow(/ENV_FILE="prod.env".*no such file/);
    });
  });
});

describe('describeDatabase', () => {
  it('says which SQLite file and where DATA_DIR came from', () => {
    expect(describeDatabase({ env: {}, fromFile: new Set() }, '/app/data/assistant.sqlite')).toBe('database: /app/data/assistant.sqlite (DATA_DIR default)');
    expect(describeDatabase({ env: { DATA_DIR: '/d' }, file: '/app/.env', fromFile: new Set(['DATA_DIR']) }, '/d/assistant.sqlite')).toBe('database: /d/assistant.sqlite (DATA_DIR from /app/.env)');
    expect(describeDatabase({ env: { DATA_DIR: '/d' }, fromFile: new Set() }, '/d/assistant.sqlite')).toBe('database: /d/assistant.sqlite (DATA_DIR from the environment)');
  });
  it('never prints a PostgreSQL password', () => {
    const line = describeDatabase({ env: { DATABASE_URL: 'postgres://customs:s3cret-pw@db:5432/customs' }, fromFile: new Set() }, '');
    expect(line).toBe('database: postgres://customs:***@db:5432/customs (DATABASE_URL from the environment)');
    expect(withoutPassword('not a url s3cret')).not.toContain('s3cret');
  });
});

describe('npm run coordinator with ENV_FILE (issue 13)', () => {
  it('writes to the DATA_DIR of the file the server reads too, and says which database it used', async () => {
    const data = tempDataDir();
    try {
      const envFile = join(data.dir, 'customs.env');
      const dataDir = join(data.dir, 'server-data');
      writeFileSync(envFile, `DATA_DIR=${dataDir}\nKNOWLEDGE_DIR=${KNOWLEDGE_DIR}\n`);
      const env: Record<string, string | undefined> = { ...process.env, ENV_FILE: envFile, LOG_LEVEL: 'silent' };
      delete env.DATA_DIR;
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
        execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts/coordinator.ts'), 'add', 'env-ann'], { cwd: root, env }, (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr })),
      );
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`coordinator: database: ${join(dataDir, 'assistant.sqlite')} (DATA_DIR from ${envFile})`);
      expect(JSON.parse(run.stdout)).toMatchObject({ name: 'env-ann' });
      // the server, given the same file, sees the account
      const loaded = withEnvFile({ ENV_FILE: envFile }, root);
      const services = await makeServices({ DATA_DIR: loaded.env.DATA_DIR ?? '' });
      try {
        expect((await services.coordination.coordinators.list()).map((c) => c.name)).toEqual(['env-ann']);
      } finally {
        await services.close();
      }
    } finally {
      data.cleanup();
    }
  }, 60_000);
});
