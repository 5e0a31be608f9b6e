import type { Citation } from '../../core/types';

/**
 * WeChat's limit for one text message (a passive reply or a customer-service message):
 * 2,048 bytes of UTF-8, about 680 Chinese characters. Measured in bytes, not characters.
 */
export const WECHAT_MAX_TEXT_BYTES = 2048;

/** A reply as WeChat plain text: the core's text, then one line per distinct source, named in Chinese, with its URL. */
export function replyText(reply: { text: string; citations: readonly Citation[] }, sourcesLabel: string, chineseNameOf: (url: string) => string | undefined): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const c of reply.citations) {
    if (seen.has(c.url)) continue;
    seen.add(c.url);
    lines.push(`• ${chineseNameOf(c.url) ?? c.source} ${isWebUrl(c.url) ? c.url : ''}`.trimEnd());
  }
  return lines.length === 0 ? reply.text : `${reply.text}\n\n${sourcesLabel}:\n${lines.join('\n')}`;
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url);
}

/** Cut points, coarsest first: paragraph, line, sentence (Latin, Cyrillic, CJK), word. The cut goes after the match. */
const BOUNDARIES: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;](?=\s)\s*|[。！？；]/g, /\s+/g];

/**
 * Splits plain text into messages of at most `maxBytes` UTF-8 bytes, at the coarsest boundary
 * that keeps a message at least half full (paragraph, line, sentence, word), else between
 * characters, never inside a surrogate pair. Pinned by test/adapters/wechat/format.test.ts.
 */
export function splitText(text: string, maxBytes: number = WECHAT_MAX_TEXT_BYTES): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (Buffer.byteLength(rest, 'utf8') > maxBytes) {
    const fit = charsWithin(rest, maxBytes);
    const cut = cutAt(rest.slice(0, fit), Buffer.byteLength(rest.slice(0, fit)) / 2) ?? fit;
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** How many UTF-16 units of `text`, whole code points only, fit in `maxBytes`. */
function charsWithin(text: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    i += ch.length;
  }
  return Math.max(i, 1);
}

function cutAt(head: string, minimumBytes: number): number | undefined {
  for (const boundary of BOUNDARIES) {
    let best: number | undefined;
    for (const m of head.matchAll(boundary)) {
      const p = m.index + m[0].length;
      if (p < head.length + 1 && Buffer.byteLength(head.slice(0, p)) >= minimumBytes) best = p;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}
