/**
 * What a redaction rule replaces: the kind names the placeholder left in the text, so a reader
 * of the casebook still sees that the traveller gave a passport, phone, e-mail or ID number.
 */
export type RedactionKind = 'passport' | 'phone' | 'email' | 'id';

/**
 * Bumped whenever the rules change so that more is hidden: casebook entries stored with an
 * older version are redacted again at start-up (`SqliteCasebookStore.redactAgain`).
 * 1: the first passport/phone patterns; 2: libphonenumber-js, e-mail, MRZ, ID cards (issue 14).
 */
export const REDACTION_RULES_VERSION = 2;

/** One pattern as data: a regular expression source and flags, and the kind it hides. */
export type PatternRule = { kind: RedactionKind; name: string; source: string; flags: string };

/**
 * Phone numbers found by libphonenumber-js (its metadata, not our regexes), read as dialled
 * from each of `regions`; with `international`, only numbers written with a `+` country code.
 */
export type PhoneRule = { kind: 'phone'; name: string; phoneRegions: readonly string[]; international: boolean };

export type RedactionRule = PatternRule | PhoneRule;

/**
 * Where travellers' local numbers come from: China, Russia, the United States/Canada, the
 * United Kingdom, Korea, Japan, France. Not Germany and not Hong Kong: their numbering plans make
 * dates (2026-11-20, 20261120) and hotlines (0451-12360) possible numbers; their numbers are still
 * found with the country code (+49…, +852…). Pinned by test/core/redact/redact.test.ts.
 */
export const PHONE_REGIONS = ['CN', 'RU', 'US', 'GB', 'KR', 'JP', 'FR'] as const;

/** Letters of passport numbers: Latin, and Cyrillic look-alikes typed on a Russian keyboard (Е12345678). */
const L = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}]`;
const NOT_WORD_BEFORE = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\d])`;
const NOT_WORD_AFTER = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\d])`;
/** Words that announce a passport number, in the languages travellers write (and on their documents). */
const PASSPORT_WORDS = String.raw`(?:passport|护照|護照|паспорт\p{L}*|여권|旅券|パスポート|reisepass|passeport|pasaporte|passaporto|paszport)`;
const NUMBER_WORDS = String.raw`(?:\s*(?:no\.?|nr\.?|n°|number|num\.?|#|№|номер|号码|號碼|号|號|번호|番号))?`;

/**
 * Personal data travellers paste into chats, hidden before a case enters the casebook, the
 * statistics or a log line. Order matters: e-mails and machine-readable passport lines first
 * (they hold digits), then phone numbers written with a country code, then passport and ID
 * numbers (so "72 1234567" is a passport, not a Japanese phone), then national phone numbers,
 * then any other `+` number. Numbers people need to keep — hotlines (12360, 12367, 110,
 * 0451-12360), prices (5000, 12,000 yuan), dates, flight numbers (CA123, SU204), quantities —
 * match none of them; `test/core/redact/redact.test.ts` pins both lists.
 */
export const REDACTION_RULES: readonly RedactionRule[] = [
  // wang.li@example.com, иван@почта.рф
  { kind: 'email', name: 'email', source: String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\d._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`, flags: 'gu' },
  // Machine-readable zone of a passport or ID card (ICAO 9303): 30–44 of A–Z 0–9 < with filler.
  { kind: 'passport', name: 'mrz', source: String.raw`(?<![A-Z0-9<])(?=[A-Z0-9<]*<)[A-Z0-9<]{30,44}(?![A-Z0-9<])`, flags: 'g' },
  // Mainland resident identity card: 6-digit region, birth date, 3 digits, check digit or X.
  { kind: 'id', name: 'cn_resident_id', source: String.raw`(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])`, flags: 'g' },
  { kind: 'phone', name: 'international_numbers', phoneRegions: PHONE_REGIONS, international: true },
  // "passport no. 123456789" (UK), "Reisepass C01X00T47" (DE): 6–10 letters and digits, at least two digits, after the word.
  { kind: 'passport', name: 'after_passport_word', source: String.raw`(?<=${PASSPORT_WORDS}${NUMBER_WORDS}[\s:：#№]*)(?=(?:${L}|\d)*\d(?:${L}|\d)*\d)(?:${L}|\d){6,10}${NOT_WORD_AFTER}`, flags: 'giu' },
  // E12345678, G 1234 5678, EA1234567, TK1234567, Cyrillic Е12345678 (China, Korea, Japan, Europe).
  { kind: 'passport', name: 'letters_digits', source: String.raw`${NOT_WORD_BEFORE}${L}{1,2}[\s-]?(?:\d{7,8}|\d{4}[\s-]\d{4}|\d{3}[\s-]\d{4}|\d{4}[\s-]\d{3})${NOT_WORD_AFTER}`, flags: 'gu' },
  // M123A4567: Korean passports since 2021.
  { kind: 'passport', name: 'kr_new', source: String.raw`${NOT_WORD_BEFORE}[A-Z]\d{3}[A-Z]\d{4}${NOT_WORD_AFTER}`, flags: 'gu' },
  // 12AB34567: French passports.
  { kind: 'passport', name: 'fr', source: String.raw`${NOT_WORD_BEFORE}\d{2}[A-Z]{2}\d{5}${NOT_WORD_AFTER}`, flags: 'gu' },
  // 4510 123456, 45 10 123456: Russian internal passport (series and number).
  { kind: 'passport', name: 'ru_internal', source: String.raw`(?<!\d)\d{2}\s?\d{2}\s?№?\s?\d{6}(?!\d)`, flags: 'g' },
  // 72 1234567, 721234567, 72 № 1234567: Russian international passport.
  { kind: 'passport', name: 'ru_international', source: String.raw`(?<!\d)\d{2}\s?№?\s?\d{7}(?!\d)`, flags: 'g' },
  { kind: 'phone', name: 'national_numbers', phoneRegions: PHONE_REGIONS, international: false },
  // What the library finds invalid but is still a number with a country code: +7 123 456 78 90.
  { kind: 'phone', name: 'plus_digits', source: String.raw`\+\d(?:[\s\-.()]{0,2}\d){6,14}`, flags: 'g' },
];
