import type { DepartmentInfo } from '../knowledge/departments';
import { FACETS } from '../knowledge/lang-schema';
import type { KnowledgeBundle } from '../knowledge/load';
import { renderText } from '../knowledge/render';
import type { KnowledgeEntry, LanguageCode, TravellerCategory } from '../knowledge/schema';
import { sourceIn } from '../knowledge/sources';
import { fillTemplate, type TemplateKey } from '../knowledge/templates';
import type { Citation, Department, EscalationReason } from '../types';

/**
 * Text and citations of a reply, before it gets its kind-specific fields. `more` holds the
 * details the question did not ask about, for a "more" control (web) or a collapsed block
 * (Telegram); it is never part of the first reply's text.
 */
export type Composed = { text: string; citations: Citation[]; more?: string };

/** Details shown in the first reply at most, besides the lead (issue 10: short, their case first). */
const MAX_SHOWN_DETAILS = 2;
/**
 * Characters a first reply aims at on a 390-px phone (issue 10): a Chinese character carries
 * about what a short word does. Details that do not fit go behind "more"; the lead always stays,
 * and so does the entry's key detail up to MAX_REPLY_CHARS.
 */
const REPLY_BUDGET_CHARS: Record<LanguageCode, number> = { zh: 300, en: 600, ru: 600 };
/** Facet words of a question's aspect ("per person", "used to be 100"), as opposed to topic concepts. */
const ASPECTS: ReadonlySet<string> = new Set(FACETS);
/** The key detail may take a reply past the budget, never past this. */
const MAX_REPLY_CHARS = 1000;

/** Citations of an entry: one per document, named in the reply's language, with its own URL. */
export function citationsFor(bundle: Pick<KnowledgeBundle, 'sources'>, entry: KnowledgeEntry, lang: LanguageCode): Citation[] {
  return entry.sources.flatMap(({ source }) => {
    const doc = bundle.sources.get(source);
    if (!doc) return [];
    const { name, url } = sourceIn(doc, lang);
    return [{ id: entry.id, title: entry.title[lang], source: name, url }];
  });
}

/**
 * The details a question bears on: those whose facets (concepts or facet words of the message)
 * it mentions, then the one marked `key` while there is room, at most MAX_SHOWN_DETAILS, in the
 * entry's order. The others go behind "more".
 */
export function pickDetails(entry: KnowledgeEntry, focus: ReadonlySet<string>): { shown: number[]; rest: number[]; asked: number[] } {
  const all = entry.answer.en.details.map((_, i) => i);
  const facetsOf = (i: number) => entry.facets[i] ?? [];
  const asked = all.filter((i) => facetsOf(i).some((f) => f !== 'key' && focus.has(f)));
  const key = all.filter((i) => facetsOf(i).includes('key'));
  // the details asked about, and the key one while there is room for it
  const shown = [...new Set([...asked.slice(0, MAX_SHOWN_DETAILS), ...key])].slice(0, MAX_SHOWN_DETAILS).sort((a, b) => a - b);
  return { shown, rest: all.filter((i) => !shown.includes(i)), asked: asked.filter((i) => shown.includes(i)) };
}

/**
 * Composes an answer for a phone: the direct answer first (the category's lead, or every
 * variant), then only the details the question bears on (`focus`: the concepts and facets it
 * mentions), an UNSURE note when the entry rests on one, then one short source line in the
 * reply's language. The other details go to `more`. `reservedChars` counts text that will stand
 * before this one in the same reply.
 */
export function composeAnswer(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode, category?: TravellerCategory | 'all', focus: ReadonlySet<string> = new Set(), reservedChars = 0): Composed {
  const a = entry.answer[lang];
  const r = (t: string) => renderText(t, bundle.limits, lang);
  const leads = category === 'all' ? [a.lead, ...Object.values(a.variants ?? {})] : [(category && a.variants?.[category]) || a.lead];
  const picked = pickDetails(entry, focus);
  const detail = (i: number) => `• ${r(a.details[i] ?? '')}`;
  const lead = leads.map(r).join('\n');
  const tail = [...(entry.unsure ? [bundle.templates.unsure_note[lang]] : []), sourceLine(bundle, entry, lang)];
  // details join the first reply while it stays within the phone budget; the rest wait behind "more"
  // `reservedChars`: what goes before this text in the same reply (a priced case's verdict)
  let used = reservedChars + [lead, ...tail].reduce((n, t) => n + [...t].length + 1, 0);
  const shown = picked.shown.filter((i) => {
    const size = [...detail(i)].length + 1;
    // what the question asked about comes first, then the key detail; anything else only within the budget
    const priority = picked.asked.includes(i) || entry.facets[i]?.includes('key');
    const budget = priority ? MAX_REPLY_CHARS : REPLY_BUDGET_CHARS[lang];
    if (used + size > budget) return false;
    used += size;
    return true;
  });
  const rest = [...picked.rest, ...picked.shown.filter((i) => !shown.includes(i))].sort((x, y) => x - y);
  const more = rest.map(detail).join('\n');
  return { text: [lead, ...shown.map(detail), ...tail].join('\n'), citations: citationsFor(bundle, entry, lang), ...(more ? { more } : {}) };
}

