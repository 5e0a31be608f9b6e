export { citationsFor, composeAnswer, composeClarify, composeEscalated, composeRouted, type Composed } from './compose';
