import { parse } from 'csv-parse/sync';
import { csvCell } from '../../core/casebook';
import { LANGUAGES, type LanguageCode } from '../../core/knowledge/schema';
import { err, ok, type Result } from '../../core/result';

/** Most questions one upload may hold (issue 11). */
export const MAX_BATCH_ROWS = 1000;
/** Longest question, as in the chat (characters). */
export const MAX_BATCH_QUESTION_CHARS = 4000;
/** Columns an upload may have: `question` (required) and `lang`. */
export const BATCH_INPUT_COLUMNS = ['question', 'lang'] as const;
/** Columns of the answer file, in order. */
export const BATCH_OUTPUT_COLUMNS = ['question', 'lang', 'kind', 'answer', 'citations', 'coordinator_needed'] as const;

export type BatchQuestion = { row: number; question: string; lang?: LanguageCode };
export type BatchAnswer = { question: string; lang: string; kind: string; answer: string; citations: string; coordinatorNeeded: boolean };

/**
 * Reads an uploaded CSV: UTF-8 with or without a BOM, a header row with `question` and optionally
 * `lang`, at most MAX_BATCH_ROWS rows. Every problem is an error value naming it (the row as a
 * spreadsheet numbers it: the header is row 1).
 */
export function parseBatchCsv(body: Buffer): Result<BatchQuestion[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return err({ code: 'batch_encoding', message: 'the file is not valid UTF-8: save it as "CSV UTF-8"' });
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (e) {
    return err({ code: 'batch_csv', message: `the file is not valid CSV: ${(e as Error).message}` });
  }
  const [header, ...rows] = records;
  if (!header) return err({ code: 'batch_empty', message: 'the file is empty: it needs a header row with a "question" column and at least one question' });
  const columns = header.map((h) => h.trim().toLowerCase());
  const q = columns.indexOf('question');
  const l = columns.indexOf('lang');
  if (q < 0) return err({ code: 'batch_columns', message: `the header row has no "question" column (it has ${columns.map((c) => `"${c}"`).join(', ')})` });
  const unknown = columns.filter((c) => !(BATCH_INPUT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) return err({ code: 'batch_columns', message: `unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; allowed: question, lang` });
  if (rows.length === 0) return err({ code: 'batch_empty', message: 'the file has a header row but no questions' });
  if (rows.length > MAX_BATCH_ROWS) return err({ code: 'batch_too_many', message: `the file has ${rows.length} questions; at most ${MAX_BATCH_ROWS} per upload` });
  const out: BatchQuestion[] = [];
  for (const [i, cells] of rows.entries()) {
    const row = i + 2;
    const question = cells[q] ?? '';
    const lang = l >= 0 ? (cells[l] ?? '').toLowerCase() : '';
    if (!question) return err({ code: 'batch_row', message: `row ${row}: question is empty` });
    if (question.length > MAX_BATCH_QUESTION_CHARS) return err({ code: 'batch_row', message: `row ${row}: question is ${question.length} characters; the limit is ${MAX_BATCH_QUESTION_CHARS}` });
    if (lang && !isLanguage(lang)) return err({ code: 'batch_row', message: `row ${row}: lang "${lang}" is not one of ${LANGUAGES.join(', ')} (or empty)` });
    out.push({ row, question, ...(lang && isLanguage(lang) ? { lang } : {}) });
  }
  return ok(out);
}

function isLanguage(s: string): s is LanguageCode {
  return (LANGUAGES as readonly string[]).includes(s);
}

/**
 * The answer file: UTF-8 with a BOM (spreadsheets then read Chinese and Russian right), CRLF,
 * every cell quoted and formula-looking cells ("=…", "+…", "-…", "@…") neutralised.
 */
export function formatBatchCsv(answers: readonly BatchAnswer[]): string {
  const rows = answers.map((a) => [a.question, a.lang, a.kind, a.answer, a.citations, a.coordinatorNeeded ? 'yes' : 'no'].map(csvCell).join(','));
  return `\ufeff${[BATCH_OUTPUT_COLUMNS.map(csvCell).join(','), ...rows].join('\r\n')}\r\n`;
}