/**
 * The clarifying question: the ordinary case's figure, the details the question asked about
 * ("i read 100 cigars somewhere": the old figure no longer applies), then one question.
 */
export function composeClarify(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode, focus: ReadonlySet<string> = new Set()): Composed {
  const key: TemplateKey = entry.dependsOn === 'residency' ? 'clarify_residency' : 'clarify_route';
  const r = (t: string) => renderText(t, bundle.limits, lang);
  // (only details asked about by an aspect word: "cigars?" alone does not call up the old figure)
  const aspect = (i: number) => (entry.facets[i] ?? []).some((f) => ASPECTS.has(f) && focus.has(f));
  const asked = pickDetails(entry, focus).asked.filter(aspect).map((i) => `• ${r(entry.answer[lang].details[i] ?? '')}`);
  // a residency question shows both figures (5,000 for residents, 2,000 for visitors): the traveller sees where they stand either way
  const a = entry.answer[lang];
  const leads = entry.dependsOn === 'residency' ? [a.lead, ...Object.values(a.variants ?? {})] : [a.lead];
  const lead = [...leads.map(r), ...asked].join('\n');
  const days = bundle.limits.values.get('tobacco.frequentWindowDays') ?? '';
  const text = fillTemplate(bundle.templates[key][lang], { lead, days });
  return { text: `${text}\n${sourceLine(bundle, entry, lang)}`, citations: citationsFor(bundle, entry, lang) };
}

/** A routed reply: who handles it, and their public contact. */
export function composeRouted(bundle: KnowledgeBundle, department: Department, lang: LanguageCode): Composed {
  const info: DepartmentInfo = bundle.departments[department];
  const t = bundle.templates;
  const text = [
    fillTemplate(t.routed_intro[lang], { department: info.name[lang], handles: info.handles[lang] }),
    fillTemplate(t.routed_contact[lang], { contact: info.contact[lang] }),
  ].join('\n');
  const doc = bundle.sources.get(info.source);
  return { text, citations: doc ? [{ id: `department-${department}`, title: info.name[lang], source: doc.name[lang], url: doc.url }] : [] };
}

/** One line pointing a question set aside to the party that answers it ("and is a power bank ok in carry-on?"). */
export function composeAside(bundle: KnowledgeBundle, department: Department, lang: LanguageCode): string {
  const info: DepartmentInfo = bundle.departments[department];
  return fillTemplate(bundle.templates.routed_aside[lang], { department: info.name[lang], contact: info.contact[lang] });
}

const TEMPLATE_OF_REASON: Record<EscalationReason, TemplateKey> = {
  medical: 'escalated_medical',
  evasion: 'escalated_evasion',
  prompt_injection: 'escalated_injection',
  asked_for_human: 'escalated_human',
  urgency: 'escalated_urgency',
  seizure: 'escalated_case',
  fine: 'escalated_case',
  dispute: 'escalated_case',
  staff_complaint: 'escalated_complaint',
  complaint: 'escalated_complaint',
  anger: 'escalated_emotion',
  distress: 'escalated_emotion',
  repeated_misses: 'escalated_repeated',
  low_confidence: 'no_match',
  out_of_scope: 'no_match',
};

/**
 * An escalation reply for the most important reason. When the knowledge base has a relevant
 * entry (e.g. the rule an evasion question tries to get around), its answer follows, so the
 * traveller is not left without the rule while waiting.
 */
export function composeEscalated(bundle: KnowledgeBundle, reasons: readonly EscalationReason[], lang: LanguageCode, entry?: KnowledgeEntry, category?: TravellerCategory): Composed {
  const first = reasons[0] ?? 'low_confidence';
  const intro = bundle.templates[TEMPLATE_OF_REASON[first]][lang];
  if (!entry) return { text: intro, citations: [] };
  // the rule of the category the message said, else the ordinary case's: every variant would take the reply past a phone screen
  // (the refusal stands before it in the same reply: the rule's details fit the phone budget with it, the rest waits behind "more")
  const body = composeAnswer(bundle, entry, lang, category, new Set(), [...intro].length + 2);
  return { text: `${intro}\n\n${body.text}`, citations: body.citations, ...(body.more ? { more: body.more } : {}) };
}

/** One short line: the entry's main documents in the reply's language (the links carry the full titles). */
function sourceLine(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode): string {
  const names = entry.sources.slice(0, 2).flatMap(({ source }) => {
    const doc = bundle.sources.get(source);
    return doc ? [doc.short[lang]] : [];
  });
  return fillTemplate(bundle.templates.source_line[lang], { sources: names.join(lang === 'zh' ? '、' : '; '), date: entry.reviewed });
}
