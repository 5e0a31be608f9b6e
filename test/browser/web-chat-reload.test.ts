import { type Browser, type Page } from 'playwright-core';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(60_000);

/** What a bot reply shows: its kind, the links under it, and the "more" control. */
async function shownReply(page: Page) {
  const reply = page.locator('li.msg[data-from="bot"]').last();
  await reply.waitFor();
  return {
    kind: await reply.getAttribute('data-kind'),
    links: await reply.locator('ul.cites a').evaluateAll((as) => as.map((a) => `${a.textContent}|${a.getAttribute('href')}`)),
    labels: await reply.locator('.cites-label').count(),
    more: await reply.locator('details.more').count(),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  };
}

describe('traveller web chat on a phone (Chromium, 390×844)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sources once, in the reply language, and the same links and "more" after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto(server.url);
      await page.fill('#text', '从首尔回来，能带几条烟？');
      await page.press('#text', 'Enter');
      const live = await shownReply(page);
      expect(live.kind).toBe('answer');
      expect(live.links.length).toBeGreaterThan(0);
      // one label for the list, each document once, named in Chinese
      expect(live.labels).toBe(1);
      expect(new Set(live.links).size).toBe(live.links.length);
      for (const link of live.links) expect(link.split('|')[0]).toMatch(/\p{Script=Han}/u);
      expect(live.more).toBe(1);
      expect(live.overflow).toBe(false);

      await page.reload();
      const reloaded = await shownReply(page);
      expect(reloaded).toEqual(live);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
