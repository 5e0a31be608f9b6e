import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadWechatTexts, WECHAT_TEXTS_FILE } from '../../../bot/adapters/wechat';
import { KNOWLEDGE_DIR, tempDataDir } from '../../fixtures/services';

describe('loadWechatTexts', () => {
  describe('with the shipped knowledge/lang/wechat.yaml', () => {
    it('returns every phrase in zh, en and ru, with the {reason} slot in the failure note', () => {
      const result = loadWechatTexts(KNOWLEDGE_DIR);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      for (const lang of ['zh', 'en', 'ru'] as const) expect(result.texts.delivery_failed_note[lang]).toContain('{reason}');
    });
  });

  describe('when a language is missing', () => {
    it('makes kb:check fail naming the file and the key', () => {
      const tmp = tempDataDir();
      try {
        cpSync(KNOWLEDGE_DIR, tmp.dir, { recursive: true });
        const file = join(tmp.dir, WECHAT_TEXTS_FILE);
        writeFileSync(file, readFileSync(file, 'utf8').replace('  too_long:\n    zh:', '  too_long:\n    xx:'));
        const result = loadWechatTexts(tmp.dir);
        expect(result).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ file: 'lang/wechat.yaml', path: 'texts.too_long.zh' })]) });
        let output = '';
        try {
          execFileSync('npx', ['tsx', 'scripts/check-knowledge.ts', '--dir', tmp.dir], { cwd: resolve(__dirname, '../../..'), encoding: 'utf8', stdio: 'pipe' });
        } catch (e) {
          output = String((e as { stderr?: string }).stderr);
        }
        expect(output).toMatch(/lang\/wechat\.yaml.*texts\.too_long\.zh/);
      } finally {
        tmp.cleanup();
      }
    });
  });
});
