export { citationsFor, composeAnswer, composeClarify, composeEscalated, composeRouted, pickDetails, type Composed } from './compose';
