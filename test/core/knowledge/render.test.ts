import { formatNumber, placeholdersIn, renderText } from '../../../bot/core/knowledge/render';
import { literalGovernedNumbers } from '../../../bot/core/knowledge/check';
import type { Limits } from '../../../bot/core/knowledge/limits';

const limits: Limits = { values: new Map([['valueAllowance.resident', 5000], ['pets.antibodyIuPerMl', 0.5]]), unsureGroups: new Set(), sources: new Map(), unsurePaths: new Set(), validity: new Map(), reviewed: '2026-11-20' };

describe('renderText', () => {
  it('fills placeholders with numbers formatted per language', () => {
    expect(renderText('up to RMB {{valueAllowance.resident}}', limits, 'en')).toBe('up to RMB 5,000');
    expect(renderText('до {{valueAllowance.resident}} юаней', limits, 'ru')).toBe('до 5 000 юаней');
    expect(renderText('{{pets.antibodyIuPerMl}} IU/ml', limits, 'zh')).toBe('0.5 IU/ml');
  });
  it('throws on an unknown placeholder', () => {
    expect(() => renderText('{{nope.value}}', limits, 'en')).toThrow(/unknown placeholder/);
  });
  it('lists the placeholders of a text', () => {
    expect(placeholdersIn('{{a.b}} and {{ c.d }}')).toEqual(['a.b', 'c.d']);
  });
  it('formats decimals', () => {
    expect(formatNumber(1.5, 'ru')).toBe('1,5');
  });
});

describe('literalGovernedNumbers', () => {
  it('finds numbers with money and quantity units in each language', () => {
    expect(literalGovernedNumbers('up to 100 cigars or RMB 5000', 'en')).toEqual(['100 cigars', 'RMB 5000']);
    expect(literalGovernedNumbers('雪茄100支，5000元', 'zh')).toEqual(['100支', '5000元']);
    expect(literalGovernedNumbers('100 сигар и 1,5 л', 'ru')).toEqual(['100 сигар', '1,5 л']);
  });
  it('ignores hotlines, years, articles and placeholders', () => {
    expect(literalGovernedNumbers('Call 12360. Order No. 276 of 2025, Art. 46; {{tobacco.ordinary.cigars}} cigars', 'en')).toEqual([]);
    expect(literalGovernedNumbers('2025年4月1日起，拨打12360', 'zh')).toEqual([]);
  });
});
