export { createAssistant, type Assistant, type AssistantDeps, type HandledMessage, type InboundMessage } from './assistant';
export { decide, defaultDecideOptions, type DecideContext, type DecideOptions, type Decision } from './decide';
export { buildEngine, type EngineStats } from './engine';
