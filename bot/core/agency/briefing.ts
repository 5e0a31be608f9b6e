import type { KnowledgeBundle } from '../knowledge/load';
import { renderText } from '../knowledge/render';
import type { KnowledgeEntry, LanguageCode } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/templates';
import { planBriefing, type PlannedSection, type Trip } from './briefing-plan';
import { countryName } from './countries';
import type { AgencyKnowledge } from './load';
import type { AgencyTextKey, GroupCategory } from './schema';
import { firstSentences } from './sentences';

/** One cited document of a briefing, numbered in order of first citation. */
export type BriefingCitation = { n: number; id: string; source: string; url: string; entries: string[] };
export type BriefingPoint = {
  entryId: string;
  /** The entry's lead for the category, with the UNSURE mark when the entry rests on an UNSURE fact. */
  text: string;
  /** The lead alone (for the short version, which shortens it and adds the mark again). */
  lead: string;
  unsure: boolean;
  refs: number[];
};
export type BriefingSection = { key: string; heading: string; points: BriefingPoint[] };

/** A briefing in one language: the printable document's parts, its HTML and the short chat text. */
export type Briefing = {
  lang: LanguageCode;
  title: string;
  /** Who it is for ("For: residents of mainland China"). */
  audience: string;
  /** The day the rules were last checked: the latest review date of the entries and limits used. */
  rulesAsOf: string;
  sections: BriefingSection[];
  citations: BriefingCitation[];
  html: string;
  /** The short plain-text version for a group chat (at most SHORT_TEXT_MAX_CHARS). */
  text: string;
};

/**
 * The short version's length limit, in characters: a WeChat or Telegram message a group reads
 * on a phone without "read more" (Telegram's own limit is 4,096).
 */
export const SHORT_TEXT_MAX_CHARS = 2000;

/** A point of the short version is its whole lead up to this length, else the lead's first sentence(s). */
const SHORT_POINT_MAX_CHARS: Record<LanguageCode, number> = { zh: 120, en: 300, ru: 300 };

export type BriefingOptions = {
  /** Prefix of the link to the printable page ("https://bot.example.com"); default "" (a path). */
  linkBase?: string;
};

/**
 * Composes a trip briefing in each language, drawn only from the knowledge base: each point is
 * an entry's lead (the group's category variant) with figures from limits.yaml, an UNSURE mark
 * where the entry rests on one, and the numbers of its sources.
 */
export function composeBriefings(trip: Trip, languages: readonly LanguageCode[], bundle: KnowledgeBundle, agency: AgencyKnowledge, options: BriefingOptions = {}): Briefing[] {
  const plan = planBriefing(trip, bundle.entries, agency.data);
  return languages.map((lang) => composeBriefing(trip, plan, lang, bundle, agency, options));
}

function composeBriefing(trip: Trip, plan: PlannedSection[], lang: LanguageCode, bundle: KnowledgeBundle, agency: AgencyKnowledge, options: BriefingOptions): Briefing {
  const t = (key: AgencyTextKey | string) => agency.texts.texts[key]?.[lang] ?? '';
  const citations: BriefingCitation[] = [];
  const cite = (entry: KnowledgeEntry): number[] =>
    entry.sources.flatMap(({ source }) => {
      const doc = bundle.sources.get(source);
      if (!doc) return [];
      let c = citations.find((x) => x.id === source);
      if (!c) {
        c = { n: citations.length + 1, id: source, source: doc.name[lang], url: doc.url, entries: [] };
        citations.push(c);
      }
      if (!c.entries.includes(entry.id)) c.entries.push(entry.id);
      return [c.n];
    });
  const sections = plan
    .filter((s) => s.points.length > 0)
    .map((s) => ({
      key: s.key,
      heading: t(`section_${s.key}`),
      points: s.points.map(({ entry, category }) => {
        const a = entry.answer[lang];
        const lead = renderText((category && a.variants?.[category]) || a.lead, bundle.limits, lang);
        return { entryId: entry.id, text: withMark(lead, entry.unsure, t('unsure_mark')), lead, unsure: entry.unsure, refs: cite(entry) };
      }),
    }));
  const used = plan.flatMap((s) => s.points.map((p) => p.entry.reviewed));
  const rulesAsOf = [bundle.limits.reviewed, ...used].sort().at(-1) ?? bundle.limits.reviewed;
  const categories = trip.categories.length > 0 ? trip.categories : (agency.data.directions[trip.direction]?.defaultCategories ?? []);
  const title = fillTemplate(t(`title_${trip.direction}`), { country: countryName(trip.country, lang) ?? trip.country });
  const audience = fillTemplate(t('for_categories'), { categories: categories.map((c: GroupCategory) => t(`category_${c}`)).join(lang === 'zh' ? '、' : ', ') });
  const base = { lang, title, audience, rulesAsOf, sections, citations };
  return { ...base, html: briefingHtml(base, t('rules_as_of'), t('sources_heading')), text: shortText(base, trip, t, options.linkBase ?? '') };
}

