import { createMemoryStores } from '../../../bot/adapters/storage/memory';
import { runStoreContracts } from './contract';

describe('memory stores', () => {
  runStoreContracts(async () => createMemoryStores());
});
