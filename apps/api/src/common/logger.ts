import type { LoggerService } from '@nestjs/common';
import pino, { type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'json' | 'pretty';

let root: Logger | undefined;
let rootFormat: 'json' | 'pretty' = 'json';

/** `auto` is JSON unless stdout is a terminal. */
export function resolveLogFormat(format: string | undefined = process.env.LOG_FORMAT): 'json' | 'pretty' {
  if (format === 'json' || format === 'pretty') return format;
  return process.stdout.isTTY ? 'pretty' : 'json';
}

/** Secret fields at any of the first three levels of a log object; their values are replaced. */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'token',
  'secret',
  'totpSecret',
  'totp_secret',
  'recoveryCode',
  'recoveryCodes',
  'cookie',
  'authorization',
  'parameters',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/**
 * An error as logged: name, message, stack, PostgreSQL's code/constraint/table/column; never the query's
 * parameters, the driver's `detail` (it quotes values) or the driver error itself (a copy of both).
 */
export function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as Record<string, unknown>;
  for (const key of ['parameters', 'driverError', 'detail', 'where', 'internalQuery', 'hint']) delete out[key];
  if ('driverError' in err || 'parameters' in err) {
    // PostgreSQL quotes the offending value in some messages (`invalid input syntax … "value"`)
    const scrub = (text: string) => text.replace(/"[^"\n]*"/g, '"[redacted]"');
    const message = String(out['message'] ?? '');
    out['message'] = scrub(message);
    if (typeof out['stack'] === 'string') out['stack'] = out['stack'].split(message).join(String(out['message']));
  }
  if (out['cause'] instanceof Error || (out['cause'] && typeof out['cause'] === 'object'))
    out['cause'] = safeError(err.cause);
  return out;
}

/** The logger's options: level, fields, error serializer and redaction of secrets. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'jv-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: safeError, error: safeError },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
}

/**
 * The one process logger: JSON lines on stdout (one per event) for log collectors, or readable single
 * lines when a person watches a terminal. Both write synchronously, so nothing is lost at exit and lines
 * keep their order with anything else written to stdout.
 */
export function rootLogger(level = process.env.LOG_LEVEL ?? 'info', format?: LogFormat): Logger {
  if (!root) {
    rootFormat = resolveLogFormat(format);
    const options = loggerOptions(level);
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
