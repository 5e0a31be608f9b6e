import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addCoordinator, call, escalate, type TestCoordinator } from '../fixtures/coordinators';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { fakeClock, KNOWLEDGE_DIR, postJson, startServer, tempDataDir, type RunningServer } from '../fixtures/services';

jest.setTimeout(120_000);

/**
 * Issue 14, "the console as a workplace": a coordinator who reads only Chinese works the queue
 * in Chromium — logs in, sees the most urgent case first with its reason in Chinese and the SLA
 * colour, claims, replies, resolves; a lead uses statistics, the casebook and the draft form;
 * the tablet and phone layouts are checked on screenshots.
 */
describe('the console in Chinese (Chromium)', () => {
  const clock = fakeClock('2026-11-26T10:00:00Z');
  const knowledge = tempDataDir();
  const screenshots = tempDataDir();
  let server: RunningServer;
  let browser: Browser;
  let wang: TestCoordinator;
  let li: TestCoordinator;
  const cases: Record<string, { conversationId: string; escalationId: string }> = {};

  beforeAll(async () => {
    cpSync(KNOWLEDGE_DIR, knowledge.dir, { recursive: true });
    server = await startServer({ KNOWLEDGE_DIR: knowledge.dir }, { clock });
    wang = await addCoordinator(server, '王芳');
    li = await addCoordinator(server, '李组长', 'lead');
    // arrival order: the bot could not answer, a person asked for, then goods held
    cases.miss = await escalate(server, 'what is the weather in Harbin tomorrow?');
    clock.advance(60_000);
    cases.human = await escalate(server, '我要人工客服');
    clock.advance(60_000);
    cases.held = await escalate(server, '海关把我的包扣了，怎么办？');
    clock.advance(6 * 60_000); // the goods-held case has now waited 6 minutes: past the 5-minute SLA
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    knowledge.cleanup();
    screenshots.cleanup();
  });

  /** A browser context as a coordinator in Beijing would have it. */
  const chineseDesk = (viewport = { width: 1280, height: 800 }) => browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });

  async function logIn(page: Page, who: TestCoordinator) {
    await page.goto(`${server.url}/console`);
    await page.locator('#login-view:not([hidden])').waitFor();
    await page.fill('#login-name', who.name);
    await page.fill('#login-password', who.password);
    await page.click('#login-submit');
    await page.waitForSelector('#app:not([hidden])');
    await page.waitForSelector('#live.on');
  }

  describe('when a coordinator who reads only Chinese works the queue', () => {
    let context: BrowserContext;
    afterAll(() => context?.close());

    it('shows the login, the queue with reasons in Chinese, most urgent first, and lets them claim, reply and close', async () => {
      context = await chineseDesk();
      const page = await context.newPage();
      const problems = watchForProblems(page);
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().includes('/coordinator/session')) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${server.url}/console`);
      await page.locator('#login-view:not([hidden])').waitFor();
      await expect(page.locator('h1').textContent()).resolves.toBe('旅客协调台');
      await expect(page.locator('label[for="login-name"]').textContent()).resolves.toBe('用户名');
      await expect(page.locator('#login-submit').textContent()).resolves.toBe('登录');
      await expect(page.title()).resolves.toBe('旅客协调台');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

      await page.fill('#login-name', wang.name);
      await page.fill('#login-password', 'wrong password');
      await page.click('#login-submit');
      await page.locator('#login-error:not([hidden])').waitFor();
      await expect(page.locator('#login-error').textContent()).resolves.toBe('用户名或密码错误。');
      failed.length = 0; // that 401 was the point

      await page.fill('#login-password', wang.password);
      await page.click('#login-submit');
      await page.waitForSelector('#live.on');
      await expect(page.locator('#live').textContent()).resolves.toBe('● 实时');
      await expect(page.locator('#tabs button[data-view="queue"] span[data-t]').textContent()).resolves.toBe('待办队列');

      const rows = page.locator('#queue .item');
      await page.waitForFunction(() => document.querySelectorAll('#queue .item').length >= 3);
      const reasons = await rows.locator('.reason').allTextContents();
      expect(reasons.slice(0, 3)).toEqual(['物品被扣', '要求人工', '机器人无法回答']);
      const first = rows.first();
      await expect(first.getAttribute('class')).resolves.toMatch(/\blate\b/); // red after 5 minutes
      await expect(first.getAttribute('class')).resolves.toMatch(/\burgent\b/);
      await expect(first.locator('.urgent-badge').textContent()).resolves.toBe('紧急');
      await expect(first.locator('.wait').textContent()).resolves.toBe('6:00');
      expect(await rows.nth(2).getAttribute('class')).not.toMatch(/\burgent\b/);

      await first.click();
      await page.waitForSelector('#case-body:not([hidden])');
      await expect(page.locator('#case-reasons').textContent()).resolves.toBe('物品被扣');
      await expect(page.locator('#case-status').textContent()).resolves.toBe('等待中');
      await expect(page.locator('#case-channel').textContent()).resolves.toBe('网页');
      // times in the coordinator's time zone: 10:02 UTC is 18:02 in Beijing
      await expect(page.locator('#transcript li[data-from="traveller"] .who').first().textContent()).resolves.toBe('旅客 · 18:02');
      await expect(page.locator('#claim').textContent()).resolves.toBe('认领');
      await page.click('#claim');
      await page.waitForSelector('#reply:not([disabled])');
      await expect(page.locator('#case-holder').textContent()).resolves.toBe('王芳正在处理');

      const reply = '您好，我是海关旅客协调员王芳。请告诉我包里有什么物品？';
      await page.fill('#reply', reply);
      await page.click('#reply-form button[type="submit"]');
      await page.locator('#transcript li[data-from="coordinator"]', { hasText: reply }).waitFor();
      const messages = (await server.services.store.listMessages(cases.held!.conversationId as never));
      expect(messages.some((m) => m.from === 'coordinator' && m.text === reply)).toBe(true);

      await page.selectOption('#resolve-category', 'held_or_fined');
      await expect(page.locator('#resolve-category option:checked').textContent()).resolves.toBe('物品被扣或被罚');
      await page.fill('#resolve-summary', '说明了暂存手续，旅客离境时可取回。');
      await page.click('#resolve-form button[type="submit"]');
      await page.waitForSelector('#case-status.resolved');
      await expect(page.locator('#case-status').textContent()).resolves.toBe('已办结');
      await expect(page.locator('#toast').textContent()).resolves.toBe('已办结并存入台账。');

      expect(problems).toEqual([]);
      expect(failed).toEqual([]);
    });

    it('switches the interface to English and back, remembering the choice', async () => {
      const page = context.pages()[0]!;
      await page.selectOption('#ui-lang', 'en');
      await expect(page.locator('#tabs button[data-view="queue"] span[data-t]').textContent()).resolves.toBe('Queue');
      await expect(page.locator('#queue .item .reason').first().textContent()).resolves.toBe('Asked for a person');
      await page.reload();
      await page.waitForSelector('#live.on');
      await expect(page.locator('#tabs button[data-view="casebook"]').textContent()).resolves.toBe('Casebook');
      await page.selectOption('#ui-lang', 'ru');
      await expect(page.locator('#tabs button[data-view="casebook"]').textContent()).resolves.toBe('Журнал случаев');
      await page.selectOption('#ui-lang', 'zh');
      await expect(page.locator('#tabs button[data-view="casebook"]').textContent()).resolves.toBe('协调台账');
    });

    it('plays a tone and counts urgent cases in the title once alerts are switched on', async () => {
      const page = context.pages()[0]!;
      await expect(page.title()).resolves.toBe('旅客协调台'); // off by default
      await page.check('#ui-alerts');
      await escalate(server, '工作人员态度太差了，我要投诉');
      await page.waitForFunction(() => document.title === '(1) 旅客协调台');
      await page.waitForFunction(() => document.body.dataset.tones === '1');
      await escalate(server, 'what is the weather in Moscow tomorrow?'); // not urgent: no tone, same count
      await page.locator('#queue .item', { hasText: 'weather in Moscow' }).waitFor();
      expect(await page.evaluate(() => document.body.dataset.tones)).toBe('1');
      await expect(page.title()).resolves.toBe('(1) 旅客协调台');
    });
  });

  describe('when a lead reviews the day', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await chineseDesk();
      page = await context.newPage();
      await logIn(page, li);
    });
    afterAll(() => context?.close());

    it('shows statistics whose headers keep their words on one line at 1280 px', async () => {
      await page.click('#tabs button[data-view="stats"]');
      await page.locator('#stats-reasons tbody tr').first().waitFor();
      await expect(page.locator('#stats-reasons tbody tr td').first().textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
      const heads = await page.$$eval('#stats-view th', (ths) => ths.map((th) => ({ text: th.textContent, height: th.getBoundingClientRect().height, line: parseFloat(getComputedStyle(th).lineHeight) || 20 })));
      expect(heads.length).toBeGreaterThanOrEqual(7);
      for (const h of heads) expect({ text: h.text, oneLine: h.height < h.line * 1.9 }).toEqual({ text: h.text, oneLine: true });
    });

    it('finds the Chinese case about 包被扣 when searching the casebook in English or Russian', async () => {
      await page.click('#tabs button[data-view="casebook"]');
      for (const q of ['bag seized', 'сумку забрали']) {
        await page.fill('#casebook-q', q);
        await page.evaluate(() => document.querySelectorAll('#casebook-list li').forEach((n) => n.remove()));
        // the tab's own first load may land after the search: wait for the search's answer itself
        await page.click('#casebook-search button[type="submit"]');
        await page.locator('#casebook-list .item .question', { hasText: '海关把我的包扣了' }).first().waitFor({ timeout: 5000 });
        await expect(page.locator('#casebook-list .item .question').first().textContent()).resolves.toContain('海关把我的包扣了');
      }
      await page.locator('#casebook-list .item').first().click();
      await page.locator('#cb-title', { hasText: '物品被扣或被罚' }).waitFor({ timeout: 5000 });
      await expect(page.locator('#cb-title').textContent()).resolves.toBe('物品被扣或被罚');
    });

    it('completes a draft in the form (no JSON), approves it, and the bot answers from it', async () => {
      const { escalationId } = await escalate(server, '我要人工：能带陨石出境吗？');
      await call(server, 'POST', `/escalations/${escalationId}/claim`, { headers: li.bearer });
      await call(server, 'POST', `/escalations/${escalationId}/resolve`, { headers: li.bearer, body: { category: 'rule_explained', summary: '陨石出境需要许可', promote: true } });
      await page.click('#tabs button[data-view="drafts"]');
      await page.locator('#drafts-list .item').first().click();
      await page.locator('#draft-editor:not([hidden])').waitFor();
      expect(await page.locator('#draft-editor textarea#draft-json').count()).toBe(0);
      await expect(page.locator('label[for="df-topic"]').textContent()).resolves.toBe('主题');
      await expect(page.locator('#df-zh-phrasings').inputValue()).resolves.toBe('我要人工：能带陨石出境吗？');
      // what is still missing, said in Chinese with the form's own labels
      await expect(page.locator('#draft-issues li').allTextContents()).resolves.toEqual(expect.arrayContaining(['标题 · 中文 zh: 尚未填写', '主题: 尚未填写', '法律依据: 尚未填写']));
      await expect(page.locator('#df-zh-lead').getAttribute('placeholder')).resolves.toBe('处理情况: 陨石出境需要许可');
      await page.fill('#df-id', 'meteorite-export');
      await page.selectOption('#df-topic', 'outbound');
      await page.selectOption('#df-direction', 'outbound');
      const text = {
        zh: { title: '陨石出境', lead: '陨石属于需要许可的标本，没有出口许可不能带出境。', details: '离境时请向海关申报。', phrasings: '能带陨石出境吗', keywords: '陨石，陨石碎片' },
        en: { title: 'Taking meteorites out of China', lead: 'Meteorites are specimens that need an export permit: without one you cannot take them out of China.', details: 'Declare any meteorite at customs when you leave.', phrasings: 'can I take a meteorite out of China', keywords: 'meteorite, meteorites' },
        ru: { title: 'Вывоз метеоритов из Китая', lead: 'Метеориты — образцы, для вывоза которых нужно разрешение: без него вывезти их из Китая нельзя.', details: 'Задекларируйте метеорит на таможне при выезде.', phrasings: 'можно ли вывезти метеорит из Китая', keywords: 'метеорит, метеориты' },
      };
      for (const lang of ['zh', 'en', 'ru'] as const) {
        for (const field of ['title', 'lead', 'details', 'phrasings', 'keywords'] as const) await page.fill(`#df-${lang}-${field}`, text[lang][field]);
      }
      await page.selectOption('#df-tags', ['outbound', 'prohibited']);
      await page.selectOption('#df-sources', ['gacc-order-43']);
      await page.click('#draft-save');
      await page.locator('#toast', { hasText: '已保存' }).waitFor();
      expect(await page.locator('#draft-issues li').allTextContents()).toEqual([]);
      await page.click('#draft-approve');
      await page.locator('#toast', { hasText: 'entries/meteorite-export.yaml' }).waitFor();
      expect(statSync(join(knowledge.dir, 'entries', 'meteorite-export.yaml')).size).toBeGreaterThan(0);
      const answer = await postJson(`${server.url}/api/v1/chat`, { text: '能带陨石出境吗？' });
      expect(answer.body.reply.kind).toBe('answer');
      expect(answer.body.reply.citations[0].id).toBe('meteorite-export');
    });
  });

  describe.each([
    ['tablet in portrait', { width: 768, height: 1024 }],
    ['phone', { width: 390, height: 844 }],
  ])('on a %s', (name, viewport) => {
    it('fits the screen: no sideways scrolling; the queue, then the case, then back (screenshots)', async () => {
      const context = await chineseDesk(viewport);
      try {
        const page = await context.newPage();
        const problems = watchForProblems(page);
        await logIn(page, wang);
        const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        await page.locator('#queue .item').first().waitFor();
        const shot = async (what: string) => {
          const path = join(screenshots.dir, `console-${name.replace(/\W+/g, '-')}-${what}.png`);
          await page.screenshot({ path, fullPage: true });
          expect(statSync(path).size).toBeGreaterThan(5_000);
          expect(await fits()).toBe(true);
        };
        await shot('queue');
        expect(await page.locator('.queue-pane').isVisible()).toBe(true);
        await page.locator('#queue .item').first().click();
        await page.waitForSelector('#case-body:not([hidden])');
        await shot('case');
        expect(await page.locator('.queue-pane').isVisible()).toBe(false);
        await expect(page.locator('#back').textContent()).resolves.toBe('← 返回队列');
        await page.click('#back');
        expect(await page.locator('.queue-pane').isVisible()).toBe(true);
        const box = await page.locator('#claim').boundingBox();
        expect(box === null || box.height >= 36).toBe(true); // touch-sized buttons
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
