import { detectLanguage } from '../../../bot/core/text';

describe('detectLanguage', () => {
  describe('when the message is in one script', () => {
    it.each([
      ['带了15条烟要交税吗', 'zh'],
      ['can i bring my moms sausages', 'en'],
      ['сколько блоков можно провезти', 'ru'],
    ])('reads %s as %s', (text, lang) => {
      expect(detectLanguage(text)).toEqual({ lang, confident: true });
    });
  });

  describe('when the message mixes scripts', () => {
    it.each([
      ['带两瓶whisky可以吗', 'zh'],
      ['можно ли провезти iqos стики', 'ru'],
      ['how many 条 can I bring', 'en'],
      ['можно ли провезти 2 блока marlboro gold', 'ru'],
      ['从Tokyo回来，live in 大连，买了 2 bottles sake，1 carton 烟', 'zh'],
      ['I live in 哈尔滨, what is the limit for cigarettes', 'en'],
    ])('goes by the dominant one: %s -> %s', (text, lang) => {
      expect(detectLanguage(text).lang).toBe(lang);
    });
  });

  describe('when the message has no letters', () => {
    it('falls back and says it is not confident', () => {
      expect(detectLanguage('🤔🤔 ???', 'ru')).toEqual({ lang: 'ru', confident: false });
      expect(detectLanguage('12345').confident).toBe(false);
    });
  });
});
