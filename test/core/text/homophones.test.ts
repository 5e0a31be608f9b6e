import { buildHomophoneFixer } from '../../../bot/core/text/homophones';
import { chineseWords } from '../../../bot/core/text/chinese-words';

describe('buildHomophoneFixer', () => {
  const phrases = ['额度', '免税额度', '手续', '几瓶', '电饭煲', '申报', '代购', '假币', '旧的', '烟', '酒'];
  const fixer = buildHomophoneFixer(phrases, ['的', '了', '加'], chineseWords());

  it.each([
    ['回国的免税额渡是多少', '回国的免税额度是多少'],
    ['需要办什么手序', '需要办什么手续'],
    ['酒能带几平？', '酒能带几瓶？'],
    ['带了一个电饭堡', '带了一个电饭煲'],
  ])('puts a character typed by sound right when one homophone completes a phrase: %s', (typed, meant) => {
    expect(fixer.fix(typed)).toBe(meant);
  });

  it.each([
    ['带了800加币现金', 'a kept character (加) is never guessed for: Canadian dollars stay no counterfeit money'],
    ['酒的额度算在一起吗', 'a phrase of its own (酒) stays, and a phrase resting on a kept character alone (旧的) completes nothing'],
    ['和朋友一起坐飞机回国', 'characters of general words (朋友, 飞机) are no typos'],
    ['I have 2 bottles', 'text without Chinese is returned as it is'],
  ])('leaves %s alone (%s)', (text) => {
    expect(fixer.fix(text)).toBe(text);
  });
});
