import { normalizeText } from '../text';
import type { Lexicon } from './lexicon';
import type { Classification } from './normalize-items';
import { scan } from './scan';
import type { DeclarationData } from './schema';

const GENERIC_DRINKS = new Set(['alcohol', 'spirits']);

/**
 * Builds the classifier of item descriptions ("Hennessy XO", "LV bag", "колбаса"): the drink
 * kind and goods class from the declaration lexicon, and the prohibited or restricted articles
 * from the shared concept matcher (knowledge/lang/*.yaml `concepts`), limited to the concepts
 * knowledge/declaration.yaml lists under `articles` (only when asked: the concept search is the
 * costly part, and only goods of no known class need it).
 */
export function makeClassifier(lexicon: Lexicon, data: DeclarationData, matchConcepts: (text: string) => ReadonlySet<string>): (description: string, withArticles: boolean) => Classification {
  return (description, withArticles) => {
    const text = normalizeText(description.slice(0, 200));
    const tokens = scan(text, lexicon);
    const drinks = tokens.flatMap((t) => (t.kind === 'drink' ? [t.drink] : []));
    const classes = new Set(tokens.flatMap((t) => (t.kind === 'goods' ? [t.goodsClass] : [])));
    const ecig = tokens.some((t) => t.kind === 'item' && t.item === 'ecigarettes');
    const drink = drinks.find((d) => !GENERIC_DRINKS.has(d)) ?? drinks[0];
    for (const [combined, parts] of Object.entries(data.classCombos)) if (parts.every((c) => classes.has(c))) classes.add(combined);
    const goodsClass = data.classPriority.find((c) => classes.has(c));
    const articles = withArticles ? [...matchConcepts(text)].filter((c) => data.articles[c] !== undefined) : [];
    if (ecig && data.articles.ecigarettes && !articles.includes('ecigarettes')) articles.unshift('ecigarettes');
    return { ...(drink ? { drink } : {}), ...(goodsClass ? { goodsClass } : {}), articles };
  };
}
