import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDataDir } from './fixtures/services';

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
  it('runs as a non-root user, with a data volume and a health check on /healthz', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/^HEALTHCHECK[\s\S]*\/healthz/m);
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
});
