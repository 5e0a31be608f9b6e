import type { Citation } from '../../core/types';

/**
 * Telegram's limit for one message: 4,096 characters after entity parsing. We measure the
 * HTML source in UTF-16 code units, which is never shorter than what Telegram counts.
 */
export const TELEGRAM_MAX_MESSAGE_CHARS = 4096;

/** Escapes text for Telegram HTML (`&`, `<`, `>`; the only three it requires). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/g, '&quot;');
}

/** The URL, normalised, when it is http or https; undefined for anything else (javascript:, tg:, junk). */
export function toSafeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined; // not a URL at all: shown as text, without a link
  }
}

/** One citation as a link to its source, or as plain text when its URL is not http(s). */
export function citationLink(citation: Pick<Citation, 'source' | 'url'>): string {
  const url = toSafeUrl(citation.url);
  const label = escapeHtml(citation.source);
  return url ? `<a href="${escapeAttribute(url)}">${label}</a>` : label;
}

/**
 * A reply as Telegram HTML: the escaped text, then one line per distinct source, as a link.
 * @example replyHtml({ text: 'a < b', citations: [] }, 'Links') === 'a &lt; b'
 */
export function replyHtml(reply: { text: string; citations: readonly Citation[]; more?: string }, linksLabel: string): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const c of reply.citations) {
    const key = `${c.source}\u0000${c.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(`• ${citationLink(c)}`);
  }
  // Details the question did not ask about: a collapsed quote the traveller can open (Bot API 7.4).
  const body = reply.more ? `${escapeHtml(reply.text)}\n<blockquote expandable>${escapeHtml(reply.more)}</blockquote>` : escapeHtml(reply.text);
  return links.length === 0 ? body : `${body}\n\n${escapeHtml(linksLabel)}:\n${links.join('\n')}`;
}

/**
 * Boundaries to cut at, coarsest first: paragraph, line, sentence (Latin, Cyrillic and CJK
 * punctuation), word. Each pattern matches the separator; the cut goes after it.
 */
const BOUNDARIES: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;](?=\s)\s*|[。！？；]/g, /\s+/g];

/** Ranges that must stay whole: an element with its content (`<a …>…</a>`), a tag, an entity. */
const ATOMIC = /<(\w+)\b[^>]*>[\s\S]*?<\/\1>|<[^>]*>|&(?:#\d+|#x[\da-f]+|\w+);/gi;

/**
 * Splits Telegram HTML into messages of at most `limit` characters, at the coarsest boundary
 * that keeps a message at least half full: paragraph, then line, then sentence, then word,
 * and only as a last resort between characters. Never cuts inside a tag, an element or an
 * entity, nor between the two halves of a surrogate pair. Pinned by test/adapters/telegram/html.test.ts.
 */
export function splitHtml(html: string, limit: number = TELEGRAM_MAX_MESSAGE_CHARS): string[] {
  const chunks: string[] = [];
  let rest = html.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function findCut(text: string, limit: number): number {
  const atomic = [...text.matchAll(ATOMIC)].map((m) => [m.index, m.index + m[0].length] as const);
  const safe = (p: number) => !atomic.some(([start, end]) => p > start && p < end) && !isLowSurrogate(text.charCodeAt(p));
  for (const minimum of [Math.floor(limit / 2), 1]) {
    for (const boundary of BOUNDARIES) {
      let best = 0;
      for (const m of text.matchAll(boundary)) {
        const p = m.index + m[0].length;
        if (p > limit) break;
        if (p >= minimum && safe(p)) best = p;
      }
      if (best > 0) return best;
    }
  }
  for (let p = limit; p > 0; p--) if (safe(p)) return p;
  return limit; // one atomic piece longer than a message: cannot happen with our own markup
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
