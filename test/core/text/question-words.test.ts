import { prepareText } from '../../../bot/core/text/phrase-matcher';
import { QuestionWords } from '../../../bot/core/text/question-words';

describe('QuestionWords', () => {
  const words = new QuestionWords({ questions: ['几', '吗', '百分之几', 'сколько', 'how many'], exceptions: ['好几', '十几'], indefinite: ['几'], after: ['了'] });
  const asks = (t: string) => words.asks(prepareText(t));

  it('reads "几" as "how many" when nothing done comes before it', () => {
    expect(asks('能带几条烟')).toBe(true);
    expect(asks('我带了两条烟，最多能带几条')).toBe(true);
  });
  it('reads "几" after "了" in its clause as "a few"', () => {
    expect(asks('给朋友带了虎标万金油几盒')).toBe(false);
    expect(asks('买了几件衣服')).toBe(false);
  });
  it('reads "好几", "十几" as several, whatever comes before', () => {
    expect(asks('带好几条烟')).toBe(false);
    expect(asks('十几瓶酒')).toBe(false);
  });
  it('keeps a longer question word that contains "几"', () => {
    expect(asks('买了几件衣服 按百分之几收税')).toBe(true);
  });
  it('reads other question words in every language as before', () => {
    expect(asks('带了三条烟可以吗')).toBe(true);
    expect(asks('сколько блоков можно')).toBe(true);
    expect(asks('how many cartons')).toBe(true);
    expect(asks('I bought two bottles')).toBe(false);
  });
});
