import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CASE_CATEGORIES } from '../../core/casebook';
import { URGENCY_OF_REASON } from '../../core/coordination';
import type { KnowledgeIssue } from '../../core/knowledge/load';
import { LANGUAGES, type LanguageCode } from '../../core/knowledge/schema';
import { trilingualTexts } from '../../core/knowledge/templates';
import { DEPARTMENTS, type EscalationReason } from '../../core/types';

/** Where the console's phrases live, relative to the knowledge dir. */
export const CONSOLE_TEXTS_FILE = join('lang', 'console.yaml');

/** The console's own phrases, besides one per escalation reason, case category and department. */
const BASE_KEYS = [
  'app_title', 'ui_language', 'time_zone', 'alerts_label', 'sections_label', 'tab_queue', 'tab_casebook',
  'tab_stats', 'tab_drafts', 'logout', 'live_on', 'live_off', 'lead_suffix', 'offline', 'request_failed',
  'login_title', 'login_name', 'login_password', 'login_submit', 'login_failed', 'login_locked', 'error_conflict', 'error_forbidden', 'error_not_found', 'error_invalid', 'filters_label', 'filter_open', 'filter_mine',
  'filter_claimed', 'filter_resolved', 'queue_empty', 'case_select', 'urgent', 'with_holder', 'held_by',
  'waiting_for', 'closed_at', 'duration_hours', 'back_to_queue', 'claim', 'takeover', 'conversation_label',
  'reply_label', 'reply_send', 'candidates_title', 'candidates_hint', 'notes_title', 'note_label', 'note_add',
  'transfer_title', 'transfer_department', 'transfer_note', 'transfer_submit', 'resolve_title', 'resolve_category',
  'resolve_summary', 'resolve_promote', 'resolve_submit', 'who_traveller', 'who_bot', 'who_coordinator',
  'status_open', 'status_claimed', 'status_resolved', 'channel_web', 'channel_telegram', 'toast_claimed',
  'toast_takeover', 'toast_transferred', 'toast_resolved', 'toast_resolved_draft', 'search_label',
  'search_placeholder', 'search_submit', 'category_all', 'cases_empty', 'cb_question', 'cb_summary', 'cb_transcript',
  'cb_promote', 'cb_promoted', 'cb_waited', 'cb_handled', 'toast_draft_proposed', 'stats_period', 'period_1',
  'period_7', 'period_30', 'period_90', 'stats_show', 'stats_summary', 'stats_per_day', 'stats_per_reason',
  'stats_unanswered', 'stats_logins', 'stats_logins_none', 'th_account', 'th_failed', 'th_clients', 'th_locked', 'th_last', 'transcript_earlier', 'stats_reviews', 'stats_reviews_none', 'th_entry', 'th_reviewed', 'th_due', 'th_day', 'th_escalations', 'th_reason', 'th_count', 'th_question', 'th_lang', 'th_times',
  'sum_conversations', 'sum_escalated', 'sum_deflection', 'sum_median_claim', 'sum_median_resolve', 'drafts_empty',
  'draft_by', 'draft_from_case', 'draft_hint', 'draft_id', 'draft_topic', 'draft_direction', 'direction_inbound',
  'direction_outbound', 'direction_both', 'draft_title', 'draft_lead', 'draft_details', 'draft_phrasings',
  'draft_keywords', 'draft_tags', 'draft_sources', 'draft_effective', 'draft_unsure', 'draft_missing', 'draft_save', 'draft_approve',
  'draft_reject', 'draft_saved_issues', 'draft_saved_ready', 'draft_published',] as const;

/**
 * Every key of knowledge/lang/console.yaml: the base phrases, then `reason_<reason>` for every
 * escalation reason (the queue shows why in words), `category_<category>` for every casebook
 * category and `dept_<department>` for every department, so a new reason, category or
 * department fails kb:check until all three languages name it.
 */
export const CONSOLE_TEXT_KEYS: readonly string[] = [
  ...BASE_KEYS,
  ...(Object.keys(URGENCY_OF_REASON) as EscalationReason[]).map((r) => `reason_${r}`),
  ...CASE_CATEGORIES.map((c) => `category_${c}`),
  ...DEPARTMENTS.map((d) => `dept_${d}`),
];

export const ConsoleTextsFileSchema = z.object({ schemaVersion: z.literal(1), texts: trilingualTexts(CONSOLE_TEXT_KEYS) }).strict();

/** The console's phrases by language, as the page reads them: `{ zh: { key: text }, en: …, ru: … }`. */
export type ConsoleTexts = Record<LanguageCode, Record<string, string>>;

export type ConsoleTextsResult = { ok: true; texts: ConsoleTexts } | { ok: false; issues: KnowledgeIssue[] };

/** Reads and validates knowledge/lang/console.yaml; every problem is named by file and path. */
export function loadConsoleTexts(knowledgeDir: string): ConsoleTextsResult {
  const file = CONSOLE_TEXTS_FILE;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(knowledgeDir, file), 'utf8'));
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const parsed = ConsoleTextsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })) };
  const texts = parsed.data.texts as Record<string, Record<LanguageCode, string>>;
  const byLang = Object.fromEntries(LANGUAGES.map((l) => [l, Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, t[l]]))])) as ConsoleTexts;
  return { ok: true, texts: byLang };
}

/** Start-up path: the texts, or one error listing every issue. */
export function loadConsoleTextsOrThrow(knowledgeDir: string): ConsoleTexts {
  const result = loadConsoleTexts(knowledgeDir);
  if (result.ok) return result.texts;
  throw new Error(`bot: ${CONSOLE_TEXTS_FILE} is invalid:\n${result.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
}
