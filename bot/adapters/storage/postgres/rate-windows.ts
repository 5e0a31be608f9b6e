import type { Pool } from 'pg';
import type { RateWindowStore } from '../ports';
import { row } from './pg-db';

const WINDOW_MS = 60_000;

/**
 * Rate-limit windows shared by every replica: one UPSERT … RETURNING per hit, on windows
 * aligned to the minute (so replicas agree on where a window starts without asking each
 * other). Ended windows are deleted now and then by the hit that opens a new minute's window.
 */
export class PostgresRateWindows implements RateWindowStore {
  constructor(private readonly pool: Pool) {}

  async hit(key: string, nowMs: number): Promise<{ count: number; startMs: number }> {
    const startMs = nowMs - (nowMs % WINDOW_MS);
    const r = await row<{ count: number }>(
      this.pool,
      'INSERT INTO rate_windows AS w (key, window_start, count) VALUES ($1, $2, 1) ON CONFLICT (key, window_start) DO UPDATE SET count = w.count + 1 RETURNING count',
      [key, startMs],
    );
    if (r?.count === 1 && Math.random() < 0.01) await this.pool.query('DELETE FROM rate_windows WHERE window_start < $1', [startMs]);
    return { count: r?.count ?? 1, startMs };
  }
}
