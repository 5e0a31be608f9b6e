import { TypoMap } from '../../../bot/core/retrieval/typo-map';

describe('TypoMap', () => {
  const map = new TypoMap(['cigarett', 'cigar', 'сигарет', 'sausag', 'passport'], 5);
  describe('when a word has one typo', () => {
    it.each([
      ['cigarete', 'cigarett'], // one letter missing
      ['sausagg', 'sausag'], // one letter extra
      ['сигорет', 'сигарет'], // one letter wrong
      ['pasport', 'passport'],
    ])('finds %s -> %s', (typo, term) => {
      expect(map.near(typo)).toContain(term);
    });
  });
  describe('when a word is far from every term or too short', () => {
    it('finds nothing', () => {
      expect(map.near('elephant')).toEqual([]);
      expect(map.near('cigr')).toEqual([]);
    });
  });
  it('never returns the word itself', () => {
    expect(map.near('cigarett')).not.toContain('cigarett');
  });
});
