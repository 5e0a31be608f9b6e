/** One piece of a spoken number: a number word ("two", "две", "两") or a multiplier ("hundred", "万"). */
/** `abbrev`: a one-letter multiplier ("5k", "12к"), which only sums are written with. */
export type NumberPart = { value: number; multiplier: boolean; han: boolean; abbrev?: boolean };

const HAN = /\p{Script=Han}/u;

/** True for a Chinese character (numerals in Chinese follow positional rules, see combineNumberParts). */
export function isHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Combines number words into a value, for both additive languages and Chinese:
 * - "twenty five" 25, "two hundred fifty" 250, "twenty five hundred" 2,500, "две тысячи пятьсот" 2,500;
 * - 十二 12, 一百二十 120, 一万五千 15,000, 两千五百万 25,000,000;
 * - a leading digit string: "1.5" + 万 15,000, "15" + "k" 15,000;
 * - two digits in a row are a range, read as its upper end: 一两 2, 两三百 300, «одну-две» 2;
 * - with `trailingDigitShorthand`, a last single Chinese digit after a unit counts one place
 *   lower: 一万五 15,000, 两千五 2,500, 三百五 350.
 * A multiplier is "big" (closes a section) from 1,000 up, or for Chinese from 10,000 up (万, 亿),
 * since 千 is still inside a section (一万五千).
 * @example combineNumberParts([{value:2,multiplier:false,han:false},{value:1000,multiplier:true,han:false}], false) // 2000
 */
export function combineNumberParts(parts: readonly NumberPart[], trailingDigitShorthand: boolean): number {
  let total = 0;
  let section = 0;
  let number = 0;
  let lastUnit = 0;
  let previous: NumberPart | undefined;
  for (const part of parts) {
    if (!part.multiplier) {
      // two digits in a row give a range, read as its upper end: 一两瓶 2, 两三百 300, «одну-две» 2 ("twenty five" still adds up)
      const range = previous !== undefined && !previous.multiplier && number === previous.value && previous.value < 10 && part.value < 10 && part.value > previous.value;
      number = range ? part.value : number + part.value;
    } else {
      const big = part.han ? part.value >= 10_000 : part.value >= 1_000;
      if (big) {
        total += (section + number || 1) * part.value;
        section = 0;
      } else {
        section += (number || 1) * part.value;
      }
      number = 0;
      lastUnit = part.value;
    }
    previous = part;
  }
  const shorthand = trailingDigitShorthand && previous && !previous.multiplier && previous.han && number > 0 && number < 10 && lastUnit >= 100 && parts.at(-2)?.multiplier;
  if (shorthand) number *= lastUnit / 10;
  return total + section + number;
}

/**
 * Reads a run of digits as written by travellers: "15,000" and "15 000" (thousands),
 * "1,5" and "1.5" (decimals), "15.000" (thousands, only when `moneyContext`).
 * Returns undefined for something that is not one number ("1,2,3").
 * @example parseDigits('15,000') // 15000
 * @example parseDigits('0,7') // 0.7
 */
export function parseDigits(raw: string, moneyContext = false): number | undefined {
  const compact = raw.replace(/ /g, '');
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (moneyContext && /^\d{1,3}(\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  if (/^\d+[.,]\d+$/.test(compact)) return Number(compact.replace(',', '.'));
  return undefined;
}

/**
 * The digit string starting at `at` in `text`: digits with "," or "." inside, plus groups of
 * exactly three digits after a single space ("15 000") when the group is not glued to a word
 * ("4 750ml" stays 4 and 750) nor goes on with a comma group ("3 350,000" is 3 and 350,000).
 */
export function digitRunAt(text: string, at: number): string | undefined {
  const head = /^\d+(?:[.,]\d+)*/.exec(text.slice(at));
  if (!head) return undefined;
  let run = head[0];
  if (/^\d{1,3}$/.test(run)) {
    for (;;) {
      // (not a group that a comma-grouped number goes on from: "x3 350,000 won" is 3 and 350,000; "15 000,50" stays one)
      const more = /^ (\d{3})(?![\d\p{L}]|,\d{3}(?!\d))/u.exec(text.slice(at + run.length));
      if (!more) break;
      run += more[0];
    }
  }
  return run;
}
