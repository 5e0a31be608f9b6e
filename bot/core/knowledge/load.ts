import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DepartmentsFileSchema, type DepartmentsFile } from './departments';
import { LanguageDataSchema, type LanguageData } from './lang-schema';
import { LimitsFileSchema, toLimits, type Limits } from './limits';
import { KnowledgeEntrySchema, LANGUAGES, type KnowledgeEntry, type LanguageCode } from './schema';
import { TemplatesFileSchema, type Templates } from './templates';
import { PlacesFileSchema, type PlacesFile } from './places';
import { SourcesFileSchema, type SourceRegistry } from './sources';

/** Everything in knowledge/, parsed and typed. */
export type KnowledgeBundle = {
  entries: KnowledgeEntry[];
  /** File each entry came from (relative to the knowledge dir), for error messages. */
  files: ReadonlyMap<string, string>;
  limits: Limits;
  departments: DepartmentsFile['departments'];
  departmentsReviewed: string;
  languages: Record<LanguageCode, LanguageData>;
  templates: Templates;
  /** Every cited document (knowledge/sources.yaml). */
  sources: SourceRegistry;
  /** Places and the phrases around them (knowledge/lang/places.yaml), for category cues. */
  places: PlacesFile;
};

/** One validation problem, named by file and field path. */
export type KnowledgeIssue = { file: string; path: string; message: string };

export type LoadResult = { ok: true; bundle: KnowledgeBundle } | { ok: false; issues: KnowledgeIssue[] };

/**
 * Reads and validates every file in `dir` (knowledge/) with the same zod schemas the bot uses.
 * Returns all issues found, never the first one only.
 */
export function loadKnowledge(dir: string): LoadResult {
  const issues: KnowledgeIssue[] = [];
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> | undefined => {
    const rel = relative(dir, file) || file;
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'));
    } catch (e) {
      issues.push({ file: rel, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ file: rel, path: issue.path.join('.'), message: issue.message });
      return undefined;
    }
    return parsed.data;
  };

  const limitsFile = read(join(dir, 'limits.yaml'), LimitsFileSchema);
  const departmentsFile = read(join(dir, 'departments.yaml'), DepartmentsFileSchema);
  const templatesFile = read(join(dir, 'lang', 'templates.yaml'), TemplatesFileSchema);
  const placesFile = read(join(dir, 'lang', 'places.yaml'), PlacesFileSchema);
  const sourcesFile = read(join(dir, 'sources.yaml'), SourcesFileSchema);
  const registry: SourceRegistry = new Map(Object.entries(sourcesFile?.sources ?? {}));
  const languages: Partial<Record<LanguageCode, LanguageData>> = {};
  for (const lang of LANGUAGES) {
    const data = read(join(dir, 'lang', `${lang}.yaml`), LanguageDataSchema);
    if (data && data.lang !== lang) issues.push({ file: `lang/${lang}.yaml`, path: 'lang', message: `says "${data.lang}", expected "${lang}"` });
    if (data) languages[lang] = data;
  }

  const entries: KnowledgeEntry[] = [];
  const files = new Map<string, string>();
  const entryDir = join(dir, 'entries');
  for (const name of readdirSync(entryDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const entry = read(join(entryDir, name), KnowledgeEntrySchema);
    if (!entry) continue;
    const rel = `entries/${name}`;
    const previous = files.get(entry.id);
    if (previous) {
      issues.push({ file: rel, path: 'id', message: `duplicate id "${entry.id}" (also in ${previous})` });
      continue;
    }
    files.set(entry.id, rel);
    entries.push(entry);
    const cited = entry.sources.map((s) => s.source);
    cited.forEach((id, i) => {
      if (sourcesFile && !registry.has(id)) issues.push({ file: rel, path: `sources.${i}.source`, message: `"${id}" is not in sources.yaml` });
      if (cited.indexOf(id) !== i) issues.push({ file: rel, path: `sources.${i}.source`, message: `"${id}" is cited twice` });
    });
  }

  for (const [name, dept] of Object.entries(departmentsFile?.departments ?? {})) {
    if (sourcesFile && !registry.has(dept.source)) issues.push({ file: 'departments.yaml', path: `departments.${name}.source`, message: `"${dept.source}" is not in sources.yaml` });
  }
  if (issues.length > 0 || !limitsFile || !departmentsFile || !templatesFile || !placesFile || !sourcesFile) return { ok: false, issues };
  const complete = (l: Partial<Record<LanguageCode, LanguageData>>): l is Record<LanguageCode, LanguageData> => LANGUAGES.every((c) => l[c] !== undefined);
  if (!complete(languages)) return { ok: false, issues };
  return {
    ok: true,
    bundle: {
      entries,
      files,
      limits: toLimits(limitsFile),
      departments: departmentsFile.departments,
      departmentsReviewed: departmentsFile.reviewed,
      languages,
      templates: templatesFile.templates,
      places: placesFile,
      sources: registry,
    },
  };
}

/** Loads knowledge or throws one error listing every issue (start-up path). */
export function loadKnowledgeOrThrow(dir: string): KnowledgeBundle {
  const result = loadKnowledge(dir);
  if (!result.ok) throw new Error(`bot: knowledge base is invalid:\n${formatIssues(result.issues)}`);
  return result.bundle;
}

export function formatIssues(issues: readonly KnowledgeIssue[]): string {
  return issues.map((i) => `  ${i.file}${i.path ? ` › ${i.path}` : ''}: ${i.message}`).join('\n');
}
