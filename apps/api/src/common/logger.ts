import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

let root: Logger | undefined;

/** Structured JSON logs to stdout (one line per event). */
export function rootLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  if (!root) root = pino({ level, base: { service: 'jv-api' }, timestamp: pino.stdTimeFunctions.isoTime });
  return root;
}

/** Nest's own messages (module init, route map) go through the same JSON logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}
