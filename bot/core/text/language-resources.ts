import type { LanguageData } from '../knowledge/lang-schema';
import { CATEGORY_CUES, FACETS, SIGNAL_PARTS, SIGNALS, TOUR_DIRECTIONS, type Signal, type SignalPart } from '../knowledge/lang-schema';

export type Facet = (typeof FACETS)[number];
import { LANGUAGES, type LanguageCode } from '../knowledge/schema';
import { PhraseMatcher } from './phrase-matcher';
import { QuestionWords } from './question-words';
import { normalizeText } from './normalize';
import type { Stopwords } from './tokenize';

export type CategoryCue = (typeof CATEGORY_CUES)[number];
export type TourDirection = (typeof TOUR_DIRECTIONS)[number];

/**
 * The language data of all three languages merged into matchers. Scripts do not overlap, so
 * one matcher serves every language and mixed messages ("можно ли провезти iqos").
 */
export type LanguageResources = {
  stopwords: Stopwords;
  concepts: PhraseMatcher<string>;
  signals: PhraseMatcher<Signal>;
  signalParts: PhraseMatcher<SignalPart>;
  categories: PhraseMatcher<CategoryCue>;
  followups: PhraseMatcher<'followup'>;
  answers: PhraseMatcher<'yes' | 'no'>;
  questionWords: QuestionWords;
  vague: PhraseMatcher<'vague'>;
  customs: PhraseMatcher<'customs'>;
  bring: PhraseMatcher<'bring'>;
  hypothetical: PhraseMatcher<'hypothetical'>;
  avoidance: PhraseMatcher<'avoidance'>;
  elsewhere: PhraseMatcher<'elsewhere'>;
  /** Joins between two questions of one message, normalised (", and is", «и можно ли», "还有"). */
  questionJoins: readonly string[];
  facets: PhraseMatcher<Facet>;
  /** A tour leader's or agency's question (issue 11): cues, countries named, which way the group travels. */
  tourLeader: { cues: PhraseMatcher<'leader'>; groups: PhraseMatcher<'group'>; briefs: PhraseMatcher<'brief'>; countries: PhraseMatcher<string>; directions: PhraseMatcher<TourDirection>; defaultDirection: Record<LanguageCode, TourDirection> };
  /** A whole message that is one of the greeting or thanks phrases ("до свидания", "谢谢"), keyed by smalltalkKey. */
  smalltalk: ReadonlyMap<string, 'greeting' | 'thanks'>;
  /** Acknowledgements ("好的", "got it") by smalltalkKey: smalltalk beside thanks or a greeting, never alone. */
  acknowledgements: ReadonlySet<string>;
};

/** A message reduced to its letters and digits, for the whole-message smalltalk lookup ("До свидания!" → "до свидания"). */
export function smalltalkKey(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Builds the matchers once at start-up. */
export function buildLanguageResources(languages: Record<LanguageCode, LanguageData>): LanguageResources {
  const all = LANGUAGES.map((l) => languages[l]);
  const merge = <K extends string>(pick: (d: LanguageData) => Partial<Record<K, string[]>>, keys?: readonly K[]) => {
    const merged = new Map<K, string[]>();
    for (const data of all) {
      for (const [key, list] of Object.entries(pick(data)) as [K, string[]][]) {
        if (keys && !keys.includes(key)) continue;
        merged.set(key, [...(merged.get(key) ?? []), ...list]);
      }
    }
    return merged;
  };
  const stop = (lang: LanguageCode) => new Set(languages[lang].stopwords.map(normalizeText));
  return {
    stopwords: { zh: stop('zh'), en: stop('en'), ru: stop('ru') },
    concepts: new PhraseMatcher(merge((d) => d.concepts), merge((d) => d.conceptExceptions)),
    signals: new PhraseMatcher(merge((d) => d.signals, SIGNALS), merge((d) => d.signalExceptions, SIGNALS)),
    signalParts: new PhraseMatcher(merge((d) => d.signalParts, SIGNAL_PARTS), merge((d) => d.signalPartExceptions, SIGNAL_PARTS)),
    categories: new PhraseMatcher(merge((d) => d.categories, CATEGORY_CUES), merge((d) => d.categoryExceptions)),
    followups: new PhraseMatcher([['followup', all.flatMap((d) => d.followups)]]),
    answers: new PhraseMatcher([
      ['yes', all.flatMap((d) => d.yes)],
      ['no', all.flatMap((d) => d.no)],
    ]),
    questionWords: new QuestionWords({
      questions: all.flatMap((d) => d.questions),
      exceptions: all.flatMap((d) => d.questionsNot.exceptions),
      indefinite: all.flatMap((d) => d.questionsNot.indefinite),
      after: all.flatMap((d) => d.questionsNot.after),
    }),
    vague: new PhraseMatcher([['vague', all.flatMap((d) => d.vague)]]),
    customs: new PhraseMatcher([['customs', all.flatMap((d) => d.customs)]]),
    bring: new PhraseMatcher([['bring', all.flatMap((d) => d.bring)]]),
    hypothetical: new PhraseMatcher([['hypothetical', all.flatMap((d) => d.hypothetical)]]),
    avoidance: new PhraseMatcher([['avoidance', all.flatMap((d) => d.avoidance)]]),
    elsewhere: new PhraseMatcher([['elsewhere', all.flatMap((d) => d.elsewhere)]]),
    questionJoins: all.flatMap((d) => d.questionJoins).map((w) => normalizeText(w)).filter(Boolean),
    facets: new PhraseMatcher(merge((d) => d.facets, FACETS)),
    tourLeader: {
      cues: new PhraseMatcher([['leader', all.flatMap((d) => d.tourLeader.cues)]]),
      groups: new PhraseMatcher([['group', all.flatMap((d) => d.tourLeader.groups)]]),
      briefs: new PhraseMatcher([['brief', all.flatMap((d) => d.tourLeader.briefs)]]),
      countries: new PhraseMatcher(merge((d) => d.tourLeader.countries)),
      directions: new PhraseMatcher(merge((d) => d.tourLeader.directions, TOUR_DIRECTIONS)),
      defaultDirection: { zh: languages.zh.tourLeader.defaultDirection, en: languages.en.tourLeader.defaultDirection, ru: languages.ru.tourLeader.defaultDirection },
    },
    smalltalk: new Map(all.flatMap((d) => (['greeting', 'thanks'] as const).flatMap((intent) => d.intents[intent].map((phrase): [string, 'greeting' | 'thanks'] => [smalltalkKey(phrase), intent])))),
    acknowledgements: new Set(all.flatMap((d) => d.acknowledgements.map(smalltalkKey)).filter(Boolean)),
  };
}
