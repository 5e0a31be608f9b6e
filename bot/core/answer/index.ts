export { citationsFor, composeAnswer, composeAside, composeClarify, composeEscalated, composeRouted, pickDetails, type Composed } from './compose';
