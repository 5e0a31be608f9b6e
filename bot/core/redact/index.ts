export { redactText, placeholderOf } from './redact';
export { REDACTION_RULES, type RedactionKind, type RedactionRule } from './rules';
