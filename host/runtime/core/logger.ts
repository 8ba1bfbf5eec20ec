// The host's pino logger: JSON lines in `<dir>/wecom-live.N.log`, rolled by size, never on stdout, and
// every message, object and binding passed through redact.ts before it is written.
import { mkdirSync } from 'node:fs';
import { once, type EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  pino,
  type Bindings,
  type DestinationStream,
  type LogFn,
  type Logger,
  type LoggerOptions,
} from 'pino';
import { redactText, redactValue } from './redact.js';

export type { Logger } from 'pino';

export interface LoggerFileOptions {
  /** The logs folder; created when missing. */
  dir: string;
  /** A pino level; 'info' by default. */
  level?: string;
  /** 'wecom-live.log' by default; pino-roll inserts the file number before the extension. */
  fileName?: string;
  /** Size of one file before it rolls, e.g. '10m', '500k' (the default is '10m'). */
  maxSize?: string;
  /** How many files are kept, the one being written included (the default is 5, at least 2). */
  maxFiles?: number;
}

export interface FileLogger {
  logger: Logger;
  /** Flushes what is buffered and closes the file; later log calls are dropped. */
  close(): Promise<void>;
  /** The file being written now (its name changes when it rolls). */
  currentFile(): string;
}

/** The part of pino-roll's SonicBoom stream used here. */
interface RollingStream extends EventEmitter {
  /** Null until the file is open. */
  readonly file: string | null;
  readonly destroyed: boolean;
  write(line: string): boolean;
  flush(callback?: (error?: Error) => void): void;
  flushSync(): void;
  end(): void;
}

interface PinoRollOptions {
  file: string;
  size: string;
  limit: { count: number; removeOtherLogFiles: boolean };
  mkdir: boolean;
  mode: number;
}

// pino-roll ships no types; its build function is typed here by the options passed to it.
const requireCjs = createRequire(import.meta.url);
const pinoRoll = requireCjs('pino-roll') as (options: PinoRollOptions) => Promise<RollingStream>;

function redactMessage(value: unknown): unknown {
  return typeof value === 'string' ? redactText(value) : redactValue(value);
}

/** Pino options that redact everything: the merged object, child bindings, format arguments, the message. */
function redactingOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: {
      // Format arguments (`logger.info('%o', obj)`) are copied redacted so their secret keys are caught
      // too; the first argument is the merge object (formatters.log) or the message (serializers.msg).
      logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn) {
        const redacted = args.map((arg: unknown, index) => (index === 0 ? arg : redactValue(arg)));
        method.apply(this, redacted as Parameters<LogFn>);
      },
    },
    formatters: {
      log: (object) => redactValue(object) as Record<string, unknown>,
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
    },
    serializers: {
      // pino serializes the final, formatted message under its message key.
      msg: redactMessage,
      // formatters.log has already turned errors into redacted plain objects.
      err: (value: unknown) => value,
    },
  };
}

/**
 * pino resets the bindings formatter for child loggers, so `logger.child({ token })` would reach the file
 * as it is: child() and setBindings() are wrapped on the root, and children inherit the wrappers.
 */
function redactingLogger(options: LoggerOptions, stream: DestinationStream): Logger {
  const logger = pino(options, stream);
  const child = logger.child;
  const setBindings = logger.setBindings;
  logger.child = function (this: Logger, bindings: Bindings, childOptions?: object) {
    return child.call(this, redactValue(bindings) as Bindings, childOptions);
  } as Logger['child'];
  logger.setBindings = function (this: Logger, bindings: Bindings) {
    setBindings.call(this, redactValue(bindings) as Bindings);
  };
  return logger;
}

/** A logger writing to a rolling file in `options.dir`. */
export async function createLogger(options: LoggerFileOptions): Promise<FileLogger> {
  const maxFiles = options.maxFiles ?? 5;
  if (!Number.isInteger(maxFiles) || maxFiles < 2) {
    throw new Error(`maxFiles must be an integer of at least 2, got ${maxFiles}`);
  }
  mkdirSync(options.dir, { recursive: true });
  const stream = await pinoRoll({
    file: join(options.dir, options.fileName ?? 'wecom-live.log'),
    size: options.maxSize ?? '10m',
    // Counts the files of earlier runs too, so the folder never holds more than maxFiles.
    limit: { count: maxFiles - 1, removeOtherLogFiles: true },
    mkdir: true,
    // Logs name people and corps: readable by the user only.
    mode: 0o600,
  });
  // Opening fails here (an unwritable folder) rather than on the first log call.
  if (stream.file === null) await once(stream, 'ready');
  // A full disk or a removed folder must not crash the app through an unhandled 'error' event.
  stream.on('error', (error: Error) => process.stderr.write(`wecom-live log file error: ${error.message}\n`));

  let closed = false;
  // pino-roll's stream is not flushed at exit the way pino.destination() is: what is still buffered
  // when the process exits (a crash, process.exit) is written synchronously here.
  const flushAtExit = () => {
    try {
      stream.flushSync();
    } catch {
      // Nothing more can be done while exiting.
    }
  };
  process.on('exit', flushAtExit);
  // Lines logged after close() are dropped instead of throwing from a closed stream.
  const destination: DestinationStream & Pick<RollingStream, 'flushSync' | 'flush'> = {
    write: (line: string) => {
      if (!closed) stream.write(line);
    },
    flush: (callback) => (closed ? callback?.() : stream.flush(callback)),
    flushSync: () => {
      if (!closed) stream.flushSync();
    },
  };
  const logger = redactingLogger(redactingOptions(options.level ?? 'info'), destination);

  let closing: Promise<void> | undefined;
  return {
    logger,
    currentFile: () => stream.file ?? '',
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        process.removeListener('exit', flushAtExit);
        if (stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        stream.end();
      });
      return closing;
    },
  };
}

/** A logger writing redacted JSON lines to any stream; for specs that capture what other modules log. */
export function createStreamLogger(stream: NodeJS.WritableStream, level = 'info'): Logger {
  return redactingLogger(redactingOptions(level), stream);
}
