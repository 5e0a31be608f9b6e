import { z } from 'zod';
import { TrilingualSchema } from './schema';

/** Reply phrases the composer needs, in every language (knowledge/lang/templates.yaml). */
export const TEMPLATE_KEYS = [
  'source_label',
  'reviewed_label',
  'source_line',
  'unsure_note',
  'clarify_route',
  'clarify_topic',
  'clarify_trip',
  'escalated_medical',
  'clarify_residency',
  'no_match',
  'escalated_human',
  'escalated_emotion',
  'escalated_urgency',
  'escalated_case',
  'escalated_complaint',
  'escalated_evasion',
  'escalated_injection',
  'escalated_repeated',
  'routed_intro',
  'routed_contact',
  'routed_aside',
  'greeting',
  'thanks',
  'please_rephrase',
  'coordinator_waiting',
  'coordinator_claimed',
  'coordinator_still_waiting',
  'coordinator_case_full',
  'queue_full_client',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** A strict object with one zh/en/ru text per key: the shape of every phrase file. */
export function trilingualTexts<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, TrilingualSchema])) as Record<K, typeof TrilingualSchema>).strict();
}

export const TemplatesFileSchema = z.object({ schemaVersion: z.literal(1), templates: trilingualTexts(TEMPLATE_KEYS) }).strict();
export type Templates = z.infer<typeof TemplatesFileSchema>['templates'];

/** Fills `{name}` slots of a template. Unknown slots are left as they are. */
export function fillTemplate(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in slots ? String(slots[name]) : m));
}
