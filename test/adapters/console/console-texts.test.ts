import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONSOLE_TEXT_KEYS, loadConsoleTexts } from '../../../bot/adapters/console/console-texts';
import { KNOWLEDGE_DIR, tempDataDir } from '../../fixtures/services';

const ROOT = resolve(__dirname, '../../..');

describe('console texts (knowledge/lang/console.yaml)', () => {
  it('has every key in zh, en and ru, a reason name for every escalation reason among them', () => {
    const loaded = loadConsoleTexts(KNOWLEDGE_DIR);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const lang of ['zh', 'en', 'ru'] as const) expect(Object.keys(loaded.texts[lang]).sort()).toEqual([...CONSOLE_TEXT_KEYS].sort());
    expect(loaded.texts.zh.reason_seizure).toBe('物品被扣');
    expect(CONSOLE_TEXT_KEYS).toEqual(expect.arrayContaining(['reason_low_confidence', 'reason_asked_for_human', 'category_transfer', 'dept_police']));
  });

  describe('when a language or a key is missing', () => {
    const dir = tempDataDir();
    afterAll(() => dir.cleanup());
    it('names the file and the path, and npm run kb:check fails', () => {
      cpSync(KNOWLEDGE_DIR, dir.dir, { recursive: true });
      const file = join(dir.dir, 'lang', 'console.yaml');
      const yaml = readFileSync(file, 'utf8')
        .replace(/^ {2}tab_stats: \{ zh: 统计, en: Statistics, ru: [^}]+\}\n/m, '  tab_stats: { zh: 统计, en: Statistics }\n')
        .replace(/^ {2}reason_fine: .*\n/m, '');
      writeFileSync(file, yaml);
      const loaded = loadConsoleTexts(dir.dir);
      expect(loaded.ok).toBe(false);
      const issues = loaded.ok ? [] : loaded.issues.map((i) => `${i.file} ${i.path}`);
      expect(issues).toEqual(expect.arrayContaining([`${join('lang', 'console.yaml')} texts.tab_stats.ru`, `${join('lang', 'console.yaml')} texts.reason_fine`]));
      let output = '';
      try {
        execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check-knowledge.ts', '--dir', dir.dir], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        output = String((e as { stderr?: string }).stderr);
      }
      expect(output).toContain('console.yaml › texts.tab_stats.ru');
    });
  });
});
