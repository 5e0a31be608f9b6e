import { PhraseMatcher, type PreparedText } from './phrase-matcher';

/** The question words of all three languages, with where some of them are no question (knowledge/lang `questions`, `questionsNot`). */
export type QuestionWordData = {
  questions: readonly string[];
  /** Longer phrases inside which a question word asks nothing ("好几", "十几": several). */
  exceptions: readonly string[];
  /** Question words that only count a number when a word before them in the clause states something done ("带了万金油几盒": a few boxes). */
  indefinite: readonly string[];
  /** Those words ("了"). */
  after: readonly string[];
};

/**
 * Whether a message asks something without a question mark. "几" asks "how many" in "能带几条烟"
 * but counts "a few" in "给朋友带了万金油几盒": after a word of something done in the same
 * clause (one run between punctuation or spaces) it is a number, not a question.
 */
export class QuestionWords {
  private readonly words: PhraseMatcher<'question' | 'indefinite' | 'after'>;

  constructor(data: QuestionWordData) {
    const indefinite = new Set(data.indefinite);
    this.words = new PhraseMatcher(
      [
        ['question', data.questions.filter((w) => !indefinite.has(w))],
        ['indefinite', [...indefinite]],
        ['after', data.after],
      ],
      [
        ['question', data.exceptions],
        ['indefinite', data.exceptions],
      ],
    );
  }

  asks(text: PreparedText): boolean {
    const found = this.words.positions(text);
    return found.some((w) => w.key === 'question' || (w.key === 'indefinite' && !found.some((a) => a.key === 'after' && a.end <= w.at && !/\s/u.test(text.spaced.slice(a.end, w.at)))));
  }
}
