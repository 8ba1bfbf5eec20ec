// `npm start`: the desktop app where an Electron binary is installed, otherwise browser mode (docs/architecture.md "Electron").
import { spawn } from 'node:child_process';
import { runResetRoot } from './cli/reset-root.js';
import { desktopDataDir } from './desktop-data-dir.js';
import { findElectronBinary } from './electron-binary.js';
import { appRoot } from './runtime/core/app-info.js';
import { CliUsageError, defaultDataDir, parseServeArgs, SERVE_USAGE } from './serve/cli-options.js';
import { runBrowserMode } from './serve/run-browser-mode.js';

/** Runs the Electron app and answers with its exit code; signals reach it through the process group. */
function runElectron(binary: string, argv: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [appRoot(), ...argv], { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`无法启动 Electron：${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(argv: string[]): Promise<number> {
  const electron = findElectronBinary(appRoot());
  // The offline root-admin reset (R2.11), in this terminal; without --data-dir it acts on the folder the
  // app `npm start` would open: the desktop app's where Electron is installed, browser mode's otherwise.
  if (argv.includes('--reset-root')) {
    return runResetRoot(argv, electron === null ? defaultDataDir() : desktopDataDir());
  }
  if (electron !== null) return runElectron(electron, argv);
  process.stderr.write('未找到 Electron 可执行文件，改用浏览器模式…\n');
  let options;
  try {
    options = parseServeArgs(argv, process.env, defaultDataDir());
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stderr.write(
      `${SERVE_USAGE.replace('npm run serve -- --data-dir <目录>', 'npm start -- [--data-dir <目录>]')}\n`,
    );
    return 0;
  }
  return runBrowserMode(options);
}

// Exit explicitly: a lingering handle must not keep a stopped server's process alive.
process.exit(await main(process.argv.slice(2)));
