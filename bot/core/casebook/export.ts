import type { CasebookEntry } from './types';

const minutes = (ms: number) => (ms / 60_000).toFixed(1);

/** CSV columns of the casebook export, in order. */
export const CSV_COLUMNS = ['id', 'createdAt', 'claimedAt', 'resolvedAt', 'waitingMinutes', 'handlingMinutes', 'coordinator', 'lang', 'channel', 'reasons', 'category', 'department', 'question', 'summary'] as const;

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) prefixed with an
 * apostrophe so a spreadsheet never runs traveller text as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The casebook as CSV (RFC 4180, CRLF line ends, header row), for spreadsheets. */
export function casebookToCsv(entries: readonly CasebookEntry[]): string {
  const rows = entries.map((c) =>
    [c.id, c.createdAt, c.claimedAt, c.resolvedAt, minutes(c.waitingMs), minutes(c.handlingMs), c.coordinator, c.lang, c.channel, c.reasons.join(' '), c.category, c.department ?? '', c.question, c.summary].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * Escapes text for Markdown: HTML-significant characters become entities and Markdown
 * punctuation is backslash-escaped, so traveller text prints as written and never as links,
 * images or HTML.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~-])/g, '\\$1')
    .replace(/\r?\n/g, '  \n');
}

/** The casebook as Markdown, one section per case with its transcript, for printing and training. */
export function casebookToMarkdown(entries: readonly CasebookEntry[], title = 'Casebook (协调台账)'): string {
  const out = [`# ${title}`, '', `${entries.length} case(s).`, ''];
  for (const c of entries) {
    out.push(`## ${c.resolvedAt.slice(0, 16).replace('T', ' ')} — ${c.category}${c.department ? ` → ${c.department}` : ''} (${c.lang})`, '');
    out.push(`- Case: \`${c.id}\`, coordinator: ${markdownText(c.coordinator)}`);
    out.push(`- Reasons: ${c.reasons.join(', ')}`);
    out.push(`- Waiting: ${minutes(c.waitingMs)} min, handling: ${minutes(c.handlingMs)} min`, '');
    out.push('**Question**', '', `> ${markdownText(c.question)}`, '', '**What was done**', '', markdownText(c.summary), '');
    if (c.transcript.length > 0) {
      out.push('**Transcript**', '');
      for (const line of c.transcript) out.push(`- ${line.at.slice(11, 16)} ${line.from}: ${markdownText(line.text)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
