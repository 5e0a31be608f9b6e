// The full metadata: the default (min) one reads dates (2026-11-20) and hotlines (0451-12360) as numbers.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { REDACTION_RULES, type PatternRule, type PhoneRule, type RedactionKind, type RedactionRule } from './rules';

/** The placeholder a redacted number becomes, e.g. `[passport]`. */
export const placeholderOf = (kind: RedactionKind): string => `[${kind}]`;

const compiled = new WeakMap<PatternRule, RegExp>();

function patternOf(rule: PatternRule): RegExp {
  let re = compiled.get(rule);
  if (!re) {
    re = new RegExp(rule.source, rule.flags.includes('g') ? rule.flags : `${rule.flags}g`);
    compiled.set(rule, re);
  }
  return re;
}

/** A service number dialled with an area code (010-12360, 0451-12367): public, kept. */
const SERVICE_NUMBER = /^\(?0\d{2,3}\)?[\s-]?1\d{2,4}$/;

/**
 * Stretches of text that could hold a phone number: digits with the separators people type,
 * at least 7 digits. Only these are handed to libphonenumber-js (its finder scanned a whole
 * 4,000-character message in 40–200 ms per pass; the stretches take well under a millisecond).
 */
const CANDIDATE = /\+?\(?\d[\d \t\u00a0\-.()]{5,}\d/g;
const MIN_PHONE_DIGITS = 7;
/**
 * Stretches checked with the library per text (each costs ~0.05 ms per region). A text with
 * more is a paste of numbers, not a question: its further stretches are hidden whole, so a
 * 4,000-character wall of numbers takes ~20 ms rather than ~60 ms.
 */
const MAX_CHECKED_STRETCHES = 40;

/**
 * Replaces every phone number libphonenumber-js finds, read as dialled from each region; the
 * spans found from different regions are merged ("8 (912) 345-67-89" is "(912) 345-67-89" from
 * China but all of it from Russia).
 */
function redactPhones(text: string, rule: PhoneRule): string {
  const spans: [number, number][] = [];
  let checked = 0;
  for (const candidate of text.matchAll(CANDIDATE)) {
    const piece = candidate[0];
    if (piece.replace(/\D/g, '').length < MIN_PHONE_DIGITS) continue;
    if (!rule.international && ++checked > MAX_CHECKED_STRETCHES) {
      spans.push([candidate.index, candidate.index + piece.length]);
      continue;
    }
    // A number with its country code reads the same from any region: one pass is enough.
    if (rule.international && !/^\(?\+/.test(piece)) continue;
    const regions = (rule.international ? rule.phoneRegions.slice(0, 1) : rule.phoneRegions) as readonly CountryCode[];
    // The whole stretch as one number first (4× cheaper than the finder); the finder for the rest.
    if (!SERVICE_NUMBER.test(piece) && regions.some((region) => parsePhoneNumberFromString(piece, region)?.isValid())) {
      spans.push([candidate.index, candidate.index + piece.length]);
      continue;
    }
    for (const region of regions) {
      for (const found of findPhoneNumbersInText(piece, region)) {
        const number = piece.slice(found.startsAt, found.endsAt);
        if (rule.international && !number.startsWith('+')) continue;
        if (SERVICE_NUMBER.test(number)) continue;
        spans.push([candidate.index + found.startsAt, candidate.index + found.endsAt]);
      }
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += text.slice(at, start) + placeholderOf(rule.kind);
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Replaces personal data in a text with a placeholder of its kind: e-mail addresses
 * (`[email]`), passports and their machine-readable lines (`[passport]`), mainland ID cards
 * (`[id]`) and phone numbers (`[phone]`, found with libphonenumber-js). The text is read with
 * full-width digits (１３８…) and the full-width plus as ASCII, so those are caught too. Prices,
 * quantities, dates, flight numbers and hotlines stay. Rules are data (`REDACTION_RULES` by
 * default), applied in order.
 * @example redactText('call me +7 912 345-67-89, passport E12345678') // 'call me [phone], passport [passport]'
 */
export function redactText(text: string, rules: readonly RedactionRule[] = REDACTION_RULES): string {
  let out = text.replace(/[\uff10-\uff19\uff0b]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const rule of rules) out = 'phoneRegions' in rule ? redactPhones(out, rule) : out.replace(patternOf(rule), placeholderOf(rule.kind));
  return out;
}
