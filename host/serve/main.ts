// `npm run serve`: browser mode (docs/architecture.md "Browser mode"). stdout carries only the ready line.
import { CliUsageError, parseServeArgs, SERVE_USAGE } from './cli-options.js';
import { runBrowserMode } from './run-browser-mode.js';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseServeArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stderr.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  return runBrowserMode(options);
}

// Exit explicitly: a lingering handle must not keep a stopped server's process alive.
process.exit(await main(process.argv.slice(2)));
