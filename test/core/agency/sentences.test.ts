import { firstSentences } from '../../../bot/core/agency';

describe('firstSentences', () => {
  describe('when the first sentence is a bare yes or no', () => {
    it('keeps the next sentence with it', () => {
      expect(firstSentences('No. Meat may not be brought into China. Declare food.', 'en')).toBe('No. Meat may not be brought into China.');
      expect(firstSentences('不能。肉类禁止携带入境。凡是动植物都要申报。', 'zh')).toBe('不能。肉类禁止携带入境。');
    });
  });
  describe('when a full stop is not the end of a sentence', () => {
    it('reads on past abbreviations and document numbers', () => {
      expect(firstSentences('Cite GACC Ann. 2010 No. 54 for the allowance of residents. Then more.', 'en')).toBe('Cite GACC Ann. 2010 No. 54 for the allowance of residents.');
      expect(firstSentences('Нет. Колбаса, ветчина, сало и т. п. запрещены к ввозу. Ещё.', 'ru')).toBe('Нет. Колбаса, ветчина, сало и т. п. запрещены к ввозу.');
    });
  });
});
