import { createLogger } from '../../../bot/adapters/system/system';

describe('createLogger', () => {
  describe('when a field quotes personal numbers (issue 14 item 9)', () => {
    it('writes them redacted, and leaves ids and numbers that are not personal as they are', () => {
      const lines: string[] = [];
      const logger = createLogger('info', (l) => lines.push(l));
      logger.log('error', 'http_unhandled', { error: 'TypeError: bad input "call +7 912 345-67-89 or wang.li@example.com, passport E12345678"', conversationId: 'c_E12345678-abcdEFGH', count: 12000, path: '/api/v1/chat' });
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0] as string);
      expect(entry).toMatchObject({ level: 'error', code: 'http_unhandled', error: 'TypeError: bad input "call [phone] or [email], passport [passport]"', conversationId: 'c_E12345678-abcdEFGH', count: 12000, path: '/api/v1/chat' });
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