/** A text with the UNSURE mark, unless the entry is settled or the text already says to confirm. */
function withMark(text: string, unsure: boolean, mark: string): string {
  return unsure && !saysConfirm(text, mark) ? `${text} ${mark}` : text;
}

/** True when a lead already tells the reader to confirm (it names the number the UNSURE mark gives). */
function saysConfirm(lead: string, mark: string): boolean {
  const phone = /\d{5,}/.exec(mark)?.[0];
  return phone !== undefined && lead.includes(phone);
}

/** The link to the printable briefing of this trip in one language. */
export function briefingLink(trip: Trip, lang: LanguageCode, linkBase = ''): string {
  const q = new URLSearchParams({ direction: trip.direction, country: trip.country, languages: lang });
  if (trip.categories.length > 0) q.set('categories', trip.categories.join(','));
  if (trip.interests.length > 0) q.set('interests', trip.interests.join(','));
  return `${linkBase}/agency?${q.toString()}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type BriefingBody = Omit<Briefing, 'html' | 'text'>;

/** The printable document as an HTML fragment; every text is escaped. */
function briefingHtml(b: BriefingBody, asOf: string, sourcesHeading: string): string {
  const refs = (p: BriefingPoint) => (p.refs.length > 0 ? ` <sup class="refs">[${p.refs.join(', ')}]</sup>` : '');
  const sections = b.sections.map((s) => `<section class="briefing-section" data-section="${s.key}"><h2>${escapeHtml(s.heading)}</h2><ul>${s.points.map((p) => `<li data-entry="${p.entryId}">${escapeHtml(p.text)}${refs(p)}</li>`).join('')}</ul></section>`);
  const sources = b.citations.map((c) => `<li value="${c.n}">${escapeHtml(c.source)} <span class="url">${escapeHtml(c.url)}</span></li>`).join('');
  return [
    `<article class="briefing" lang="${LANG_TAG[b.lang]}" data-lang="${b.lang}">`,
    `<h1>${escapeHtml(b.title)}</h1>`,
    `<p class="audience">${escapeHtml(b.audience)}</p>`,
    `<p class="as-of">${escapeHtml(fillTemplate(asOf, { date: b.rulesAsOf }))}</p>`,
    ...sections,
    `<section class="briefing-sources"><h2>${escapeHtml(sourcesHeading)}</h2><ol>${sources}</ol></section>`,
    '</article>',
  ].join('\n');
}

const LANG_TAG: Record<LanguageCode, string> = { zh: 'zh-CN', en: 'en', ru: 'ru' };

/**
 * The group-chat version: title and date, the allowances, the route's troubles and how to
 * declare in a sentence or two each, whom to call, the link. While it is over
 * SHORT_TEXT_MAX_CHARS, troubles are dropped from the end, then allowance points ("…").
 */
function shortText(b: BriefingBody, trip: Trip, t: (k: string) => string, linkBase: string): string {
  const short = (p: BriefingPoint) => ([...p.lead].length <= SHORT_POINT_MAX_CHARS[b.lang] ? p.lead : firstSentences(p.lead, b.lang));
  const bullet = (p: BriefingPoint) => `• ${withMark(short(p), p.unsure, t('unsure_mark'))}`;
  const section = (key: string) => b.sections.find((s) => s.key === key)?.points ?? [];
  const build = (troubleCount: number, allowanceCount: number) => {
    const troubles = section('troubles').slice(0, troubleCount);
    const allowances = section('allowances');
    return [
      `${b.title} (${b.rulesAsOf})`,
      ...allowances.slice(0, allowanceCount).map(bullet),
      ...(allowanceCount < allowances.length ? ['• …'] : []),
      ...(troubles.length > 0 ? [t('short_troubles'), ...troubles.map(bullet)] : []),
      ...section('declare').slice(0, 1).map(bullet),
      ...section('contact').map(bullet),
      fillTemplate(t('short_link'), { link: briefingLink(trip, b.lang, linkBase) }),
    ].join('\n');
  };
  // over the limit: troubles go first (from the last), then allowances (the link has them all)
  let troubles = section('troubles').length;
  let allowances = section('allowances').length;
  let text = build(troubles, allowances);
  while ([...text].length > SHORT_TEXT_MAX_CHARS && troubles + allowances > 0) {
    if (troubles > 0) troubles -= 1;
    else allowances -= 1;
    text = build(troubles, allowances);
  }
  return text;
}
