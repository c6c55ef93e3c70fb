// Sends the Temporal SDK's own logs through pino, so LOG_LEVEL and the JSON format apply to them.
import { Runtime, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from '../platform/logger.js';

const LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export function installSdkLogger(log: Logger): void {
  const write = (level: LogLevel) => (message: string, meta?: LogMetadata) => log[LEVEL[level]]({ ...meta }, message);
  Runtime.install({
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
