import { conversationTag, createLogger } from '../../../bot/adapters/system/system';

describe('createLogger', () => {
  describe('when a field quotes personal numbers (issue 14 item 9)', () => {
    it('writes them redacted, tags the conversation id, and leaves other ids and numbers as they are', () => {
      const lines: string[] = [];
      const logger = createLogger('info', (l) => lines.push(l));
      logger.log('error', 'http_unhandled', { error: 'TypeError: bad input "call +7 912 345-67-89 or wang.li@example.com, passport E12345678"', conversationId: 'c_E12345678-abcdEFGH', count: 12000, path: '/api/v1/chat' });
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0] as string);
      expect(entry).toMatchObject({ level: 'error', code: 'http_unhandled', error: 'TypeError: bad input "call [phone] or [email], passport [passport]"', conversationTag: conversationTag('c_E12345678-abcdEFGH'), count: 12000, path: '/api/v1/chat' });
      // the id is the traveller's only credential (issue 13): the line holds a hash, not the id
      expect(lines[0]).not.toContain('c_E12345678-abcdEFGH');
      expect(entry.conversationId).toBeUndefined();
    });
  });
  describe('when a field is named code', () => {
    it('keeps the event code and writes the field as errorCode', () => {
      const lines: string[] = [];
      createLogger('info', (l) => lines.push(l)).log('error', 'telegram_api_failed', { code: 403 });
      expect(JSON.parse(lines[0] as string)).toMatchObject({ code: 'telegram_api_failed', errorCode: 403 });
    });
  });
  describe('when the level is below the threshold', () => {
    it('writes nothing', () => {
      const lines: string[] = [];
      createLogger('warn', (l) => lines.push(l)).log('info', 'x');
      expect(lines).toEqual([]);
    });
  });
});
