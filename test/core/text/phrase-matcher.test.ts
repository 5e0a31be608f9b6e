import { PhraseMatcher, prepareText } from '../../../bot/core/text';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher(
    [
      ['fruit', ['凤梨', '芒果', 'mango']],
      ['tax_rate', ['what %']],
    ],
    [['fruit', ['凤梨酥', 'dried mango']]],
  );
  it('finds a key\'s phrase', () => {
    expect(matcher.match(prepareText('带了两个凤梨'))).toEqual(new Set(['fruit']));
    expect(matcher.match(prepareText('fresh mango from thailand'))).toEqual(new Set(['fruit']));
  });
  it('does not count a phrase inside one of its key\'s exceptions', () => {
    expect(matcher.match(prepareText('鳳梨酥10盒'.replace('鳳', '凤')))).toEqual(new Set());
    expect(matcher.match(prepareText('3 bags of dried mango'))).toEqual(new Set());
  });
  it('still counts the phrase elsewhere in the same text', () => {
    expect(matcher.match(prepareText('凤梨酥两盒 还有一个芒果'))).toEqual(new Set(['fruit']));
  });
  it('reads a percent sign as a word', () => {
    expect(matcher.match(prepareText('what % tax on a bag'))).toEqual(new Set(['tax_rate']));
  });
  it('matches a number only as a whole number of the text', () => {
    const amounts = new PhraseMatcher([['value_allowance', ['5000元', '500 euros']]]);
    expect(amounts.match(prepareText('出境带25000元现金'))).toEqual(new Set());
    expect(amounts.match(prepareText('超过5000元要交税吗'))).toEqual(new Set(['value_allowance']));
    expect(amounts.match(prepareText('about 5000 euros'))).toEqual(new Set());
    expect(amounts.match(prepareText('about 500 euros'))).toEqual(new Set(['value_allowance']));
  });
});
