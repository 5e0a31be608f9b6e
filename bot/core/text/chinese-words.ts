import { dict } from '@node-rs/jieba/dict';

let words: ReadonlySet<string> | undefined;

/**
 * The words of two or three characters of jieba's general Chinese dictionary (about 245,000),
 * read once per process: what tells an ordinary word ("朋友", "滑雪") from a typo by sound
 * ("申抱", "代够"), which no general word contains.
 */
export function chineseWords(): ReadonlySet<string> {
  if (!words) {
    const found = new Set<string>();
    for (const line of new TextDecoder('utf-8').decode(dict).split('\n')) {
      const word = line.slice(0, line.indexOf(' '));
      const n = [...word].length;
      if (n === 2 || n === 3) found.add(word);
    }
    words = found;
  }
  return words;
}
