import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { formatNumber } from '../../bot/core/knowledge/render';
import type { LanguageCode } from '../../bot/core/knowledge/schema';
import { launchChromium, watchForProblems } from '../fixtures/browser';
import { startServer, type RunningServer } from '../fixtures/services';

jest.setTimeout(90_000);

/** The PDF's text as poppler's pdftotext reads it (Debian poppler-utils); pages split on form feeds. */
function pdfText(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
  try {
    const file = join(dir, 'briefing.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Spaces and line breaks removed: pdftotext breaks lines where the page does. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('printable briefing (/agency) in headless Chromium', () => {
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

  describe('when a Russia return trip is printed in zh, en and ru', () => {
    it('renders an A4 PDF whose text has each language\'s title and limits.yaml figures, one to two pages per language', async () => {
      const page = await browser.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.url}/agency?direction=return&country=RU&languages=zh,en,ru&categories=resident,non-resident&ui=en`);
      await page.waitForSelector('body[data-ready="3"]');
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(problems).toEqual([]);
      await page.close();

      const pages = pdfText(pdf);
      if (process.env.DUMP_PDF) writeFileSync(process.env.DUMP_PDF, pdf);
      const all = pages.join('\n');
      const { knowledge } = server.services.runtime.current();
      const limit = (path: string) => knowledge.limits.values.get(path) ?? NaN;
      const texts = server.services.agency.texts.texts;
      const countries: Record<LanguageCode, string> = { zh: '俄罗斯', en: 'Russia', ru: 'Россия' };
      const langs: LanguageCode[] = ['zh', 'en', 'ru'];
      // each language's part runs from its title to the next title
      const starts = langs.map((l) => squeeze(all).indexOf(squeeze(texts.title_return![l].replace('{country}', countries[l]))));
      expect(starts.every((s) => s >= 0)).toBe(true);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      langs.forEach((lang, i) => {
        const part = squeeze(all).slice(starts[i], starts[i + 1] ?? undefined);
        const figure = (path: string) => squeeze(formatNumber(limit(path), lang));
        for (const path of ['valueAllowance.resident', 'valueAllowance.non_resident', 'tobacco.ordinary.cigarettes', 'tobacco.ordinary.cigars', 'cash.rmbMax', 'cash.foreignDeclareAboveUsd']) {
          expect({ lang, path, found: part.includes(figure(path)) }).toEqual({ lang, path, found: true });
        }
        expect(part).toContain(squeeze(texts.section_troubles![lang]));
        expect(part).toContain(knowledge.limits.reviewed);
      });
      // one to two printed pages per language, each language starting on a new page
      const printed = pages.filter((p) => p.trim().length > 0);
      const firstPage = langs.map((l) => printed.findIndex((p) => squeeze(p).startsWith(squeeze(texts.title_return![l].replace('{country}', countries[l])))));
      expect(firstPage[0]).toBe(0);
      const spans = firstPage.map((start, i) => (firstPage[i + 1] ?? printed.length) - start);
      for (const span of spans) expect(span).toBeGreaterThanOrEqual(1);
      for (const span of spans) expect(span).toBeLessThanOrEqual(2);
      const pdfinfo = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
      expect(pdfinfo).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    });
  });
});
