import type { ConversationState } from '../ports';
import type { Reading } from '../reading';
import type { TourDirection } from '../text';

/** What to do with a tour leader's question (issue 11). */
export type TourDecision = { kind: 'tour_briefing'; country: string; direction: TourDirection } | { kind: 'ask_route'; direction: TourDirection };

/**
 * A tour leader's question about the group ("what should I tell my group", "我们旅行社带团去俄罗斯",
 * «что рассказать группе») that names no particular topic gets the short briefing for the country
 * it names; without a country, one question about the route (once per conversation), and the
 * next message naming a country gets the briefing. A tour leader asking about a thing or a rule
 * ("can my group bring sausages?", "can the group pool allowances?") is answered like anyone
 * else (`topicless` is false: the message has a topic concept).
 * Pinned by test/core/conversation/tour-leader.test.ts.
 */
export function tourLeaderDecision(r: Reading, state: ConversationState, topicless: boolean): { decision: TourDecision; state: Partial<ConversationState> } | undefined {
  if (!topicless) return undefined;
  const { country } = r.tour;
  if (r.tour.leader) {
    if (country) return { decision: { kind: 'tour_briefing', country, direction: r.tour.direction }, state: {} };
    if (state.askedTourRoute) return undefined;
    return { decision: { kind: 'ask_route', direction: r.tour.direction }, state: { askedTourRoute: true, pendingTourRoute: r.tour.direction } };
  }
  // the answer to the route question: a country, and a direction only if the reply says one
  if (state.pendingTourRoute && country) return { decision: { kind: 'tour_briefing', country, direction: r.tour.directionSaid ? r.tour.direction : state.pendingTourRoute }, state: {} };
  return undefined;
}
