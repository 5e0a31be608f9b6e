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
    it('shows the channel and a short itemised list with every figure in its currency, traveller text as text only', async () => {
      await page.selectOption('#declare select[name="route"]', 'ordinary');
      await page.selectOption('#declare select[name="residency"]', 'resident');
      await page.selectOption(`${row(1)} select[name="type"]`, 'cigarettes');
      await page.fill(`${row(1)} input[name="quantity"]`, '12');
      await page.selectOption(`${row(1)} select[name="unit"]`, 'carton');
      await page.click('#declare .declare-add');
      // cash has no unit to choose: no empty, disabled dropdown on a phone
      await page.selectOption(`${row(2)} select[name="type"]`, 'cash');
      expect(await page.isHidden(`${row(2)} select[name="unit"]`)).toBe(true);
      await page.selectOption(`${row(2)} select[name="type"]`, 'goods');
      expect(await page.isVisible(`${row(2)} select[name="unit"]`)).toBe(true);
      await page.fill(`${row(2)} input[name="value"]`, '15000');
      await page.fill(`${row(2)} input[name="description"]`, '<img src=x onerror=alert(1)> bag');
      await page.click('#declare .declare-check');
      await page.waitForSelector('#declare .declare-text');
      const text = (await page.textContent('#declare .declare-text')) ?? '';
      expect(text).toMatch(/^1\. cigarettes: 2,400 cigarettes \(12 cartons\)/m);
      expect(text).toMatch(/^2\. <img src=x onerror=alert\(1\)> bag: 15,000 RMB/m);
      expect(text).toMatch(/estimate/);
      expect(await page.$('#declare img')).toBeNull();
      expect(await page.$('#declare table')).toBeNull();
      expect(await page.textContent('#declare .declare-verdict')).toMatch(/Red channel/);
    });
  });

  describe('when the input is wrong', () => {
    it('shows the server message naming the field', async () => {
      await page.fill(`${row(1)} input[name="quantity"]`, '-5');
      await page.click('#declare .declare-check');
      await page.waitForFunction(() => /items\.0\.quantity/.test(document.querySelector('#declare .declare-status')?.textContent ?? ''));
      expect(await page.$('#declare .declare-text')).toBeNull();
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
