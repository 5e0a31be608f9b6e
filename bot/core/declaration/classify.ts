import { normalizeText } from '../text';
import type { Lexicon } from './lexicon';
import type { Classification, EcigPart } from './normalize-items';
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
    const concepts = withArticles ? [...matchConcepts(text)] : [];
    // (a medicine named with a plant or a fish is that medicine: "青草药膏", "鱼油")
    const ingredients = new Set(concepts.flatMap((c) => data.ingredientsOf[c] ?? []));
    const articles = concepts.filter((c) => data.articles[c] !== undefined && !ingredients.has(c));
    if (ecig && data.articles.ecigarettes && !articles.includes('ecigarettes')) articles.unshift('ecigarettes');
    const ecigPart = articles.includes('ecigarettes') ? ecigPartOf(text, lexicon) : undefined;
    return { ...(drink ? { drink } : {}), ...(goodsClass ? { goodsClass } : {}), articles, ...(ecigPart ? { ecigPart } : {}) };
  };
}

/**
 * A pod or disposable when any language's `ecigParts.pods` words are in the description
 * ("одноразки", "pods", "烟弹"), else a device: "2 vapes" are devices, and a vape named neither
 * way is counted against the smaller device allowance (the reply says so).
 */
function ecigPartOf(text: string, lexicon: Lexicon): EcigPart {
  const has = (word: string) => {
    const w = normalizeText(word.endsWith('*') ? word.slice(0, -1) : word);
    return /\p{Script=Han}/u.test(w) ? text.includes(w) : new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text);
  };
  return Object.values(lexicon.languages).some((l) => l.ecigParts.pods.some(has)) ? 'pods' : 'devices';
}
