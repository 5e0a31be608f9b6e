import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { call, escalate, login } from '../../fixtures/coordinators';
import { startServer, tempDataDir, type RunningServer } from '../../fixtures/services';

const root = resolve(__dirname, '../../..');

/** Runs a script the way `npm run` does, with DATA_DIR set; never blocks the in-process server. */
function run(script: string, args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run coordinator', () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ DATA_DIR: data.dir });
  });
  afterAll(async () => {
    await server.stop();
    data.cleanup();
  });

  describe('add NAME', () => {
    it('creates an account in the running server\'s database and prints its password and token once', async () => {
      const out = await run('coordinator.ts', ['add', 'wang'], data.dir);
      expect(out.code).toBe(0);
      const created = JSON.parse(out.stdout);
      expect(created).toEqual({ name: 'wang', role: 'coordinator', password: expect.stringMatching(/^[a-zA-Z0-9]{20}$/), token: expect.stringMatching(/^cdt\./) });
      expect((await login(server, created)).setCookie).toContain('cd_session=');
      expect((await call(server, 'GET', '/escalations', { headers: { authorization: `Bearer ${created.token}` } })).status).toBe(200);
      const stored = JSON.stringify(await server.services.stores.coordinators.byName('wang'));
      expect(stored).not.toContain(created.password);
      expect(stored).not.toContain(created.token.split('.')[2]);
      expect(stored).toMatch(/scrypt\$16384\$8\$1\$/);
    });
    it('creates a lead with --role lead', async () => {
      const out = await run('coordinator.ts', ['add', 'zhang', '--role', 'lead'], data.dir);
      const lead = JSON.parse(out.stdout);
      expect(lead.role).toBe('lead');
      expect((await call(server, 'GET', '/stats', { headers: { authorization: `Bearer ${lead.token}` } })).status).toBe(200);
    });
    it.each([
      ['a taken name', ['add', 'WANG'], 1, /already exists/],
      ['an unknown role', ['add', 'li', '--role', 'admin'], 2, /--role must be coordinator or lead/],
      ['an invalid name', ['add', 'bad name!'], 2, /name "bad name!" is invalid/],
      ['no name', ['add'], 2, /usage/],
      ['an unknown command', ['delete', 'wang'], 2, /usage/],
    ])('refuses %s with exit code %i', async (_case, args, code, message) => {
      const out = await run('coordinator.ts', args, data.dir);
      expect(out.code).toBe(code);
      expect(out.stderr).toMatch(message);
      expect(out.stdout).toBe('');
    });
  });

  describe('list and disable', () => {
    it('lists accounts without secrets, and a disabled one can no longer log in or call the API', async () => {
      const created = JSON.parse((await run('coordinator.ts', ['add', 'zhao'], data.dir)).stdout);
      const session = await login(server, created);
      const disabled = await run('coordinator.ts', ['disable', 'zhao'], data.dir);
      expect(disabled.code).toBe(0);
      const list = JSON.parse((await run('coordinator.ts', ['list'], data.dir)).stdout);
      expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'zhao', role: 'coordinator', disabled: true }), expect.objectContaining({ name: 'wang', disabled: false })]));
      expect(JSON.stringify(list)).not.toMatch(/password|token|scrypt/);
      expect((await call(server, 'POST', '/coordinator/login', { body: { name: 'zhao', password: created.password } })).status).toBe(401);
      expect((await call(server, 'GET', '/escalations', { headers: session.cookie })).status).toBe(401);
      expect((await call(server, 'GET', '/escalations', { headers: { authorization: `Bearer ${created.token}` } })).status).toBe(401);
      expect((await run('coordinator.ts', ['disable', 'nobody'], data.dir)).code).toBe(1);
    });
  });
});

describe('npm run casebook:export', () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ DATA_DIR: data.dir });
    const me = await server.services.coordination.accounts.add('li', 'coordinator');
    const auth = { authorization: `Bearer ${me?.token}` };
    const { escalationId } = await escalate(server, '我要人工，电话 138 0013 8000，护照E12345678');
    await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: auth });
    await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: auth, body: { category: 'complaint', summary: '=cmd| called back on +86 138 0013 8000' } });
  });
  afterAll(async () => {
    await server.stop();
    data.cleanup();
  });

  it('writes Markdown for printing, redacted', async () => {
    const out = join(data.dir, 'casebook.md');
    const res = await run('casebook-export.ts', ['--format', 'md', '--out', out], data.dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('1 case(s) written');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Casebook (协调台账)');
    expect(md).toContain('complaint');
    expect(md).toContain('> 我要人工，电话 \\[phone\\]，护照\\[passport\\]');
    expect(md).not.toMatch(/138 0013|E12345678/);
  });
  it('writes CSV for spreadsheets, redacted and formula-safe', async () => {
    const res = await run('casebook-export.ts', ['--format', 'csv'], data.dir);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\r\n');
    expect(lines[0]).toMatch(/^"id","createdAt"/);
    expect(lines[1]).toContain(`"'=cmd| called back on [phone]"`);
    expect(res.stdout).not.toContain('138 0013');
  });
  it.each([
    [['--format', 'pdf'], /--format must be md or csv/],
    [[], /--format must be md or csv/],
    [['--format', 'md', '--out'], /--out needs a file name/],
    [['--format', 'md', '--category', 'magic'], /--category must be one of/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const res = await run('casebook-export.ts', args, data.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});
