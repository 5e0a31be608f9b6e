export { buildCase, type CaseInput } from './case';
export { checkDraftEntry, draftEntryFromCase, mergeApprovedEntries, todoFields, DRAFT_TODO, type ApprovedMerge, type DraftInvalid, type DraftIssue } from './draft';
export { casebookToCsv, casebookToMarkdown, csvCell, markdownText, CSV_COLUMNS } from './export';
export { CasebookSearch, conceptTagsOf } from './search';
export { computeStats, dayInZone, isTimeZone, median, UNANSWERED_REASONS, type Stats, type StatsInput } from './stats';
export { CASE_CATEGORIES, RESOLVE_CATEGORIES, type CasebookEntry, type CaseCategory, type CaseLine, type Draft, type DraftStatus, type ResolveCategory } from './types';
