export { buildSearchIndex, type Hit, type Query, type SearchIndex } from './search-index';
