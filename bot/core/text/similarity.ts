import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance';

/**
 * How alike two words are, 0..1 (natural's Jaro-Winkler: a shared beginning counts most,
 * which suits typos in the middle or end of a word: "cigaretes" ~ "cigarett" 0.93).
 */
export function wordSimilarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}
