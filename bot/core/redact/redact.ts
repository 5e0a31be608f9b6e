import { REDACTION_RULES, type RedactionKind, type RedactionRule } from './rules';

/** The placeholder a redacted number becomes, e.g. `[passport]`. */
export const placeholderOf = (kind: RedactionKind): string => `[${kind}]`;

const compiled = new WeakMap<readonly RedactionRule[], RegExp[]>();

function patternsOf(rules: readonly RedactionRule[]): RegExp[] {
  let list = compiled.get(rules);
  if (!list) {
    list = rules.map((r) => new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`));
    compiled.set(rules, list);
  }
  return list;
}

/**
 * Replaces passport and phone numbers in a text with `[passport]` / `[phone]`. The text is
 * read with full-width digits (１３８…) and the full-width plus as ASCII, so those are caught
 * too; the rest of the text is left as written. Rules are data
 * (`REDACTION_RULES` by default); each is applied in order.
 * @example redactText('call me +7 912 345-67-89, passport E12345678') // 'call me [phone], passport [passport]'
 */
export function redactText(text: string, rules: readonly RedactionRule[] = REDACTION_RULES): string {
  const patterns = patternsOf(rules);
  let out = text.replace(/[\uff10-\uff19\uff0b]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  rules.forEach((rule, i) => {
    const pattern = patterns[i];
    if (pattern) out = out.replace(pattern, placeholderOf(rule.kind));
  });
  return out;
}
