import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root: the nearest folder above this file with a package.json (works from bot/ and dist/). */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`bot: no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

/** Serves the traveller web chat (static files; every text is escaped in the page's script). */
export function webRoutes(): Router {
  const router = Router();
  const root = join(projectRoot(), 'bot', 'adapters', 'web', 'public');
  router.use(express.static(root, { index: 'index.html', maxAge: '5m' }));
  return router;
}
