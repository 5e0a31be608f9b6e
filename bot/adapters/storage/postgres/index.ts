export { createPostgresStores, describePostgresUrl, type PostgresOptions } from './create-postgres-stores';
export { migratePostgres, MIGRATION_LOCK_KEY, POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations';
export { createPostgresEventBus, type PostgresEventBusOptions } from './pg-event-bus';
