import { replyText, splitText, WECHAT_MAX_TEXT_BYTES } from '../../../bot/adapters/wechat';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('splitText', () => {
  describe('when the text fits', () => {
    it('returns it whole', () => {
      expect(splitText('能带几条烟？')).toEqual(['能带几条烟？']);
    });
  });

  describe('when Chinese text is over the byte limit', () => {
    const sentence = '普通入境旅客可免税携带香烟400支。'; // 3 bytes per Chinese character
    const text = sentence.repeat(120);

    it('cuts at sentence ends into parts of at most 2,048 bytes that add up to the text', () => {
      const parts = splitText(text);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(WECHAT_MAX_TEXT_BYTES);
      for (const p of parts) expect(p.endsWith('。')).toBe(true);
      expect(parts.join('')).toBe(text);
    });
  });

  describe('when there is no boundary at all', () => {
    it('cuts between characters, never inside a surrogate pair', () => {
      const parts = splitText('🐷'.repeat(1000), 100);
      for (const p of parts) {
        expect(bytes(p)).toBeLessThanOrEqual(100);
        expect(p).toBe([...p].join('')); // whole code points
        expect(p.codePointAt(0)).toBe(0x1f437);
      }
      expect(parts.join('')).toBe('🐷'.repeat(1000));
    });
  });

  describe('when paragraphs are present', () => {
    it('prefers a paragraph break to a sentence end', () => {
      const parts = splitText(`${'a. '.repeat(20)}\n\n${'b. '.repeat(20)}`, 80);
      expect(parts[0]).toBe('a. '.repeat(20).trim());
    });
  });
});

describe('replyText', () => {
  const citations = [
    { id: 'e1', title: 't', source: 'GACC Order No. 276', url: 'https://example.gov.cn/276' },
    { id: 'e2', title: 't', source: 'GACC Order No. 276', url: 'https://example.gov.cn/276' },
    { id: 'e3', title: 't', source: 'Ann. 54', url: 'javascript:alert(1)' },
  ];

  it('lists each source once, by its Chinese name, with its web link only', () => {
    const zh = (url: string) => (url.endsWith('/276') ? '海关总署令第276号' : undefined);
    const text = replyText({ text: 'Answer.', citations }, 'Full text', zh);
    expect(text).toBe('Answer.\n\nFull text:\n• 海关总署令第276号 https://example.gov.cn/276\n• Ann. 54');
  });
});
