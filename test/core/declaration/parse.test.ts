import { combineNumberParts, parseDigits } from '../../../bot/core/declaration/numbers';
import { declarationFixture } from '../../fixtures/declaration';
import { PARSE_CASES, type ParseCase } from './parse-cases';

const f = declarationFixture();
const isList = (text: string) => {
  const p = f.parse(text);
  return p.confidence >= f.service.options.minConfidence && p.items.length > 0;
};

describe('parseDeclarationList', () => {
  describe.each(['en', 'ru', 'zh'] as const)('when reading %s messages', (lang) => {
    const cases = PARSE_CASES.filter((c) => c.lang === lang);
    it('has enough labelled cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(25);
    });
    it.each(cases.map((c): [string, ParseCase] => [c.text, c]))('reads %s', (_text, c) => {
      const parsed = f.parse(c.text);
      expect(isList(c.text)).toBe(c.list);
      if (c.items) {
        expect(parsed.items).toHaveLength(c.items.length);
        c.items.forEach((expected, i) => expect(parsed.items[i]).toMatchObject(expected));
      }
      if (c.category) expect(parsed.category).toMatchObject(c.category);
    });
  });

  describe('when a message asks about the rule rather than listing things', () => {
    it.each([
      'how many cigarettes can I bring into China?',
      'what is the limit for cigars?',
      'сколько блоков можно провезти?',
      '入境能带几条烟',
      'can i bring 2 cartons?',
      'is 5000 yuan the limit for residents?',
    ])('leaves %s to the knowledge base', (text) => {
      expect(isList(text)).toBe(false);
    });
  });

  describe('when an item names no currency', () => {
    it('does not take a currency suffix away from a number ("欧洲" is Europe, not euros)', () => {
      expect(f.parse('去欧洲玩 买了个包2万').items[0]?.currency).not.toBe('EUR');
      expect(f.parse('欧洲回来 包2300欧').items[0]?.currency).toBe('EUR');
    });
    it('takes the only currency the message names', () => {
      const p = f.parse('две сумки по 50 000 и шуба за 200 тысяч рублей');
      expect(p.items.map((i) => i.currency)).toEqual(['RUB', 'RUB']);
    });
    it('leaves it empty when the message names none', () => {
      const p = f.parse('a bag for 15000 and 2 cartons of cigarettes');
      expect(p.items[0]).toMatchObject({ type: 'goods', value: 15000 });
      expect(p.items[0]?.currency).toBeUndefined();
    });
  });

  describe('when a number is a duration, not a price', () => {
    it('does not read "for 2 weeks" as money', () => {
      const p = f.parse('staying for 2 weeks with 3 cartons of cigarettes');
      expect(p.items.map((i) => i.type)).toEqual(['cigarettes']);
    });
  });

  describe('when the message is huge', () => {
    it('reads at most the first 4,000 characters and stays fast', () => {
      const text = '2 cartons of cigarettes and 3 bottles of wine, '.repeat(500);
      const t0 = performance.now();
      const p = f.parse(text);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(p.items.length).toBeGreaterThan(10);
    });
  });
});

describe('combineNumberParts', () => {
  const en = (v: number, multiplier = false) => ({ value: v, multiplier, han: false });
  const zh = (v: number, multiplier = false) => ({ value: v, multiplier, han: true });
  it.each([
    ['twenty five', [en(20), en(5)], 25],
    ['two hundred fifty', [en(2), en(100, true), en(50)], 250],
    ['twenty five hundred', [en(20), en(5), en(100, true)], 2500],
    ['two thousand five hundred', [en(2), en(1000, true), en(5), en(100, true)], 2500],
    ['two hundred thousand', [en(2), en(100, true), en(1000, true)], 200000],
    ['十二', [zh(10, true), zh(2)], 12],
    ['一百二十', [zh(1), zh(100, true), zh(2), zh(10, true)], 120],
    ['一百零五', [zh(1), zh(100, true), zh(0), zh(5)], 105],
    ['一万五千', [zh(1), zh(10000, true), zh(5), zh(1000, true)], 15000],
    ['一万五', [zh(1), zh(10000, true), zh(5)], 15000],
    ['两千五', [zh(2), zh(1000, true), zh(5)], 2500],
    ['1.5万', [en(1.5), zh(10000, true)], 15000],
    // two digits in a row are a range, read as its upper end
    ['一两', [zh(1), zh(2)], 2],
    ['两三百', [zh(2), zh(3), zh(100, true)], 300],
    ['одну-две', [en(1), en(2)], 2],
  ])('reads %s', (_name, parts, value) => {
    expect(combineNumberParts(parts, true)).toBe(value);
  });
});

describe('parseDigits', () => {
  it.each([
    ['15,000', false, 15000],
    ['15 000', false, 15000],
    ['1,5', false, 1.5],
    ['0.75', false, 0.75],
    ['15.000', true, 15000],
    ['1,234,567.5', false, 1234567.5],
  ])('reads %s', (raw, money, value) => {
    expect(parseDigits(raw, money)).toBe(value);
  });
  it('refuses a run that is not one number', () => {
    expect(parseDigits('1,2,3')).toBeUndefined();
  });
});
