import express, { Router } from 'express';
import { join } from 'node:path';
import { projectRoot } from '../web/web-routes';

/**
 * Serves the coordinators' console at /console (static files; it talks to /api/v1 with the
 * session cookie and CSRF header, and writes every traveller text with textContent).
 */
export function consoleRoutes(): Router {
  const router = Router();
  const root = join(projectRoot(), 'bot', 'adapters', 'console', 'public');
  router.use('/console', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.use('/console', express.static(root, { index: 'index.html', redirect: true }));
  return router;
}
