import { computeStats, median } from '../../../bot/core/casebook';
import type { EscalationRecord } from '../../../bot/core/coordination';
import type { ConversationId, EscalationId, EscalationReason } from '../../../bot/core/types';

let n = 0;
function esc(createdAt: string, reasons: EscalationReason[], trigger: string, extra: Partial<EscalationRecord> = {}): EscalationRecord {
  n++;
  return { id: `e_${n}` as EscalationId, conversationId: `c_${n}` as ConversationId, status: 'open', reasons, lang: 'en', channel: 'web', createdAt, trigger, ...extra };
}

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('computeStats', () => {
  const escalations = [
    esc('2026-11-24T08:00:00.000Z', ['asked_for_human'], 'a person please', { status: 'resolved', claimedAt: '2026-11-24T08:02:00.000Z', resolvedAt: '2026-11-24T08:10:00.000Z' }),
    esc('2026-11-25T08:00:00.000Z', ['low_confidence'], 'Can I bring a meteorite?', { status: 'claimed', claimedAt: '2026-11-25T08:06:00.000Z' }),
    esc('2026-11-25T09:00:00.000Z', ['repeated_misses'], 'can i bring a METEORITE', { lang: 'ru' }),
    esc('2026-11-25T10:00:00.000Z', ['out_of_scope'], 'borscht recipe, call +7 912 345-67-89'),
    esc('2026-11-26T10:00:00.000Z', ['anger', 'seizure'], 'they took my cigarettes!!'),
  ];
  const stats = computeStats({ escalations, conversations: { total: 20, escalated: 5 }, since: '2026-11-19T00:00:00.000Z', until: '2026-11-26T12:00:00.000Z', topQuestions: 10 });

  it('counts escalations per day, oldest first', () => {
    expect(stats.escalationsPerDay).toEqual([
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 3 },
      { day: '2026-11-26', count: 1 },
    ]);
  });
  it('counts every reason of every escalation, most frequent first', () => {
    expect(stats.escalationsPerReason).toHaveLength(6);
    expect(stats.escalationsPerReason.reduce((s, r) => s + r.count, 0)).toBe(6);
  });
  it('gives the median time to claim and to resolve', () => {
    expect(stats.medianTimeToClaimMs).toBe(4 * 60_000); // 2 and 6 minutes
    expect(stats.medianTimeToResolveMs).toBe(10 * 60_000);
  });
  it('gives the deflection rate: conversations answered without a human', () => {
    expect(stats.deflectionRate).toBe(0.75);
  });
  it('lists the questions the bot could not answer, grouped and redacted', () => {
    expect(stats.topUnanswered).toEqual([
      { question: 'Can I bring a meteorite?', count: 2, lang: 'en', lastAt: '2026-11-25T09:00:00.000Z' },
      { question: 'borscht recipe, call [phone]', count: 1, lang: 'en', lastAt: '2026-11-25T10:00:00.000Z' },
    ]);
  });

  describe('when nothing happened', () => {
    it('gives nulls, not zeros or NaN', () => {
      const empty = computeStats({ escalations: [], conversations: { total: 0, escalated: 0 }, since: 'a', until: 'b', topQuestions: 10 });
      expect(empty).toMatchObject({ medianTimeToClaimMs: null, medianTimeToResolveMs: null, deflectionRate: null, topUnanswered: [], escalationsPerDay: [] });
    });
  });
});

describe('computeStats in a time zone', () => {
  // 2026-11-24T20:00Z is already the 25th in Beijing (UTC+8), still the 24th in Moscow (UTC+3)
  const late = [esc('2026-11-24T20:00:00.000Z', ['low_confidence'], 'late question'), esc('2026-11-25T02:00:00.000Z', ['low_confidence'], 'early question')];
  const perDay = (timeZone?: string) => computeStats({ escalations: late, conversations: { total: 2, escalated: 2 }, since: '2026-11-19T00:00:00.000Z', until: '2026-11-26T00:00:00.000Z', topQuestions: 5, ...(timeZone ? { timeZone } : {}) }).escalationsPerDay;
  it("counts calendar days in the coordinator's time zone", () => {
    expect(perDay('Asia/Shanghai')).toEqual([{ day: '2026-11-25', count: 2 }]);
    expect(perDay('Europe/Moscow')).toEqual([
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 1 },
    ]);
    expect(perDay()).toEqual(perDay('UTC'));
  });
});
