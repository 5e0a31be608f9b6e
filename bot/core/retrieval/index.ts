export { buildSearchIndex, type Hit, type Query, type SearchIndex, type SearchIndexOptions } from './search-index';
export { buildTextIndex, type TextDocument, type TextHit, type TextIndex, type TextQuery } from './text-index';
