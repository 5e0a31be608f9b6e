export { createAssistant, type Assistant, type AssistantDeps, type HandledMessage, type InboundMessage } from './assistant';
export { decide, defaultDecideOptions, type DecideContext, type DecideOptions, type Decision } from './decide';
export { buildEngine, type EngineStats } from './engine';
export { KnowledgeRuntime, type LoadedKnowledge } from './runtime';
export { candidatesFor, type Candidate } from './candidates';
