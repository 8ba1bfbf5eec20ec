import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../runtime/core/app-info.js';
import { HostRuntime } from '../runtime/core/host-runtime.js';
import type { ServeOptions } from './cli-options.js';
import { removeReadyFile, writeReadyFile, type ReadyInfo } from './ready-file.js';
import { PortInUseError, startServer } from './server.js';

// A shutdown that hangs (a stuck job, a wedged connection) must not keep the process alive forever.
const SHUTDOWN_TIMEOUT_MS = 15_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Browser mode from start to shutdown: creates the data dir, starts the runtime and the server, prints
 * the ready line (the only thing ever written to stdout) and serve.json, then waits for SIGINT/SIGTERM
 * and shuts down cleanly. Resolves with the process exit code.
 */
export async function runBrowserMode(options: ServeOptions): Promise<number> {
  // Libraries that print with console.log (knex warnings) must not break the one-line stdout contract.
  console.log = console.info = console.debug = console.error;
  // Listening from the start: a signal during startup shuts down as soon as startup is done.
  const stopRequested = new Promise<string>((resolve) => {
    for (const name of SIGNALS) process.once(name, () => resolve(name));
  });
  let runtime: HostRuntime;
  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    runtime = await HostRuntime.start({
      dataDir: options.dataDir,
      pluginDirs: [join(appRoot(), 'dist', 'plugins')],
      guardProcess: true,
      ...(options.wecomBaseUrl === undefined ? {} : { wecomBaseUrl: options.wecomBaseUrl }),
    });
  } catch (error) {
    // The lock's own message already says, in Chinese, that another instance uses this data dir.
    say(
      error instanceof Error && error.name === 'DataDirLockedError'
        ? error.message
        : `启动失败：${messageOf(error)}`,
    );
    return 1;
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  const serve = (port: number) =>
    startServer({ runtime, port, ...(options.uiDir === undefined ? {} : { uiDir: options.uiDir }) });
  try {
    try {
      server = await serve(options.port);
    } catch (error) {
      if (!(error instanceof PortInUseError) || options.portIsDefault !== true) throw error;
      say(`默认端口 ${options.port} 已被占用，改用一个空闲端口（浏览器中保存的主题等设置不会沿用）。`);
      server = await serve(0);
    }
  } catch (error) {
    say(`启动失败：${messageOf(error)}`);
    await runtime.stop().catch(() => undefined);
    return 1;
  }

  const ready: ReadyInfo = { event: 'ready', url: server.url, port: server.port, token: server.token };
  try {
    writeReadyFile(options.dataDir, ready);
  } catch (error) {
    say(`启动失败：无法写入 serve.json：${messageOf(error)}`);
    await server.close();
    await runtime.stop().catch(() => undefined);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  say(`企微直播助手已在浏览器模式启动，请在浏览器中打开：\n  ${server.url}\n按 Ctrl+C 停止。`);
  runtime.log.info({ port: server.port }, 'browser mode ready');

  const signal = await stopRequested;
  say(`收到 ${signal}，正在停止…`);
  // A second signal while stopping means "now".
  for (const name of SIGNALS) process.once(name, () => process.exit(1));
  const timeout = setTimeout(() => {
    say('停止超时，强制退出。');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timeout.unref();
  try {
    await server.close();
    await runtime.stop();
    removeReadyFile(options.dataDir);
    say('已停止。');
    return 0;
  } catch (error) {
    removeReadyFile(options.dataDir);
    say(`停止时出错：${messageOf(error)}`);
    return 1;
  } finally {
    clearTimeout(timeout);
  }
}
