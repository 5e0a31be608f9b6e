import express, { Router } from 'express';
import { join } from 'node:path';
import { projectRoot } from '../web/web-routes';
import { loadConsoleTextsOrThrow } from './console-texts';

/**
 * Serves the coordinators' console at /console (static files, and its phrases in zh/en/ru at
 * /console/texts.json; it talks to /api/v1 with the
 * session cookie and CSRF header, and writes every traveller text with textContent).
 */
export function consoleRoutes(options: { knowledgeDir: string }): Router {
  const router = Router();
  const root = join(projectRoot(), 'bot', 'adapters', 'console', 'public');
  // the interface in zh, en and ru (knowledge/lang/console.yaml), read once at start-up
  const texts = loadConsoleTextsOrThrow(options.knowledgeDir);
  router.get('/console/texts.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(texts);
  });
  router.use('/console', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.use('/console', express.static(root, { index: 'index.html', redirect: true }));
  return router;
}
