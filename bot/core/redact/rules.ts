/**
 * What a redaction rule replaces: the kind names the placeholder left in the text, so a reader
 * of the casebook still sees that the traveller gave a passport or phone number.
 */
export type RedactionKind = 'passport' | 'phone';

/** One pattern as data: a regular expression source and flags, and the kind it hides. */
export type RedactionRule = { kind: RedactionKind; name: string; source: string; flags: string };

/**
 * Personal numbers travellers paste into chats, hidden before a case enters the casebook.
 * Order matters: phone numbers first (an international number would otherwise look like a
 * Russian passport). Short numbers people need to keep — hotlines (12360, 12367, 110, 0451-12360),
 * amounts (5,000, 20 000), dates (2026-11-20), flight numbers (CA123) — match none of them;
 * `test/core/redact/redact.test.ts` pins both lists.
 */
export const REDACTION_RULES: readonly RedactionRule[] = [
  // +7 912 345-67-89, +86 138 0013 8000, +852 9123 4567: a plus sign and 7–15 digits.
  { kind: 'phone', name: 'international', source: String.raw`\+\d(?:[\s\-.()]{0,2}\d){6,14}`, flags: 'g' },
  // 13800138000, 138 0013 8000, 138-0013-8000: mainland mobile numbers.
  { kind: 'phone', name: 'cn_mobile', source: String.raw`(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)`, flags: 'g' },
  // 8 (912) 345-67-89, 8-912-345-67-89, 89123456789: Russian numbers dialled with 8.
  { kind: 'phone', name: 'ru_trunk', source: String.raw`(?<![\d+])8[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)`, flags: 'g' },
  // 010-12345678, 0451 8765432: mainland landlines with an area code (not 0451-12360).
  { kind: 'phone', name: 'cn_landline', source: String.raw`(?<!\d)0\d{2,3}[\s-]\d{7,8}(?!\d)`, flags: 'g' },
  // E12345678, EA1234567, G12345678 (Chinese) and other one- or two-letter prefixed numbers.
  { kind: 'passport', name: 'letters_digits', source: String.raw`(?<![\p{Script=Latin}\d])[A-Za-z]{1,2}\d{7,8}(?![\p{Script=Latin}\d])`, flags: 'gu' },
  // 4510 123456, 45 10 123456: Russian internal passport (series and number).
  { kind: 'passport', name: 'ru_internal', source: String.raw`(?<!\d)\d{2}\s?\d{2}\s?№?\s?\d{6}(?!\d)`, flags: 'g' },
  // 72 1234567, 721234567, 72 № 1234567: Russian international passport.
  { kind: 'passport', name: 'ru_international', source: String.raw`(?<!\d)\d{2}\s?№?\s?\d{7}(?!\d)`, flags: 'g' },
];
