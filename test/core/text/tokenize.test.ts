import { PhraseMatcher, prepareText, tokenize, type Stopwords } from '../../../bot/core/text';

const stops: Stopwords = { zh: new Set(['吗', '了', '要']), en: new Set(['can', 'i', 'my']), ru: new Set(['можно', 'ли']) };
const terms = (text: string) => tokenize(text, stops).map((t) => t.term);

describe('tokenize', () => {
  describe('when the text is Chinese', () => {
    it('returns segmenter words plus character bigrams, without stopwords', () => {
      const t = terms('带了15条烟要交税吗');
      expect(t).toEqual(expect.arrayContaining(['15', '条', '烟', '交', '税']));
      expect(t).toEqual(expect.arrayContaining(['交税']));
      expect(t).not.toContain('吗');
    });
    it('finds the same bigram in the question and in a longer phrase', () => {
      expect(terms('奢侈品包')).toEqual(expect.arrayContaining(['奢侈']));
      expect(terms('我买了一个奢侈品')).toEqual(expect.arrayContaining(['奢侈']));
    });
  });

  describe('when the text is English or Russian', () => {
    it('stems English words so plurals meet singulars', () => {
      expect(terms('sausages')).toEqual(terms('sausage'));
      expect(terms('can i bring my cigarettes')).toEqual(['bring', 'cigarett']);
    });
    it('stems Russian words so case forms meet', () => {
      expect(terms('колбасу')).toEqual(terms('колбаса'));
      expect(terms('сигарет')).toEqual(terms('сигареты'));
    });
    it('treats ё as е and full-width digits as ASCII', () => {
      expect(terms('ещё ２блока')).toEqual(terms('еще 2блока'));
    });
  });

  describe('when the text mixes scripts', () => {
    it('tokenizes each run by its own script', () => {
      const t = tokenize('带两瓶whisky可以吗', stops);
      expect(t.find((x) => x.raw === 'whisky')?.script).toBe('latin');
      expect(t.some((x) => x.script === 'han' && x.term === '两瓶')).toBe(true);
    });
  });

  describe('when the text has no words', () => {
    it('returns no tokens for emoji and punctuation', () => {
      expect(terms('🤔🤔 ?!')).toEqual([]);
    });
  });
});

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher([
    ['pets', ['cat$', 'кот$']],
    ['spirits', ['whisky']],
    ['meat', ['колбас', '香肠']],
  ]);
  it('matches stems at a word start and Chinese anywhere', () => {
    expect([...m.match(prepareText('можно колбасу?'))]).toEqual(['meat']);
    expect([...m.match(prepareText('我带了香肠'))]).toEqual(['meat']);
  });
  it('matches whole words only for phrases ending in $', () => {
    expect(m.match(prepareText('what category is this')).has('pets')).toBe(false);
    expect(m.match(prepareText('который час')).has('pets')).toBe(false);
    expect(m.match(prepareText('my cat and dog')).has('pets')).toBe(true);
  });
  it('finds a Latin brand glued to Chinese text', () => {
    expect(m.match(prepareText('带两瓶whisky可以吗')).has('spirits')).toBe(true);
  });
});

describe('PhraseMatcher with one-character phrases', () => {
  it('finds a single Chinese character anywhere', () => {
    const m = new PhraseMatcher([['alcohol', ['酒']]]);
    expect(m.match(prepareText('我带了两瓶酒')).has('alcohol')).toBe(true);
    expect(m.match(prepareText('我带了两瓶水')).has('alcohol')).toBe(false);
  });
});
