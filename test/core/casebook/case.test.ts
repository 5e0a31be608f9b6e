import { buildCase } from '../../../bot/core/casebook';
import type { EscalationRecord } from '../../../bot/core/coordination';
import type { StoredMessage } from '../../../bot/core/ports';
import type { ConversationId, EscalationId } from '../../../bot/core/types';

const escalation: EscalationRecord = {
  id: 'e_case1' as EscalationId,
  conversationId: 'c_case1' as ConversationId,
  status: 'claimed',
  reasons: ['seizure'],
  lang: 'ru',
  channel: 'web',
  createdAt: '2026-11-26T10:00:00.000Z',
  trigger: 'у меня забрали сигареты, паспорт 72 1234567',
  claimedBy: 'olga',
  claimedAt: '2026-11-26T10:03:30.000Z',
};
const message = (id: number, from: StoredMessage['from'], text: string, at: string): StoredMessage => ({ id, conversationId: escalation.conversationId, from, text, at });

describe('buildCase', () => {
  const messages = [
    message(1, 'traveller', escalation.trigger, escalation.createdAt),
    message(2, 'bot', 'Я передал разговор координатору', escalation.createdAt),
    message(3, 'coordinator', 'Позвоните мне: +7 912 345-67-89', '2026-11-26T10:04:00.000Z'),
  ];

  describe('when an escalation is resolved', () => {
    const entry = buildCase({ escalation, category: 'held_or_fined', summary: '  Объяснил про временное хранение  ', messages, resolvedAt: '2026-11-26T10:13:30.000Z', maxTranscriptMessages: 200 });

    it('records waiting (claim − created) and handling (resolve − claim) times', () => {
      expect(entry.waitingMs).toBe(210_000);
      expect(entry.handlingMs).toBe(600_000);
    });
    it('keeps question, summary, category, coordinator and language', () => {
      expect(entry).toMatchObject({ id: 'e_case1', category: 'held_or_fined', coordinator: 'olga', lang: 'ru', summary: 'Объяснил про временное хранение', reasons: ['seizure'] });
    });
    it('redacts passport and phone numbers in the question and transcript', () => {
      expect(entry.question).toBe('у меня забрали сигареты, паспорт [passport]');
      expect(entry.transcript.map((l) => l.text)).toEqual(['у меня забрали сигареты, паспорт [passport]', 'Я передал разговор координатору', 'Позвоните мне: [phone]']);
    });
  });

  describe('when the traveller pasted e-mail, MRZ and foreign numbers (issue 14 item 9)', () => {
    it('hides them in the stored transcript and keeps the prices', () => {
      const pasted = [
        message(1, 'traveller', 'my e-mail is anna@example.com, UK mobile 020 7946 0958', escalation.createdAt),
        message(2, 'traveller', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10', escalation.createdAt),
        message(3, 'traveller', 'they took a bag for 12,000 yuan and 2 литра, flight SU204', escalation.createdAt),
      ];
      const entry = buildCase({ escalation, category: 'held_or_fined', summary: 'called her back on 138.0013.8000', messages: pasted, resolvedAt: '2026-11-26T10:13:30.000Z', maxTranscriptMessages: 200 });
      expect(entry.transcript.map((l) => l.text)).toEqual(['my e-mail is [email], UK mobile [phone]', '[passport]\n[passport]', 'they took a bag for 12,000 yuan and 2 литра, flight SU204']);
      expect(entry.summary).toBe('called her back on [phone]');
    });
  });

  describe('when the conversation is longer than the transcript limit', () => {
    it('keeps the most recent messages', () => {
      const entry = buildCase({ escalation, category: 'other', summary: 'x', messages, resolvedAt: '2026-11-26T10:13:30.000Z', maxTranscriptMessages: 2 });
      expect(entry.transcript.map((l) => l.from)).toEqual(['bot', 'coordinator']);
    });
  });

  describe('when the escalation was never claimed', () => {
    it('throws: a case needs a coordinator', () => {
      const { claimedAt: _a, claimedBy: _b, ...open } = escalation;
      expect(() => buildCase({ escalation: { ...open, status: 'open' }, category: 'other', summary: 'x', messages, resolvedAt: '2026-11-26T10:13:30.000Z', maxTranscriptMessages: 5 })).toThrow(/never claimed/);
    });
  });
});
