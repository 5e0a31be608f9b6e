import { parse } from 'csv-parse/sync';
import { postJson, startServer, type RunningServer } from '../../fixtures/services';

describe('POST /api/v1/batch (bulk questions, CSV)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());
  const upload = async (body: string | Buffer, type = 'text/csv') => {
    const res = await fetch(`${server.url}/api/v1/batch`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    return { status: res.status, text, bytes, type: res.headers.get('content-type') ?? '', json: () => JSON.parse(text) };
  };
  const escalations = async () => (await server.services.stores.desk.escalationsSince('')).length;

  describe('when the upload is valid (UTF-8 with a BOM, three languages)', () => {
    it('answers every question through the chat path, marks who needs a coordinator, and neutralises formula cells', async () => {
      const questions = ['можно ли ввезти колбасу', '能带几条烟入境？', 'I want to talk to a real person now', '=HYPERLINK("http://x.example","how much cash can I bring?")'];
      const csv = `\ufeffquestion,lang\r\n${questions.map((q, i) => `"${q.replace(/"/g, '""')}",${i === 3 ? 'en' : ''}`).join('\r\n')}\r\n`;
      const before = await escalations();
      const res = await upload(csv);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/csv/);
      expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
      expect(Object.keys(rows[0] ?? {})).toEqual(['question', 'lang', 'kind', 'answer', 'citations', 'coordinator_needed']);
      expect(rows.map((r) => r.lang)).toEqual(['ru', 'zh', 'en', 'en']);
      // the same text through POST /chat gives the same first reply
      for (const [i, q] of questions.slice(0, 2).entries()) {
        const chat = await postJson(`${server.url}/api/v1/chat`, { text: q });
        expect(rows[i]?.kind).toBe(chat.body.reply.kind);
        expect((rows[i]?.answer ?? '').startsWith(chat.body.reply.text)).toBe(true);
        expect(rows[i]?.citations).toContain(chat.body.reply.citations[0].url);
        expect(rows[i]?.coordinator_needed).toBe('no');
      }
      expect(rows[2]).toMatchObject({ kind: 'escalated', coordinator_needed: 'yes' });
      expect((rows[3]?.question ?? '').startsWith("'=HYPERLINK")).toBe(true);
      for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
      // an upload does not fill the coordinators' queue (the /chat calls above escalate nothing)
      expect(await escalations()).toBe(before);
    });
    it('reads a file without a BOM and with only the question column', async () => {
      const res = await upload('question\nhow much cash can I bring?\n');
      expect(res.status).toBe(200);
      expect(parse(res.text, { bom: true, columns: true })).toHaveLength(1);
    });
  });

  describe('when the upload is wrong', () => {
    it.each([
      ['no question column', 'text,lang\nhello,en\n', /no "question" column/],
      ['an unknown column', 'question,name\nhello,Ivan\n', /unknown column\(s\) "name"; allowed: question, lang/],
      ['only a header', 'question\n', /no questions/],
      ['an empty file', '', /empty/],
      ['an empty question', 'question\nhello\n""\n', /row 3: question is empty/],
      ['an unknown language', 'question,lang\nhello,de\n', /row 2: lang "de"/],
      ['a broken quote', 'question\n"hello\n', /not valid CSV/],
      ['too many rows', `question\n${Array.from({ length: 1001 }, (_, i) => `q${i}`).join('\n')}\n`, /1001 questions; at most 1000/],
    ])('answers 400 naming the problem: %s', async (_name, body, message) => {
      const res = await upload(body);
      expect(res.status).toBe(400);
      expect(res.json().error.message).toMatch(message);
    });
    it('answers 400 for broken encoding (not UTF-8)', async () => {
      const res = await upload(Buffer.concat([Buffer.from('question\n'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\n')]));
      expect(res.status).toBe(400);
      expect(res.json().error.message).toMatch(/not valid UTF-8/);
    });
    it('answers 415 for another content type and 413 for a huge file', async () => {
      expect((await upload('question\nhi\n', 'text/plain')).status).toBe(415);
      expect((await upload(`question\n${'x'.repeat(5 * 1024 * 1024)}\n`)).status).toBe(413);
    });
  });
});
