import { wordSimilarity } from '../text';

/**
 * Finds index terms within one edit of a misspelt query term ("cigaretes" → "cigarett"),
 * SymSpell-style: every term and each of its single-character deletions point to the term,
 * so a look-up costs one probe per character instead of lunr's fuzzy automaton walk (which
 * took ~5 ms a query here). Covers one insertion, deletion or substitution, and most
 * transpositions of neighbours.
 */
export class TypoMap {
  private readonly byVariant = new Map<string, string[]>();

  /** @param minLength terms shorter than this get no typo matching (too many false friends). */
  constructor(
    terms: Iterable<string>,
    private readonly minLength = 5,
  ) {
    for (const term of terms) {
      if ([...term].length < minLength - 1) continue;
      for (const variant of variantsOf(term)) {
        const list = this.byVariant.get(variant);
        if (!list) this.byVariant.set(variant, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
  }

  /** Index terms one edit away from `term` (not `term` itself), the most alike first, at most `limit`. */
  near(term: string, limit = 4): string[] {
    if ([...term].length < this.minLength) return [];
    const found = new Set<string>();
    for (const variant of variantsOf(term)) {
      for (const candidate of this.byVariant.get(variant) ?? []) if (candidate !== term) found.add(candidate);
    }
    return [...found].sort((a, b) => wordSimilarity(term, b) - wordSimilarity(term, a)).slice(0, limit);
  }
}

/** The term and each single-character deletion of it. */
function variantsOf(term: string): string[] {
  const chars = [...term];
  const out = [term];
  for (let i = 0; i < chars.length; i++) out.push(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return out;
}
