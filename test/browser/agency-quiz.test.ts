import { type Browser } from 'playwright-core';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(60_000);

describe('training quiz on /agency/quiz (Chromium)', () => {
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

  describe('when a trainee answers every question of a seeded quiz right', () => {
    it('shows one question at a time and the full score at the end', async () => {
      const quiz = await (await fetch(`${server.url}/api/v1/quiz?lang=zh&seed=5&count=3`)).json();
      const page = await browser.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.url}/agency/quiz?lang=zh&seed=5&count=3`);
      for (const [i, q] of quiz.questions.entries()) {
        await page.waitForFunction((text) => document.getElementById('question')?.textContent === text, q.text);
        await page.click(`#choices button[data-index="${q.answer}"]`);
        expect(await page.textContent('#feedback')).toBe(server.services.agency.texts.texts.quiz_right?.zh);
        if (i < quiz.questions.length - 1) await page.click('#next');
      }
      await page.waitForSelector('body[data-done="true"]');
      expect(await page.textContent('#score')).toContain('3');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
