import { readFileSync } from 'node:fs';
import { type Browser } from 'playwright-core';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(60_000);

describe('/agency page (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  describe('when the agency fills the form with a wrong country', () => {
    it('shows the API\'s message naming the field and no briefing', async () => {
      const page = await browser.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.url}/agency?ui=ru`);
      await page.waitForSelector('body[data-loaded="true"]');
      expect(await page.textContent('h1')).toBe(server.services.agency.texts.texts.page_title?.ru);
      await page.fill('#country', 'QQ');
      await page.click('#make');
      await page.waitForSelector('#error:not([hidden])');
      expect(await page.textContent('#error')).toMatch(/^country: /);
      expect(await page.$('.briefing')).toBeNull();
      expect(problems).toEqual([]);
      await page.close();
    });
  });

  describe('when the agency uploads a CSV of questions', () => {
    it('downloads the answers as CSV', async () => {
      const page = await browser.newPage({ acceptDownloads: true });
      const problems = watchForProblems(page);
      await page.goto(`${server.url}/agency?ui=en`);
      await page.waitForSelector('body[data-loaded="true"]');
      await page.setInputFiles('#batch-file', { name: 'questions.csv', mimeType: 'text/csv', buffer: Buffer.from('question\ncan I bring sausage to china?\n') });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch button[type="submit"]')]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8');
      expect(csv).toMatch(/^\ufeff"question","lang","kind","answer","citations","coordinator_needed"\r\n"can I bring sausage to china\?","en","answer","No\./);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
