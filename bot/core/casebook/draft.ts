import { checkKnowledge } from '../knowledge/check';
import type { KnowledgeBundle } from '../knowledge/load';
import { KnowledgeEntrySchema, LANGUAGES, type KnowledgeEntry, type LanguageCode } from '../knowledge/schema';
import { err, ok, type Result } from '../result';
import type { CasebookEntry } from './types';

/** Marks a draft field a lead still has to write; a draft containing it cannot be approved. */
export const DRAFT_TODO = '<<TODO>>';

/** One reason a draft cannot be approved, naming the field (dotted path). */
export type DraftIssue = { field: string; message: string };
export type DraftInvalid = { code: 'draft_invalid'; message: string; issues: DraftIssue[] };

/**
 * A knowledge-entry skeleton from a case, in the KnowledgeEntry shape: the traveller's question
 * as a phrasing in its language, the coordinator's summary as a hint in the answer, and
 * `<<TODO>>` wherever a lead must write the three languages' text, tags and legal source.
 * `today` is YYYY-MM-DD.
 */
export function draftEntryFromCase(c: CasebookEntry, today: string): Record<string, unknown> {
  const per = <T>(make: (lang: LanguageCode) => T) => Object.fromEntries(LANGUAGES.map((l) => [l, make(l)]));
  const todo = (what: string) => `${DRAFT_TODO} ${what}`;
  const suffix = c.id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-8) || 'case';
  return {
    schemaVersion: 1,
    id: `case-${c.resolvedAt.slice(0, 10).replace(/-/g, '')}-${suffix}`,
    topic: todo('one of the topics in bot/core/knowledge/schema.ts'),
    direction: 'inbound',
    title: per((l) => todo(`title (${l})`)),
    answer: per((l) => ({ lead: l === c.lang ? todo(`direct answer; coordinator's summary: ${c.summary}`) : todo(`direct answer (${l})`), details: [] })),
    phrasings: per((l) => (l === c.lang ? [c.question] : [todo(`how travellers ask it (${l})`)])),
    keywords: per((l) => [todo(`keywords (${l})`)]),
    tags: [DRAFT_TODO],
    sources: [{ source: todo('id of the document in knowledge/sources.yaml') }],
    effective: today,
    reviewed: today,
  };
}

/** Dotted paths of every string in `value` that still contains the TODO marker. */
export function todoFields(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes(DRAFT_TODO) || value.includes('example.invalid/TODO') ? [path.join('.') || 'entry'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => todoFields(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => todoFields(v, [...path, k]));
  return [];
}

/**
 * Everything that stops a draft from being approved: TODO markers left, the KnowledgeEntry
 * schema, an id already in the knowledge base, and the same rules as kb:check (placeholders,
 * literal numbers, tags, review date) for this entry. On success returns the parsed entry and
 * the bundle with it added (ready for `runtime.replace`).
 */
export function checkDraftEntry(raw: unknown, bundle: KnowledgeBundle, today: Date): Result<{ entry: KnowledgeEntry; bundle: KnowledgeBundle; file: string }, DraftInvalid> {
  const invalid = (issues: DraftIssue[]) => err<DraftInvalid>({ code: 'draft_invalid', message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues });
  const todos = todoFields(raw);
  if (todos.length > 0) return invalid(todos.map((field) => ({ field, message: `still a placeholder (${DRAFT_TODO}); write the real text` })));
  const parsed = KnowledgeEntrySchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'entry', message: i.message })));
  const entry = parsed.data;
  const file = `entries/${entry.id}.yaml`;
  const existing = bundle.files.get(entry.id);
  if (existing) return invalid([{ field: 'id', message: `"${entry.id}" already exists in ${existing}; choose another id` }]);
  const next: KnowledgeBundle = { ...bundle, entries: [...bundle.entries, entry], files: new Map([...bundle.files, [entry.id, file]]) };
  const issues = checkKnowledge(next, today).filter((i) => i.file === file);
  if (issues.length > 0) return invalid(issues.map((i) => ({ field: i.path || 'entry', message: i.message })));
  return ok({ entry, bundle: next, file });
}

/** What `mergeApprovedEntries` did: the bundle (the same object when nothing was added), the ids added, and the entries it had to leave out. */
export type ApprovedMerge = { bundle: KnowledgeBundle; added: string[]; issues: DraftIssue[] };

/**
 * Adds approved entries (kept in the database, issue 13) to a bundle loaded from `knowledge/`.
 * An id the bundle has already (a file, or this overlay merged before) is skipped, so merging
 * twice changes nothing. Each entry is parsed with the knowledge schema again: a row that no
 * longer parses (the schema moved on) is left out and reported, never indexed.
 */
export function mergeApprovedEntries(bundle: KnowledgeBundle, approved: readonly unknown[]): ApprovedMerge {
  const added: KnowledgeEntry[] = [];
  const issues: DraftIssue[] = [];
  for (const raw of approved) {
    const parsed = KnowledgeEntrySchema.safeParse(raw);
    if (!parsed.success) {
      issues.push({ field: 'entry', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    if (bundle.files.has(parsed.data.id) || added.some((e) => e.id === parsed.data.id)) continue;
    added.push(parsed.data);
  }
  if (added.length === 0) return { bundle, added: [], issues };
  const files = new Map([...bundle.files, ...added.map((e): [string, string] => [e.id, `entries/${e.id}.yaml`])]);
  return { bundle: { ...bundle, entries: [...bundle.entries, ...added], files }, added: added.map((e) => e.id), issues };
}
