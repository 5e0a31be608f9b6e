export { createDeclarationService, type DeclarationService } from './service';
export { declarationStep, estimateForQuestion, fitPhone, withLastThing, MAX_REPLY_CHARS, DECLARATION_ENTRY_ID, PendingDeclarationSchema, type PendingDeclaration } from './chat-step';
export { loadDeclarationKnowledge, loadDeclarationKnowledgeOrThrow, checkDeclarationKnowledge, declarationWarnings, DECLARATION_LIMITS, type DeclarationKnowledge } from './load';
export { DeclarationInputSchema, ITEM_TYPES, UNITS, type DeclarationCategory, type DeclarationInput, type DeclarationItem } from './schema';
export type { DeclarationError } from './normalize-items';
export type { DeclarationResult, ItemResult, MissingFact, ParsedDeclaration, ParsedItem } from './types';
