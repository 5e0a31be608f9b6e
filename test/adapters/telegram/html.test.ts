import fc from 'fast-check';
import { citationLink, escapeHtml, replyHtml, splitHtml, TELEGRAM_MAX_MESSAGE_CHARS, toSafeUrl } from '../../../bot/adapters/telegram/html';
import { hasOnlyOurMarkup } from './harness';

const citation = (source: string, url: string) => ({ id: 'e', title: 't', source, url });

describe('telegram html', () => {
  describe('escapeHtml', () => {
    it('escapes &, < and > (hostile text stays text)', () => {
      expect(escapeHtml('<script>alert(1)</script> & <b>bold</b>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    });
    it('escapes an existing entity again, so "&amp;" is shown as typed', () => {
      expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    });
  });

  describe('citationLink', () => {
    it('returns a link with the URL attribute-escaped', () => {
      expect(citationLink(citation('GACC <Order> 276', 'https://example.gov.cn/a?x=1&y="2"'))).toBe('<a href="https://example.gov.cn/a?x=1&amp;y=%222%22">GACC &lt;Order&gt; 276</a>');
    });
    it.each(['javascript:alert(1)', 'tg://resolve?domain=x', 'data:text/html,<b>', 'not a url'])('returns plain escaped text for %s', (url) => {
      expect(citationLink(citation('A & B', url))).toBe('A &amp; B');
    });
    it('accepts only http and https', () => {
      expect(toSafeUrl('http://a.example/')).toBe('http://a.example/');
      expect(toSafeUrl('ftp://a.example/')).toBeUndefined();
    });
  });

  describe('replyHtml', () => {
    it('returns the escaped text, then one link per distinct source', () => {
      const html = replyHtml({ text: 'Up to 400 cigarettes <no duty>.\nSource: Order 276', citations: [citation('Order 276', 'https://a.example/276'), citation('Order 276', 'https://a.example/276'), citation('Notice 2', 'https://a.example/n2')] }, 'Links');
      expect(html).toBe('Up to 400 cigarettes &lt;no duty&gt;.\nSource: Order 276\n\nLinks:\n• <a href="https://a.example/276">Order 276</a>\n• <a href="https://a.example/n2">Notice 2</a>');
    });
    it('returns the text alone when there is no citation', () => {
      expect(replyHtml({ text: 'a < b', citations: [] }, 'Links')).toBe('a &lt; b');
    });
    it('puts the details not asked about in a collapsed quote, escaped', () => {
      expect(replyHtml({ text: 'Lead.', citations: [], more: '• <b>old</b> rule' }, 'Links')).toBe('Lead.\n<blockquote expandable>• &lt;b&gt;old&lt;/b&gt; rule</blockquote>');
    });
  });

  describe('splitHtml', () => {
    describe('when the message fits', () => {
      it('returns it whole', () => {
        expect(splitHtml('short <b>one</b>')).toEqual(['short <b>one</b>']);
      });
    });

    describe('when the message is too long', () => {
      it('cuts between paragraphs first', () => {
        const a = 'a'.repeat(60);
        const b = 'b'.repeat(60);
        expect(splitHtml(`${a}\n\n${b}`, 100)).toEqual([a, b]);
      });
      it('cuts between lines when a paragraph is too long', () => {
        const lines = ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(40)];
        expect(splitHtml(lines.join('\n'), 100)).toEqual([`${lines[0]}\n${lines[1]}`, lines[2]]);
      });
      it('cuts after a sentence when a line is too long, in Chinese too', () => {
        expect(splitHtml(`${'一'.repeat(30)}。${'二'.repeat(30)}。${'三'.repeat(30)}。`, 70)).toEqual([`${'一'.repeat(30)}。${'二'.repeat(30)}。`, `${'三'.repeat(30)}。`]);
      });
      it('never cuts inside an entity', () => {
        const text = `${'a'.repeat(97)}&amp;bbb`;
        const parts = splitHtml(text, 100);
        expect(parts).toEqual(['a'.repeat(97), '&amp;bbb']);
      });
      it('never cuts inside a link', () => {
        const link = '<a href="https://a.example/x">Order No. 276 of the GACC</a>';
        const parts = splitHtml(`${'word '.repeat(15)}${link} tail`, 100);
        expect(parts.some((p) => p.includes(link))).toBe(true);
        for (const p of parts) expect(p.split('<a ').length).toBe(p.split('</a>').length);
      });
      it('never splits a surrogate pair (emoji)', () => {
        const parts = splitHtml('🙂'.repeat(80), 101);
        expect(parts.join('')).toBe('🙂'.repeat(80));
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(101);
        expect(parts[0]).toBe('🙂'.repeat(50));
      });
      it('keeps every part under the Telegram limit and loses no text (property)', () => {
        const piece = fc.oneof(
          fc.string({ maxLength: 300 }).map(escapeHtml),
          fc.constantFrom('\n', '\n\n', '. ', '。', ' ', '&amp;', '<b>Coordinator:</b>', '<a href="https://a.example/?q=1&amp;r=2">Order 276</a>'),
        );
        fc.assert(
          fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 60, max: TELEGRAM_MAX_MESSAGE_CHARS }), (pieces, limit) => {
            const html = pieces.join('');
            const parts = splitHtml(html, limit);
            for (const p of parts) {
              expect(p.length).toBeLessThanOrEqual(limit);
              expect(hasOnlyOurMarkup(p)).toBe(true);
            }
            expect(parts.join('').replace(/\s/g, '')).toBe(html.replace(/\s/g, ''));
          }),
          { seed: 20261126, numRuns: 300 },
        );
      });
    });
  });
});
