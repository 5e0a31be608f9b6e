import type { DepartmentInfo } from '../knowledge/departments';
import type { KnowledgeBundle } from '../knowledge/load';
import { renderText } from '../knowledge/render';
import type { KnowledgeEntry, LanguageCode, TravellerCategory } from '../knowledge/schema';
import { fillTemplate, type TemplateKey } from '../knowledge/templates';
import type { Citation, Department, EscalationReason } from '../types';

/** Text and citations of a reply, before it gets its kind-specific fields. */
export type Composed = { text: string; citations: Citation[] };

/** Builds citations for entries: id, title and legal source in the reply's language. */
export function citationsFor(entry: KnowledgeEntry, lang: LanguageCode): Citation[] {
  return entry.sources.map((s) => ({ id: entry.id, title: entry.title[lang], source: s.name, url: s.url }));
}

/**
 * Composes an answer: the direct answer first (the category's lead, or every variant), then
 * the conditions, an UNSURE note when the entry rests on one, then the citation line.
 */
export function composeAnswer(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode, category?: TravellerCategory | 'all'): Composed {
  const a = entry.answer[lang];
  const r = (t: string) => renderText(t, bundle.limits, lang);
  const leads = category === 'all' ? [a.lead, ...Object.values(a.variants ?? {})] : [(category && a.variants?.[category]) || a.lead];
  const parts = [leads.map(r).join('\n'), ...a.details.map((d) => `• ${r(d)}`)];
  if (entry.unsure) parts.push(bundle.templates.unsure_note[lang]);
  parts.push(sourceLine(bundle, entry, lang));
  return { text: parts.join('\n'), citations: citationsFor(entry, lang) };
}

/** The clarifying question: the ordinary case's figure, then one question. */
export function composeClarify(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode): Composed {
  const key: TemplateKey = entry.dependsOn === 'residency' ? 'clarify_residency' : 'clarify_route';
  const lead = renderText(entry.answer[lang].lead, bundle.limits, lang);
  const days = bundle.limits.values.get('tobacco.frequentWindowDays') ?? '';
  const text = fillTemplate(bundle.templates[key][lang], { lead, days });
  return { text: `${text}\n${sourceLine(bundle, entry, lang)}`, citations: citationsFor(entry, lang) };
}

/** A routed reply: who handles it, and their public contact. */
export function composeRouted(bundle: KnowledgeBundle, department: Department, lang: LanguageCode): Composed {
  const info: DepartmentInfo = bundle.departments[department];
  const t = bundle.templates;
  const text = [
    fillTemplate(t.routed_intro[lang], { department: info.name[lang], handles: info.handles[lang] }),
    fillTemplate(t.routed_contact[lang], { contact: info.contact[lang] }),
  ].join('\n');
  return { text, citations: [{ id: `department-${department}`, title: info.name[lang], source: info.source.name, url: info.source.url }] };
}

const TEMPLATE_OF_REASON: Record<EscalationReason, TemplateKey> = {
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
export function composeEscalated(bundle: KnowledgeBundle, reasons: readonly EscalationReason[], lang: LanguageCode, entry?: KnowledgeEntry): Composed {
  const first = reasons[0] ?? 'low_confidence';
  const intro = bundle.templates[TEMPLATE_OF_REASON[first]][lang];
  if (!entry) return { text: intro, citations: [] };
  const body = composeAnswer(bundle, entry, lang, entry.dependsOn ? 'all' : undefined);
  return { text: `${intro}\n\n${body.text}`, citations: body.citations };
}

function sourceLine(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode): string {
  const names = entry.sources.map((s) => s.name).join('; ');
  return `${bundle.templates.source_label[lang]}: ${names} (${bundle.templates.reviewed_label[lang]} ${entry.reviewed})`;
}
