export { createDesk, type CandidateView, type Desk, type DeskDeps, type DeskError, type EscalationDetail, type ResolveInput, type Resolved } from './desk';
export { COORDINATOR_ROLES, type CasebookStore, type CaseClosing, type CaseFilter, type CoordinatorRole, type DraftStore, type EscalationDeskStore, type EscalationFilter, type EscalationForStats, type EscalationRecord, type Note } from './ports';
export { compareUrgency, isUrgent, urgencyOf, urgencySql, LEAST_URGENT, URGENCY_OF_REASON } from './urgency';
