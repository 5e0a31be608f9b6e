import { Router, type RequestHandler } from 'express';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { checkDraftEntry, mergeApprovedEntries, type Draft, type DraftIssue } from '../../core/casebook';
import type { DraftStore } from '../../core/coordination';
import type { KnowledgeRuntime } from '../../core/conversation';
import { FACETS } from '../../core/knowledge/lang-schema';
import type { KnowledgeBundle } from '../../core/knowledge/load';
import { KnowledgeEntrySchema, LANGUAGES, type KnowledgeEntry } from '../../core/knowledge/schema';
import type { Clock, EventBus, Logger } from '../../core/ports';
import type { ApprovedEntryStore } from '../storage/ports';
import { coordinatorOf, requireLead } from './coordinator-auth';
import { ApiError } from './errors';

const StatusSchema = z.enum(['open', 'approved', 'rejected']).optional();
/** A draft's entry as saved: any JSON object (it is validated in full on approval). */
const EntryObjectSchema = z.record(z.string(), z.unknown());
/** An entry is 4 levels deep (answer.zh.details.0); a body nested deeper than this is refused before anything walks it. */
const MAX_ENTRY_DEPTH = 12;
/** Write errors that mean the knowledge folder cannot take the file now (read-only, missing, full): 503, the draft stays open. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'ENOSPC', 'EDQUOT']);

/** `approved` is the database overlay every replica reads; `events` tells the other replicas to re-read it. */
export type DraftRoutesDeps = { drafts: DraftStore; approved: ApprovedEntryStore; events: EventBus; runtime: KnowledgeRuntime; knowledgeDir: string; clock: Clock; logger: Logger; auth: RequestHandler };

/**
 * Knowledge-base drafts, leads only: list, read (with what still blocks approval), complete
 * (PUT the entry JSON), approve (validated like kb:check, written to knowledge/entries/<id>.yaml
 * for review on this host, stored in the database's approved entries, indexed at once with
 * `runtime.replace`, and announced with `knowledge_changed` so other replicas re-index) or reject.
 */
