import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTelegramTexts, TELEGRAM_TEXTS_FILE } from '../../../bot/adapters/telegram';
import { KNOWLEDGE_DIR, tempDataDir } from '../../fixtures/services';

describe('loadTelegramTexts', () => {
  describe('with the shipped knowledge/lang/telegram.yaml', () => {
    it('returns every phrase in zh, en and ru', () => {
      const result = loadTelegramTexts(KNOWLEDGE_DIR);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.texts.language_name).toEqual({ zh: '中文', en: 'English', ru: 'Русский' });
    });
  });
  describe('when a language is missing', () => {
    it('returns an issue naming the file and the key', () => {
      const tmp = tempDataDir();
      try {
        cpSync(join(KNOWLEDGE_DIR, 'lang'), join(tmp.dir, 'lang'), { recursive: true });
        const file = join(tmp.dir, TELEGRAM_TEXTS_FILE);
        writeFileSync(file, readFileSync(file, 'utf8').replace('  help:\n    zh:', '  help:\n    xx:'));
        const result = loadTelegramTexts(tmp.dir);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'lang/telegram.yaml', path: 'texts.help.zh' })]));
      } finally {
        tmp.cleanup();
      }
    });
  });
  describe('when the file is missing', () => {
    it('returns an issue instead of throwing', () => {
      const tmp = tempDataDir();
      try {
        const result = loadTelegramTexts(tmp.dir);
        expect(result).toMatchObject({ ok: false, issues: [{ file: 'lang/telegram.yaml', path: '' }] });
      } finally {
        tmp.cleanup();
      }
    });
  });
});
