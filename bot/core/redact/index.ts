export { redactText, placeholderOf } from './redact';
export { PHONE_REGIONS, REDACTION_RULES, REDACTION_RULES_VERSION, type PatternRule, type PhoneRule, type RedactionKind, type RedactionRule } from './rules';
