export { planBriefing, pointsOf, type PlannedPoint, type PlannedSection, type Trip } from './briefing-plan';
export { briefingLink, composeBriefings, SHORT_TEXT_MAX_CHARS, type Briefing, type BriefingCitation, type BriefingOptions } from './briefing';
export { briefingRequestSchema, toTrip, type BriefingRequest } from './briefing-request';
export { countryName, isCountryCode } from './countries';
export { AGENCY_FILES, checkAgencyKnowledge, loadAgencyKnowledge, loadAgencyKnowledgeOrThrow, type AgencyKnowledge } from './load';
export { AGENCY_TEXT_KEYS, DIRECTIONS, GROUP_CATEGORIES, type AgencyTextKey, type Direction, type GroupCategory } from './schema';
export { firstSentences } from './sentences';
export { makeQuiz, quizPool, type QuizOptions, type QuizQuestion } from './quiz';
export { seededRandom, shuffled } from './random';
