import type { RateWindowStore } from '../ports';

const WINDOW_MS = 60_000;

/**
 * Rate-limit windows in this process: a key's window starts at its first hit and lasts a
 * minute. Memory stays bounded: once there are many keys, ended windows are dropped.
 */
export class LocalRateWindows implements RateWindowStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, nowMs: number): Promise<{ count: number; startMs: number }> {
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (nowMs - v.start >= WINDOW_MS) this.windows.delete(k);
      w = { start: nowMs, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, startMs: w.start };
  }
}
