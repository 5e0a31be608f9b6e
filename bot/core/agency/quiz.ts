import type { KnowledgeBundle } from '../knowledge/load';
import { formatNumber, PLACEHOLDER, placeholdersIn, renderText } from '../knowledge/render';
import type { KnowledgeEntry, LanguageCode } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/templates';
import type { AgencyKnowledge } from './load';
import { seededRandom, shuffled } from './random';

/** One multiple-choice question: exactly one right choice (`answer` is its index). */
export type QuizQuestion = {
  /** Stable across seeds: `<entry id>:<limits path>` for a figure, `<entry id>:yes-no` for a rule. */
  id: string;
  text: string;
  choices: string[];
  answer: number;
  /** The entry's lead with every figure in place. */
  explanation: string;
  citation: { entryId: string; title: string; source: string; url: string };
};

export type QuizOptions = { lang: LanguageCode; seed: number; count: number };

/** Wrong choices per figure question. */
const DISTRACTORS = 3;
/** How a wrong figure is made from the right one: halves, doubles and other common slips. */
const FACTORS = [0.5, 2, 0.25, 4, 1.5, 2.5, 0.1, 10];
const BLANK = '____';

/**
 * A training quiz drawn from the knowledge base: a figure question for each limits.yaml figure
 * in an entry's lead or details (the sentence with the figure blanked; the right choice is the figure itself),
 * and a yes/no question for each entry whose lead answers yes or no in all three languages (its
 * first phrasing). Figures the fact sheet marks UNSURE (limits.yaml unsureKeys), yes/no rules of
 * UNSURE entries and time-limited measures are left out: a training quiz teaches settled rules. The seed picks and orders the questions
 * and choices, so a seed gives the same quiz until the knowledge base changes.
 * @example makeQuiz(bundle, agency, { lang: 'en', seed: 42, count: 10 })
 */
export function makeQuiz(bundle: KnowledgeBundle, agency: AgencyKnowledge, options: QuizOptions): QuizQuestion[] {
  const next = seededRandom(options.seed);
  const pool = quizPool(bundle, agency, options.lang, next);
  return shuffled(pool, next).slice(0, options.count);
}

/** Every question the knowledge base gives in one language, in entry order. */
export function quizPool(bundle: KnowledgeBundle, agency: AgencyKnowledge, lang: LanguageCode, next: () => number = seededRandom(0)): QuizQuestion[] {
  const current = bundle.entries.filter((e) => !e.validUntil && !e.validFrom && e.topic !== 'departments');
  const questions = current.flatMap((entry) => [...figureQuestions(bundle, agency, entry, lang, next), ...(entry.unsure ? [] : yesNoQuestion(bundle, agency, entry, lang))]);
  // a figure quoted in the lead and again in a detail is asked once
  return questions.filter((q, i) => questions.findIndex((o) => o.id === q.id) === i);
}

function citationOf(bundle: KnowledgeBundle, entry: KnowledgeEntry, lang: LanguageCode): QuizQuestion['citation'] {
  const doc = entry.sources.map((s) => bundle.sources.get(s.source)).find((d) => d !== undefined);
  return { entryId: entry.id, title: entry.title[lang], source: doc?.name[lang] ?? '', url: doc?.url ?? '' };
}

/** Figure questions from the lead and each detail of an entry (each text with its own figures). */
function figureQuestions(bundle: KnowledgeBundle, agency: AgencyKnowledge, entry: KnowledgeEntry, lang: LanguageCode, next: () => number): QuizQuestion[] {
  const a = entry.answer[lang];
  return [a.lead, ...a.details].flatMap((text) => figureQuestionsOf(bundle, agency, entry, text, lang, next));
}

function figureQuestionsOf(bundle: KnowledgeBundle, agency: AgencyKnowledge, entry: KnowledgeEntry, lead: string, lang: LanguageCode, next: () => number): QuizQuestion[] {
  const paths = [...new Set(placeholdersIn(lead))].filter((p) => !bundle.limits.unsurePaths.has(p));
  const explanation = renderText(lead, bundle.limits, lang);
  return paths.flatMap((path) => {
    const value = bundle.limits.values.get(path);
    if (value === undefined) return [];
    // the first place the figure stands is blanked; any other figure is filled in
    let blanked = false;
    const text = lead.replace(PLACEHOLDER, (_m, p: string) => {
      if (p === path && !blanked) {
        blanked = true;
        return BLANK;
      }
      return formatNumber(bundle.limits.values.get(p) ?? NaN, lang);
    });
    const wrong = shuffled(distractors(value, path), next).slice(0, DISTRACTORS);
    if (wrong.length < DISTRACTORS) return [];
    const choices = shuffled([value, ...wrong], next);
    return [{ id: `${entry.id}:${path}`, text: fillTemplate(agency.texts.texts.quiz_cloze?.[lang] ?? '{text}', { text }), choices: choices.map((c) => formatNumber(c, lang)), answer: choices.indexOf(value), explanation, citation: citationOf(bundle, entry, lang) }];
  });
}

/** Wrong figures near the right one, whole where it is whole, at most 100 for a percentage. */
function distractors(value: number, path: string): number[] {
  const whole = Number.isInteger(value);
  const percent = /percent/i.test(path);
  const out = new Set<number>();
  for (const f of FACTORS) {
    const raw = value * f;
    const v = whole ? Math.round(raw) : Math.round(raw * 100) / 100;
    if (v > 0 && v !== value && (!percent || v <= 100)) out.add(v);
  }
  return [...out];
}

/** A yes/no question when the lead starts with a yes or a no marker, the same in every language. */
function yesNoQuestion(bundle: KnowledgeBundle, agency: AgencyKnowledge, entry: KnowledgeEntry, lang: LanguageCode): QuizQuestion[] {
  const m = agency.texts.quizMarkers;
  const says = (l: LanguageCode): 'yes' | 'no' | undefined => {
    const lead = entry.answer[l].lead.trim();
    const starts = (words: readonly string[]) => words.some((w) => lead.startsWith(w) && /^[\s.,:;!。，：；！]/u.test(lead.slice(w.length)));
    return starts(m.no[l]) ? 'no' : starts(m.yes[l]) ? 'yes' : undefined;
  };
  const verdicts = new Set((['zh', 'en', 'ru'] as const).map(says));
  const verdict = says(lang);
  if (verdicts.size !== 1 || verdict === undefined) return [];
  const phrasing = entry.phrasings[lang][0] ?? entry.title[lang];
  const text = `${phrasing.charAt(0).toUpperCase()}${phrasing.slice(1)}${/[?？]$/.test(phrasing) ? '' : lang === 'zh' ? '？' : '?'}`;
  const t = agency.texts.texts;
  return [{ id: `${entry.id}:yes-no`, text, choices: [t.quiz_yes?.[lang] ?? 'yes', t.quiz_no?.[lang] ?? 'no'], answer: verdict === 'yes' ? 0 : 1, explanation: renderText(entry.answer[lang].lead, bundle.limits, lang), citation: citationOf(bundle, entry, lang) }];
}