export function draftRoutes(deps: DraftRoutesDeps): Router {
  const router = Router();
  const lead = [deps.auth, requireLead];
  const issuesOf = (d: Draft): DraftIssue[] => {
    if (d.status !== 'open') return [];
    const checked = checkDraftEntry(d.entry, deps.runtime.current().knowledge, deps.clock.now());
    return checked.ok ? [] : checked.error.issues;
  };
  const openDraft = async (id: string): Promise<Draft> => {
    const d = await deps.drafts.getDraft(id);
    if (!d) throw new ApiError('not_found', `no draft with id "${id}"`);
    if (d.status !== 'open') throw new ApiError('conflict', `draft ${id} is already ${d.status}`);
    return d;
  };

  router.get('/drafts', ...lead, async (req, res) => {
    const status = StatusSchema.safeParse(req.query.status);
    if (!status.success) throw new ApiError('invalid_request', 'status must be open, approved or rejected');
    res.json({ items: await deps.drafts.listDrafts(status.data) });
  });

  // What the console's draft form offers (issue 14): topics and directions from the entry
  // schema, documents from knowledge/sources.yaml, tags from the concept vocabulary.
  router.get('/drafts/form', ...lead, (_req, res) => {
    res.json(draftFormOptions(deps.runtime.current().knowledge));
  });

  router.get('/drafts/:id', ...lead, async (req, res) => {
    const d = await deps.drafts.getDraft(req.params.id as string);
    if (!d) throw new ApiError('not_found', `no draft with id "${req.params.id}"`);
    res.json({ draft: d, issues: issuesOf(d) });
  });

  router.put('/drafts/:id', ...lead, async (req, res) => {
    if (!req.is('application/json')) throw new ApiError('unsupported_media_type', 'send the entry as application/json');
    const parsed = EntryObjectSchema.safeParse(req.body);
    if (!parsed.success) throw new ApiError('invalid_request', 'body: must be the entry as a JSON object');
    const body = parsed.data;
    if (depthOf(body) > MAX_ENTRY_DEPTH) throw new ApiError('invalid_request', `body: nested more than ${MAX_ENTRY_DEPTH} levels deep; send the entry as the draft shows it`);
    const d = await openDraft(req.params.id as string);
    if (!(await deps.drafts.updateDraft(d.id, body, deps.clock.now().toISOString()))) throw new ApiError('conflict', `draft ${d.id} is no longer open`);
    const updated = await deps.drafts.getDraft(d.id);
    if (!updated) throw new Error(`bot: draft ${d.id} vanished right after it was updated`);
    res.json({ draft: updated, issues: issuesOf(updated) });
  });

  router.post('/drafts/:id/approve', ...lead, async (req, res) => {
    const d = await openDraft(req.params.id as string);
    const now = deps.clock.now();
    const checked = checkDraftEntry(d.entry, deps.runtime.current().knowledge, now);
    if (!checked.ok) throw new ApiError('invalid_request', `draft cannot be approved: ${checked.error.message}`);
    const { entry, file } = checked.value;
    const by = coordinatorOf(res).name;
    const path = join(deps.knowledgeDir, file);
    writeEntryFile(path, entry, `# Promoted from casebook case ${d.caseId} (draft ${d.id}); approved by ${by} on ${now.toISOString().slice(0, 10)}.\n`);
    if (!(await deps.approved.add({ entryId: entry.id, entry, draftId: d.id, approvedBy: by, approvedAt: now.toISOString() }))) {
      unlinkSync(path); // another replica approved an entry with this id meanwhile
      throw new ApiError('invalid_request', `id: "${entry.id}" was just approved on another replica; choose another id`);
    }
    if (!(await deps.drafts.decideDraft(d.id, { status: 'approved', by, at: now.toISOString(), entryId: entry.id }))) {
      unlinkSync(path);
      await deps.approved.remove(entry.id);
      throw new ApiError('conflict', `draft ${d.id} is no longer open`);
    }
    // merged into the bundle as it is now, not the one checked before the awaits: a reload for
    // another replica's approval may have replaced it meanwhile
    const stats = deps.runtime.replace(mergeApprovedEntries(deps.runtime.current().knowledge, [entry]).bundle);
    deps.events.publish({ type: 'knowledge_changed', entryId: entry.id });
    deps.logger.log('info', 'draft_approved', { draftId: d.id, entryId: entry.id, entries: stats.entries, indexBuildMs: Math.round(stats.indexBuildMs) });
    res.json({ draft: await deps.drafts.getDraft(d.id), entryId: entry.id, file });
  });

  router.post('/drafts/:id/reject', ...lead, async (req, res) => {
    const d = await openDraft(req.params.id as string);
    await deps.drafts.decideDraft(d.id, { status: 'rejected', by: coordinatorOf(res).name, at: deps.clock.now().toISOString() });
    res.json({ draft: await deps.drafts.getDraft(d.id) });
  });
  return router;
}

/** The choices of the draft form: every value is one the entry schema and kb:check accept. */
export function draftFormOptions(bundle: KnowledgeBundle) {
  const shape = KnowledgeEntrySchema.shape;
  const concepts = new Set(LANGUAGES.flatMap((l) => Object.keys(bundle.languages[l].concepts)));
  return {
    topics: shape.topic.options,
    directions: shape.direction.options,
    sources: [...bundle.sources].map(([id, s]) => ({ id, short: s.short, url: s.url })),
    tags: [...concepts].sort(),
    facets: [...FACETS],
  };
}

/** Writes a new entry file; refuses to overwrite one (400 naming the id). */
function writeEntryFile(path: string, entry: KnowledgeEntry, header: string): void {
  try {
    writeFileSync(path, header + stringify(entry, { lineWidth: 0 }), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new ApiError('invalid_request', `id: a file for "${entry.id}" already exists in the knowledge base; choose another id`);
    // A folder that cannot take the file (read-only volume, missing folder, full disk): 503, the
    // draft stays open and can be approved once the folder is fixed (issue 14 item 10).
    if (UNWRITABLE.has(code)) throw new ApiError('unavailable', `the knowledge folder cannot be written (${code}); the draft stays open: ask the administrator to make the knowledge folder writable, then approve again`);
    throw e;
  }
}

/**
 * How deep a JSON value nests, counted without recursion (a 12,000-level body overflowed the
 * stack of the recursive checks: issue 14 item 10). Stops counting past `MAX_ENTRY_DEPTH`.
 */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.v === null || typeof top.v !== 'object') continue;
    deepest = Math.max(deepest, top.depth + 1);
    if (deepest > MAX_ENTRY_DEPTH) return deepest;
    for (const child of Object.values(top.v)) stack.push({ v: child, depth: top.depth + 1 });
  }
  return deepest;
}
