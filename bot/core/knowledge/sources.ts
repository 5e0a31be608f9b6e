import { z } from 'zod';
import { EntryIdSchema, TrilingualSchema, type LanguageCode } from './schema';

/** One legal document or official page, named in every language, with its own URL. */
export const LegalSourceSchema = z
  .object({
    /** Full official title: the Chinese one in zh (e.g. 海关总署令第276号《…》). */
    name: TrilingualSchema,
    /** Short form for the one source line of a chat reply ("海关总署令第276号"). */
    short: TrilingualSchema,
    /** Only http(s): the console and the web chat show it as a link (a `javascript:` URL would run; issue 14 item 10). */
    url: z.url({ protocol: /^https?$/, error: 'must be a full http:// or https:// URL' }),
    /** Fact-sheet source ids, e.g. ["S81", "S82"]. */
    refs: z.array(z.string().regex(/^S[\w-]+$/)).default([]),
  })
  .strict();
export type LegalSource = z.infer<typeof LegalSourceSchema>;

/** knowledge/sources.yaml: every document the knowledge base cites, once. */
export const SourcesFileSchema = z
  .object({ schemaVersion: z.literal(1), sources: z.record(EntryIdSchema, LegalSourceSchema) })
  .strict();

/** Documents by id. */
export type SourceRegistry = ReadonlyMap<string, LegalSource>;

/** A document as a citation in one language. */
export function sourceIn(source: LegalSource, lang: LanguageCode): { name: string; short: string; url: string } {
  return { name: source.name[lang], short: source.short[lang], url: source.url };
}

/** Problems of the registry itself: two documents with one URL. */
export function registryIssues(registry: SourceRegistry): string[] {
  const byUrl = new Map<string, string>();
  const issues: string[] = [];
  for (const [id, s] of registry) {
    const other = byUrl.get(s.url);
    if (other) issues.push(`"${id}" and "${other}" share the URL ${s.url}: each document needs its own`);
    else byUrl.set(s.url, id);
  }
  return issues;
}
