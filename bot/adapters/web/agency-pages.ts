import express, { Router } from 'express';
import { join } from 'node:path';
import { projectRoot } from './web-routes';

/**
 * The travel agencies' pages (issue 11): `/agency` (trip briefing form, printable briefing,
 * bulk questions) and `/agency/quiz` (training quiz). Static files; every text comes from the
 * API (knowledge/lang/agency.yaml) and is written with textContent, the briefing HTML is
 * composed and escaped by the core.
 */
export function agencyPages(): Router {
  const router = Router();
  const root = join(projectRoot(), 'bot', 'adapters', 'web', 'public');
  router.get('/agency', (_req, res) => res.sendFile(join(root, 'agency.html')));
  router.get('/agency/quiz', (_req, res) => res.sendFile(join(root, 'quiz.html')));
  router.use('/agency', express.static(join(root, 'agency'), { maxAge: '5m' }));
  return router;
}
