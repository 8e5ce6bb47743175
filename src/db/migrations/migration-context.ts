/** What a migration is told when it runs (migrations/index.ts lists them and loads each lazily). */
import type { Engine } from '../connection.js';

export interface MigrationContext {
  readonly engine: Engine;
}
