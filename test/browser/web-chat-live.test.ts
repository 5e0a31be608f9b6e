import { type Browser, type Page } from 'playwright-core';
import { addCoordinator, call, type TestCoordinator } from '../fixtures/coordinators';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(60_000);


describe('traveller web chat during a hand-over (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let alice: TestCoordinator;
  beforeAll(async () => {
    server = await startServer();
    alice = await addCoordinator(server, 'alice');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The traveller asks for a person; the case is claimed; returns the escalation id. */
  async function escalateFrom(page: Page, text: string): Promise<string> {
    await page.goto(server.url);
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await page.waitForSelector('li.msg[data-from="bot"][data-kind="escalated"]');
    const open = await call(server, 'GET', '/escalations?status=open', { headers: alice.bearer });
    const item = open.body.items.find((i: { question: string }) => i.question === text);
    expect((await call(server, 'POST', `/escalations/${item.id}/claim`, { headers: alice.bearer })).status).toBe(200);
    return item.id as string;
  }
  const say = (id: string, text: string) => call(server, 'POST', `/escalations/${id}/messages`, { headers: alice.bearer, body: { text } });

  describe('with EventSource', () => {
    it('shows coordinator messages once each, also after a reload', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const id = await escalateFrom(page, 'I want to talk to a human about my dog');
        await say(id, 'first reply');
        await page.locator('li.msg[data-from="coordinator"]', { hasText: 'first reply' }).waitFor();
        await page.reload();
        await page.locator('li.msg[data-from="coordinator"]', { hasText: 'first reply' }).waitFor();
        await say(id, 'second reply');
        await page.locator('li.msg[data-from="coordinator"]', { hasText: 'second reply' }).waitFor();
        await page.fill('#text', 'my dog is a labrador');
        await page.press('#text', 'Enter');
        await page.locator('li.msg[data-from="bot"]', { hasText: server.services.runtime.current().knowledge.templates.coordinator_claimed.en }).waitFor();
        await say(id, 'third reply');
        await page.locator('li.msg[data-from="coordinator"]', { hasText: 'third reply' }).waitFor();
        const texts = await page.locator('li.msg').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.from}:${e.lastChild?.textContent ?? ''}`));
        expect(texts.filter((t) => t.startsWith('coordinator:'))).toEqual(['coordinator:first reply', 'coordinator:second reply', 'coordinator:third reply']);
        expect(texts.filter((t) => t === 'traveller:my dog is a labrador')).toHaveLength(1);
      } finally {
        await context.close();
      }
    });
  });

  describe('without EventSource', () => {
    it('falls back to polling and still shows the coordinator\'s messages', async () => {
      const context = await browser.newContext();
      try {
        await context.addInitScript(() => {
          delete (window as unknown as { EventSource?: unknown }).EventSource;
        });
        const page = await context.newPage();
        const id = await escalateFrom(page, 'I want to talk to a human about my cat');
        expect(await page.evaluate(() => 'EventSource' in window)).toBe(false);
        await say(id, 'polled reply');
        await page.locator('li.msg[data-from="coordinator"]', { hasText: 'polled reply' }).waitFor({ timeout: 15_000 });
        expect(await page.locator('li.msg[data-from="coordinator"]').count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  });
});
