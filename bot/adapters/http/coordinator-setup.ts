import type { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { CasebookSearch } from '../../core/casebook';
import { createDesk, type Desk } from '../../core/coordination';
import type { KnowledgeRuntime } from '../../core/conversation';
import { getLimit } from '../../core/knowledge/limits';
import { redactText } from '../../core/redact';
import type { Clock, ConversationStore, EventBus, Logger } from '../../core/ports';
import { consoleRoutes } from '../console/console-routes';
import type { CoordinatorStore, Stores } from '../storage/ports';
import { casebookRoutes } from './casebook-routes';
import { conversationEventsRoutes } from './conversation-events-routes';
import { CoordinatorAccounts } from './coordinator-accounts';
import { coordinatorAuthRoutes, requireCoordinator } from './coordinator-auth';
import type { EventStreamOptions } from './coordinator-sse';
import { draftRoutes } from './draft-routes';
import { escalationRoutes } from './escalation-routes';
import { rateLimit } from './rate-limit';
import { loginStatsRoutes } from './login-stats-routes';
import { statsRoutes } from './stats-routes';
import { reviewsDue } from '../../core/knowledge/check';

export type CoordinationDeps = {
  stores: Stores;
  store: ConversationStore;
  events: EventBus;
  clock: Clock;
  runtime: KnowledgeRuntime;
  logger: Logger;
  knowledgeDir: string;
  loginRateLimitPerMinute: number;
  stream?: EventStreamOptions;
};

/** The coordinators' desk, wired: stores, accounts, use cases, API routers and the console page. */
export type Coordination = {
  accounts: CoordinatorAccounts;
  coordinators: CoordinatorStore;
  deskStore: Stores['desk'];
  casebook: Stores['casebook'];
  desk: Desk;
  apiRouters: Router[];
  pageRouters: Router[];
};

/** Builds everything of issue 4 from the shared services (called by compose.ts). */
export async function createCoordination(deps: CoordinationDeps): Promise<Coordination> {
  const limit = (path: string) => getLimit(deps.runtime.current().knowledge.limits, `coordination.${path}`);
  const { coordinators, desk: deskStore, casebook, loginAttempts } = deps.stores;
  const reRedacted = await casebook.redactAgain((text) => redactText(text));
  if (reRedacted > 0) deps.logger.log('info', 'casebook_redacted_again', { cases: reRedacted });
  const accounts = new CoordinatorAccounts(coordinators, loginAttempts, deps.clock, () => ({
    maxFailures: limit('loginMaxFailures'),
    lockoutMs: limit('loginLockoutMinutes') * 60_000,
    sessionMs: limit('sessionHours') * 3_600_000,
  }));
  const desk = createDesk({
    conversations: deps.store,
    desk: deskStore,
    casebook,
    drafts: casebook,
    events: deps.events,
    clock: deps.clock,
    runtime: deps.runtime,
    logger: deps.logger,
    newDraftId: () => `d_${randomBytes(12).toString('base64url')}`,
  });
  const search = new CasebookSearch(
    () => casebook.listCases(),
    () => casebook.version(),
    () => deps.runtime.current().engine.resources,
  );
  const auth = requireCoordinator(accounts);
  const apiRouters = [
    conversationEventsRoutes({ store: deps.store, events: deps.events, stream: deps.stream }),
    coordinatorAuthRoutes({ accounts, limiter: rateLimit(deps.loginRateLimitPerMinute, deps.clock, { windows: deps.stores.rateWindows, scope: 'login' }), settings: () => ({ claimSlaMinutes: limit('claimSlaMinutes') }), now: () => deps.clock.now() }),
    escalationRoutes({ desk, store: deps.store, events: deps.events, clock: deps.clock, auth, stillValid: (who) => accounts.stillValid(who), stream: deps.stream, logger: deps.logger }),
    casebookRoutes({ casebook, search, desk, auth }),
    draftRoutes({ drafts: casebook, approved: deps.stores.approvedEntries, events: deps.events, runtime: deps.runtime, knowledgeDir: deps.knowledgeDir, clock: deps.clock, logger: deps.logger, auth }),
    statsRoutes({ desk: deskStore, clock: deps.clock, auth, settings: () => ({ defaultDays: limit('statsDefaultDays'), topQuestions: limit('statsTopQuestions') }), reviewsDue: (today) => reviewsDue(deps.runtime.current().knowledge, today) }),
    loginStatsRoutes({ loginPressure: (since, now) => loginAttempts.pressure(since, now, limit('statsTopQuestions')), clock: deps.clock, auth, defaultDays: () => limit('statsDefaultDays') }),
  ];
  return { accounts, coordinators, deskStore, casebook, desk, apiRouters, pageRouters: [consoleRoutes({ knowledgeDir: deps.knowledgeDir })] };
}
