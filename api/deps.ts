import type { Client } from '@temporalio/client';
import type { Db } from '../db/knex.js';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';

/** Everything a route needs, passed in (no module-level singletons). */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  config: Pick<Config, 'NODE_ENV' | 'publicUrl' | 'temporalUiUrl' | 'TEMPORAL_NAMESPACE'> &
    Partial<
      Pick<
        Config,
        | 'SESSION_SECRET'
        | 'DATA_DIR'
        | 'sfuPublicUrl'
        | 'OUTBOUND_ALLOW'
        | 'TEMPORAL_CODEC_OPERATOR_TOKEN'
        | 'METRICS_TOKEN'
      >
    >;
  log: Logger;
}
