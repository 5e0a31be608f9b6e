import { isAddressedToBot, isGroupChat, toLanguageCode, withoutMention } from '../../../bot/adapters/telegram/addressing';
import { FAKE_BOT } from '../../fixtures/fake-telegram';

const me = FAKE_BOT;
const mention = (text: string) => ({ text, entities: [...text.matchAll(/@\w+/g)].map((m) => ({ type: 'mention' as const, offset: m.index, length: m[0].length })) });

describe('telegram addressing', () => {
  describe('isAddressedToBot', () => {
    it('returns true when the message mentions @botname, in any case', () => {
      expect(isAddressedToBot(mention('@Customs_Test_Bot how many cigarettes?'), me)).toBe(true);
    });
    it('returns false when the message mentions someone else', () => {
      expect(isAddressedToBot(mention('@guide_anna how many cigarettes?'), me)).toBe(false);
    });
    it('returns false for the bot name written without an entity', () => {
      expect(isAddressedToBot({ text: 'customs_test_bot help' }, me)).toBe(false);
    });
    it('returns true for a reply to one of the bot’s messages', () => {
      expect(isAddressedToBot({ text: 'and wine?', reply_to_message: { from: { ...me } } }, me)).toBe(true);
    });
    it('returns false for a reply to a person', () => {
      expect(isAddressedToBot({ text: 'and wine?', reply_to_message: { from: { id: 5, is_bot: false, first_name: 'Anna' } } }, me)).toBe(false);
    });
    it('returns true for a text mention of the bot (a user without a username link)', () => {
      expect(isAddressedToBot({ text: 'bot, and wine?', entities: [{ type: 'text_mention', offset: 0, length: 3, user: { ...me } }] }, me)).toBe(true);
    });
  });

  describe('withoutMention', () => {
    it('removes the bot’s mention and keeps the question', () => {
      expect(withoutMention('@customs_test_bot  can I bring   sausages?', me)).toBe('can I bring sausages?');
    });
    it('keeps other mentions', () => {
      expect(withoutMention('@anna asks: @customs_test_bot cash?', me)).toBe('@anna asks: cash?');
    });
  });

  describe('toLanguageCode', () => {
    it.each([
      ['ru', 'ru'],
      ['en-US', 'en'],
      ['zh-hans', 'zh'],
      ['ZH_TW', 'zh'],
      ['de', undefined],
      [undefined, undefined],
    ])('maps %s to %s', (code, expected) => {
      expect(toLanguageCode(code)).toBe(expected);
    });
  });

  describe('isGroupChat', () => {
    it('returns true for groups and supergroups only', () => {
      expect(['private', 'group', 'supergroup', 'channel'].map(isGroupChat)).toEqual([false, true, true, false]);
    });
  });
});
