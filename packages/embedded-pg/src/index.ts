export { DEFAULT_PG_PORT, EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-pg.js';
export { locateBinaries, type PgBinaries } from './binaries.js';
export { isAlive } from './processes.js';
export { findEmbeddedPostgres, LOG_FILE, STATE_FILE, type EmbeddedServerInfo } from './state.js';
