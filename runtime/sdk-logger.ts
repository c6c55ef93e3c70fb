// Sends the Temporal SDK's own logs through pino, so LOG_LEVEL and the JSON format apply to them.
import { Runtime, type LogLevel, type LogMetadata, type TelemetryOptions } from '@temporalio/worker';
import type { Logger } from '../platform/logger.js';

const LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** `telemetryOptions`: the worker process also has the SDK export its metrics (issue 15). */
export function installSdkLogger(log: Logger, telemetryOptions?: TelemetryOptions): void {
  // The level is checked before the metadata is copied: the SDK logs each activity and workflow
  // task's start and end at debug, which production (info) drops.
  const write = (level: LogLevel) => (message: string, meta?: LogMetadata) => {
    if (log.isLevelEnabled(LEVEL[level])) log[LEVEL[level]]({ ...meta }, message);
  };
  Runtime.install({
    ...(telemetryOptions ? { telemetryOptions } : {}),
    logger: {
      log: (level, message, meta) => write(level)(message, meta),
      trace: write('TRACE'),
      debug: write('DEBUG'),
      info: write('INFO'),
      warn: write('WARN'),
      error: write('ERROR'),
    },
  });
}
