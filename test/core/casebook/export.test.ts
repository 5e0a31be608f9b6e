import { casebookToCsv, casebookToMarkdown, csvCell, CSV_COLUMNS, markdownText, type CasebookEntry } from '../../../bot/core/casebook';
import type { ConversationId, EscalationId } from '../../../bot/core/types';

const entry: CasebookEntry = {
  id: 'e_x1' as EscalationId,
  conversationId: 'c_x1' as ConversationId,
  lang: 'zh',
  channel: 'web',
  reasons: ['seizure', 'anger'],
  category: 'held_or_fined',
  question: '我的烟被扣了，"怎么办"',
  summary: '=HYPERLINK("http://evil") explained temporary storage',
  transcript: [{ from: 'traveller', text: '<img src=x onerror=alert(1)> [link](http://evil)', at: '2026-11-26T10:00:00.000Z' }],
  coordinator: 'li',
  createdAt: '2026-11-26T10:00:00.000Z',
  claimedAt: '2026-11-26T10:02:00.000Z',
  resolvedAt: '2026-11-26T10:12:00.000Z',
  waitingMs: 120_000,
  handlingMs: 600_000,
};

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+2', `"'=1+2"`],
    ['+7 912', `"'+7 912"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
  ])('writes %s as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('casebookToCsv', () => {
  const csv = casebookToCsv([entry]);
  const [header, row] = csv.split('\r\n');
  it('has a header row with every column', () => {
    expect(header).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(','));
  });
  it('writes times in minutes and defuses formulas', () => {
    expect(row).toContain('"2.0","10.0"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"") explained temporary storage"`);
    expect(row).toContain('"我的烟被扣了，""怎么办"""');
  });
});

describe('casebookToMarkdown', () => {
  const md = casebookToMarkdown([entry]);
  it('prints one section per case with question, summary and transcript', () => {
    expect(md).toContain('## 2026-11-26 10:12 — held_or_fined (zh)');
    expect(md).toContain('> 我的烟被扣了，"怎么办"');
    expect(md).toContain('Waiting: 2.0 min, handling: 10.0 min');
  });
  it('never lets traveller text become HTML or a link', () => {
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\[link\\]\\(http://evil\\)');
    expect(markdownText('*bold* _x_')).toBe('\\*bold\\* \\_x\\_');
  });
});
