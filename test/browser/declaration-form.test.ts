import { type Browser, type Page } from 'playwright-core';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(60_000);



describe('declaration form on the web chat page (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ locale: 'en-GB' });
    problems = watchForProblems(page);
    await page.goto(server.url);
    await page.click('#declare summary');
  });
  afterEach(async () => {
    expect(problems).toEqual([]);
    await page.close();
  });

  const row = (n: number) => `#declare .declare-row:nth-of-type(${n})`;

  describe('when the traveller fills in a list', () => {
    it('shows the itemised table, the channel and the text, with traveller text as text only', async () => {
      await page.selectOption('#declare select[name="route"]', 'ordinary');
      await page.selectOption('#declare select[name="residency"]', 'resident');
      await page.selectOption(`${row(1)} select[name="type"]`, 'cigarettes');
      await page.fill(`${row(1)} input[name="quantity"]`, '12');
      await page.selectOption(`${row(1)} select[name="unit"]`, 'carton');
      await page.click('#declare .declare-add');
      await page.selectOption(`${row(2)} select[name="type"]`, 'goods');
      await page.fill(`${row(2)} input[name="value"]`, '15000');
      await page.fill(`${row(2)} input[name="description"]`, '<img src=x onerror=alert(1)> bag');
      await page.click('#declare .declare-check');
      await page.waitForSelector('#declare .declare-table');
      const cells = await page.$$eval('#declare .declare-table tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
      expect(cells).toHaveLength(3);
      expect(cells[1]).toEqual(['Cigarettes', '2400 cigarettes', '400', '2000', 'yes', '—']);
      expect(cells[2]?.[0]).toBe('<img src=x onerror=alert(1)> bag');
      expect(cells[2]?.[5]).toBe('3000');
      expect(await page.$('#declare img')).toBeNull();
      expect(await page.textContent('#declare .declare-verdict')).toMatch(/Red channel/);
      expect(await page.textContent('#declare .declare-text')).toMatch(/estimate/);
    });
  });

  describe('when the input is wrong', () => {
    it('shows the server message naming the field', async () => {
      await page.fill(`${row(1)} input[name="quantity"]`, '-5');
      await page.click('#declare .declare-check');
      await page.waitForFunction(() => /items\.0\.quantity/.test(document.querySelector('#declare .declare-status')?.textContent ?? ''));
      expect(await page.$('#declare .declare-table')).toBeNull();
    });
  });

  describe('when the page language changes', () => {
    it('relabels the form', async () => {
      await page.click('.langs button[data-lang="zh"]');
      await page.waitForFunction(() => document.querySelector('#declare summary')?.textContent?.includes('核对'));
      expect(await page.textContent('#declare .declare-check')).toBe('核对');
    });
  });
});
