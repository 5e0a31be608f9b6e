import { type Browser } from 'playwright-core';
import { addCoordinator, call, type TestCoordinator } from '../fixtures/coordinators';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { postJson, startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(120_000);

/**
 * Issue 14 items 2 and 6 in the console itself: a case longer than one page shows its newest
 * messages and loads the earlier ones on demand; the lead's statistics show failed logins per
 * account (a stranger guessing a coordinator's password).
 */
describe('the console with a long case and failed logins (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let lead: TestCoordinator;
  let escalationId = '';

  beforeAll(async () => {
    server = await startServer();
    lead = await addCoordinator(server, '李组长', 'lead');
    // 30 questions and answers, then a request for a person: 62 messages, more than a page (50)
    let conversationId: string | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await postJson(`${server.url}/api/v1/chat`, { text: `第${i + 1}个问题：能带几条烟？`, ...(conversationId ? { conversationId } : {}) });
      conversationId = res.body.conversationId;
    }
    const last = await postJson(`${server.url}/api/v1/chat`, { text: '我要人工客服', conversationId });
    escalationId = last.body.reply.escalationId;
    // a stranger guesses the lead's password twice
    for (let i = 0; i < 2; i++) await call(server, 'POST', '/coordinator/login', { body: { name: lead.name, password: 'wrong-password-1' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the newest page of a long case and loads the earlier messages, and lists failed logins in the statistics', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${server.url}/console`);
    await page.fill('#login-name', lead.name);
    await page.fill('#login-password', lead.password);
    await page.click('#login-submit');
    await page.waitForSelector('#app:not([hidden])');
    await page.locator(`[data-id="${escalationId}"], #queue li`).first().click();
    await page.locator('#transcript li').first().waitFor();
    const firstPage = await page.locator('#transcript li').count();
    expect(firstPage).toBe(50);
    await expect(page.locator('#transcript-earlier').textContent()).resolves.toBe('显示更早的消息');
    await page.click('#transcript-earlier');
    await page.waitForFunction(() => document.querySelectorAll('#transcript li').length > 50);
    expect(await page.locator('#transcript li').count()).toBe(62);
    await expect(page.locator('#transcript li').first().textContent()).resolves.toContain('第1个问题');
    expect(await page.locator('#transcript-earlier').isHidden()).toBe(true);

    await page.click('#tabs button[data-view="stats"]');
    await page.locator('#stats-logins tbody tr').first().waitFor();
    const row = await page.locator('#stats-logins tbody tr').first().locator('td').allTextContents();
    expect(row.slice(0, 2)).toEqual([lead.name, '2']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
