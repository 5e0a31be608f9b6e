import type { Signal } from '../knowledge/lang-schema';
import type { EscalationReason } from '../types';

const REASON_OF_SIGNAL: Record<Signal, EscalationReason> = {
  medical: 'medical',
  injection: 'prompt_injection',
  evasion: 'evasion',
  human: 'asked_for_human',
  anger: 'anger',
  distress: 'distress',
  urgency: 'urgency',
  seized: 'seizure',
  dispute: 'dispute',
  fine: 'fine',
  staff_complaint: 'staff_complaint',
};

/** Escalation reasons for the signals found in a message, most important first. */
export function reasonsFromSignals(signals: ReadonlySet<Signal>): EscalationReason[] {
  return (Object.keys(REASON_OF_SIGNAL) as Signal[]).filter((s) => signals.has(s)).map((s) => REASON_OF_SIGNAL[s]);
}
