// Opens the log in the folder config.json names; when that folder cannot be used (a removed drive), the
// log goes to `<dataDir>/logs` instead and the settings page says why, rather than the app not starting.
import { join } from 'node:path';
import { resolveLogDir, type BootstrapConfig } from '../config/bootstrap-config.js';
import { createLogger, type FileLogger } from './logger.js';

export const DEFAULT_LOG_DIR = 'logs';

export interface OpenedLog {
  logging: FileLogger;
  /** The folder written to. */
  dir: string;
  /** The folder config.json names. */
  configured: string;
  problem: string | null;
}

export async function openLog(dataDir: string, config: BootstrapConfig): Promise<OpenedLog> {
  const configured = resolveLogDir(dataDir, config);
  const fallback = join(dataDir, DEFAULT_LOG_DIR);
  try {
    return {
      logging: await createLogger({ dir: configured, level: config.logLevel }),
      dir: configured,
      configured,
      problem: null,
    };
  } catch (error) {
    if (configured === fallback) throw error;
    const logging = await createLogger({ dir: fallback, level: config.logLevel });
    const problem = `无法写入日志文件夹 ${configured}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}），本次改写到 ${fallback}。`;
    logging.logger.warn({ configured, err: error }, 'log folder unusable, using the default');
    return { logging, dir: fallback, configured, problem };
  }
}
