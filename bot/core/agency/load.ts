import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { KnowledgeBundle, KnowledgeIssue } from '../knowledge/load';
import { AgencyDataSchema, AgencyTextsFileSchema, DIRECTIONS, type AgencyData, type AgencyTexts } from './schema';

/** The agency files of knowledge/ (issue 11). */
export const AGENCY_FILES = { data: 'agency.yaml', texts: 'lang/agency.yaml' } as const;

/** What briefings, the quiz and the agency pages are made of, besides the knowledge bundle. */
export type AgencyKnowledge = { data: AgencyData; texts: AgencyTexts };

export type AgencyLoadResult = { ok: true; knowledge: AgencyKnowledge } | { ok: false; issues: KnowledgeIssue[] };

/** Reads and validates knowledge/agency.yaml and knowledge/lang/agency.yaml; every issue names file and field. */
export function loadAgencyKnowledge(dir: string): AgencyLoadResult {
  const issues: KnowledgeIssue[] = [];
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> | undefined => {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      issues.push({ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) for (const i of parsed.error.issues) issues.push({ file, path: i.path.join('.'), message: i.message });
    return parsed.success ? parsed.data : undefined;
  };
  const data = read(AGENCY_FILES.data, AgencyDataSchema);
  const texts = read(AGENCY_FILES.texts, AgencyTextsFileSchema);
  if (!data || !texts) return { ok: false, issues };
  return { ok: true, knowledge: { data, texts } };
}

/** Loads the agency files or throws one error listing every issue (start-up path). */
export function loadAgencyKnowledgeOrThrow(dir: string): AgencyKnowledge {
  const r = loadAgencyKnowledge(dir);
  if (!r.ok) throw new Error(`bot: agency knowledge is invalid:\n${r.issues.map((i) => `  ${i.file}${i.path ? ` › ${i.path}` : ''}: ${i.message}`).join('\n')}`);
  return r.knowledge;
}

/**
 * Cross-file rules: every entry id exists, every concept is a tag of some entry (a concept no
 * entry carries picks nothing), each direction is described, and every interest and direction
 * has its page label in lang/agency.yaml.
 */
export function checkAgencyKnowledge(k: AgencyKnowledge, bundle: KnowledgeBundle): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const ids = new Set(bundle.entries.map((e) => e.id));
  const tags = new Set(bundle.entries.flatMap((e) => e.tags));
  const entry = (path: string, id: string) => {
    if (!ids.has(id)) issues.push({ file: AGENCY_FILES.data, path, message: `"${id}" is not an entry of knowledge/entries` });
  };
  const concepts = (path: string, list: readonly string[]) => {
    for (const c of list) if (!tags.has(c)) issues.push({ file: AGENCY_FILES.data, path, message: `concept "${c}" is not a tag of any entry` });
  };
  for (const d of DIRECTIONS) {
    const direction = k.data.directions[d];
    if (!direction) issues.push({ file: AGENCY_FILES.data, path: `directions.${d}`, message: 'missing' });
    direction?.sections.forEach((s, i) => s.entries?.forEach((id) => entry(`directions.${d}.sections.${i}`, id)));
    if (!k.texts.texts[`page_direction_${d}`]) issues.push({ file: AGENCY_FILES.texts, path: `texts.page_direction_${d}`, message: 'missing page label' });
  }
  for (const [cat, list] of Object.entries(k.data.categoryEntries)) list?.forEach((id) => entry(`categoryEntries.${cat}`, id));
  concepts('everyRoute', k.data.everyRoute);
  const seen = new Map<string, string>();
  for (const [name, region] of Object.entries(k.data.regions)) {
    concepts(`regions.${name}.concepts`, region.concepts);
    for (const c of region.countries) {
      const other = seen.get(c);
      if (other) issues.push({ file: AGENCY_FILES.data, path: `regions.${name}.countries`, message: `${c} is also in region "${other}"` });
      seen.set(c, name);
    }
  }
  for (const [name, list] of Object.entries(k.data.interests)) {
    concepts(`interests.${name}`, list);
    if (!k.texts.texts[`interest_${name}`]) issues.push({ file: AGENCY_FILES.texts, path: `texts.interest_${name}`, message: 'missing label for this interest' });
  }
  return issues;
}
