import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KNOWLEDGE_DIR, tempDataDir } from './fixtures/services';

// There is no Docker daemon on this project's machines or in CI: these tests check the
// Dockerfile's and compose.yaml's contents, and run the commands the image runs (the build,
// `node dist/bot/main.js`'s file, the compiled CLIs with production dependencies only).

const root = resolve(__dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const runLines = dockerfile.split('\n').filter((l) => l.startsWith('RUN ')).map((l) => l.slice(4).trim());

describe('Dockerfile', () => {
  it('is multi-stage and installs only production dependencies in the runtime image', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(runLines).toContain('npm ci --omit=dev');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).not.toMatch(/RUN npm (ci|install)(?! --omit=dev)/);
  });
  it('builds with the same commands as the README', () => {
    expect(runLines).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build');
  });
  it('runs as a non-root user, with a data volume and a health check on /readyz', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    // /readyz, not /healthz: it fails on a read-only or full disk (issue 13)
    expect(runtime).toMatch(/^HEALTHCHECK[\s\S]*\/readyz/m);
    expect(runtime).not.toMatch(/\/healthz/);
  });
  it('starts a file that the build stage produces', () => {
    const cmd = dockerfile.match(/^CMD \["node", "([^"]+)"\]$/m)?.[1];
    expect(cmd).toBe('dist/bot/main.js');
    const out = tempDataDir();
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out.dir], { cwd: root });
      expect(existsSync(join(out.dir, 'bot/main.js'))).toBe(true);
    } finally {
      out.cleanup();
    }
  }, 120_000);

  describe('the CLIs in the runtime image (issue 13)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    const CLIS = ['coordinator', 'backup', 'casebook-export', 'wechat-menu'];
    let out: { dir: string; cleanup(): void };
    beforeAll(() => {
      out = tempDataDir();
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(out.dir, 'dist')], { cwd: root });
      symlinkSync(join(root, 'node_modules'), join(out.dir, 'node_modules'));
    }, 120_000);
    afterAll(() => out.cleanup());

    it('compiles scripts/ in the build stage, which copies them', () => {
      const build = dockerfile.slice(0, dockerfile.indexOf('AS deps'));
      expect(build).toMatch(/^COPY scripts \.\/scripts$/m);
      for (const cli of CLIS) expect(existsSync(join(out.dir, 'dist/scripts', `${cli}.js`))).toBe(true);
    });

    it('gives each CLI a prod: npm script that runs its compiled file with node, not tsx', () => {
      expect(pkg.scripts['prod:coordinator']).toBe('node dist/scripts/coordinator.js');
      expect(pkg.scripts['prod:backup']).toBe('node dist/scripts/backup.js');
      for (const [name, command] of Object.entries(pkg.scripts).filter(([n]) => n.startsWith('prod:'))) {
        expect(command).not.toMatch(/tsx/);
        const file = command.match(/^node (dist\/\S+\.js)$/)?.[1];
        expect([name, file && existsSync(join(out.dir, file))]).toEqual([name, true]);
      }
    });

    it('needs only production dependencies (the image has no dev dependencies)', () => {
      const needed = new Set<string>();
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
          if (!spec) continue;
          if (spec.startsWith('.')) visit(require.resolve(resolve(dirname(file), spec)));
          else if (!spec.startsWith('node:')) needed.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
        }
      };
      for (const entry of ['dist/bot/main.js', ...CLIS.map((c) => `dist/scripts/${c}.js`)]) visit(join(out.dir, entry));
      expect(needed.size).toBeGreaterThan(5);
      expect([...needed].filter((d) => !(d in pkg.dependencies))).toEqual([]);
    });

    it('runs the compiled coordinator and backup CLIs with node alone, on the DATA_DIR given', () => {
      const data = tempDataDir();
      try {
        const env = { PATH: process.env.PATH, DATA_DIR: data.dir, KNOWLEDGE_DIR, LOG_LEVEL: 'silent' };
        const added = execFileSync(process.execPath, [join(out.dir, 'dist/scripts/coordinator.js'), 'add', 'image-ann'], { cwd: out.dir, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
        expect(JSON.parse(added)).toMatchObject({ name: 'image-ann', role: 'coordinator' });
        execFileSync(process.execPath, [join(out.dir, 'dist/scripts/backup.js'), '--out', join(data.dir, 'copy.sqlite')], { cwd: out.dir, env, stdio: 'ignore' });
        expect(existsSync(join(data.dir, 'copy.sqlite'))).toBe(true);
      } finally {
        data.cleanup();
      }
    }, 60_000);
  });
});

describe('compose.yaml', () => {
  type Service = { image?: string; build?: unknown; environment?: Record<string, string>; healthcheck?: { test: string[] }; volumes?: string[]; depends_on?: Record<string, { condition: string }>; deploy?: { replicas?: number }; ports?: string[] };
  const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const app = compose.services.app as Service;
  const postgres = compose.services.postgres as Service;

  it('runs two replicas of this image on PostgreSQL', () => {
    expect(app.build).toBe('.');
    expect(app.deploy?.replicas).toBe(2);
    expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/customs:\$\{POSTGRES_PASSWORD\}@postgres:5432\/customs$/);
    expect(app.environment?.HOST).toBe('0.0.0.0');
    expect(app.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/); // no default password
  });
  it('keeps the database on a named volume', () => {
    expect(postgres.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
  });
  it('checks the replicas on /readyz and PostgreSQL with pg_isready', () => {
    expect(app.healthcheck?.test.join(' ')).toMatch(/127\.0\.0\.1:3000\/readyz/);
    expect(postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
  });
  it('publishes one port, on the proxy in front of the replicas, not on the replicas', () => {
    expect(app.ports).toBeUndefined();
    expect(compose.services.proxy?.ports).toEqual(['8080:8080']);
    expect(String((compose.services.proxy as Service & { command?: string }).command)).toMatch(/--to app:3000/);
  });
});
