import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'json' | 'pretty';

let root: Logger | undefined;
let rootFormat: 'json' | 'pretty' = 'json';

/** `auto` is JSON unless stdout is a terminal. */
export function resolveLogFormat(format: string | undefined = process.env.LOG_FORMAT): 'json' | 'pretty' {
  if (format === 'json' || format === 'pretty') return format;
  return process.stdout.isTTY ? 'pretty' : 'json';
}

/**
 * The one process logger: JSON lines on stdout (one per event) for log collectors, or readable single
 * lines when a person watches a terminal. Both write synchronously, so nothing is lost at exit and lines
 * keep their order with anything else written to stdout.
 */
export function rootLogger(level = process.env.LOG_LEVEL ?? 'info', format?: LogFormat): Logger {
  if (!root) {
    rootFormat = resolveLogFormat(format);
    const options = { level, base: { service: 'jv-api' }, timestamp: pino.stdTimeFunctions.isoTime };
    root =
      rootFormat === 'pretty'
        ? pino(
            options,
            pretty({
              sync: true,
              colorize: Boolean(process.stdout.isTTY),
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname,service,context',
              messageFormat: (log, key) =>
                [log.context ? `[${String(log.context)}]` : '', log[key] ?? ''].filter(Boolean).join(' '),
            }),
          )
        : pino(options, pino.destination({ dest: 1, sync: true }));
  }
  return root;
}

/** The format the root logger writes (`json` until it is created). */
export function logFormat(): 'json' | 'pretty' {
  return rootFormat;
}

/** Nest's route table: one line per route, useful only when debugging. */
const DEBUG_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer']);

/** Nest's own messages (module init, route map) go through the same logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context && DEBUG_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
