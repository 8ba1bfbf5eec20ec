// `npm run demo`: the WeCom simulator with sample data, and the app in browser mode pointed at it.
// Nothing here talks to the real WeCom. The simulator's corp credentials are printed to stderr so they
// can be typed into the login page, with a sample member to sign in as; stdout carries only the app's ready line (docs/architecture.md "Browser mode").
import 'reflect-metadata';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { CliUsageError, DEFAULT_PORT, parsePort } from '../../host/serve/cli-options.js';
import { runBrowserMode } from '../../host/serve/run-browser-mode.js';
import { demoBanner } from './demo-banner.js';
import { startSimulator } from './server.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    seed: { type: 'string' },
  },
});
// Its own default port, so the demo's browser storage (theme, last login) stays apart from the app's.
let port = DEFAULT_PORT + 1;
try {
  if (values.port !== undefined) port = parsePort(values.port);
} catch (error) {
  process.stderr.write(`${error instanceof CliUsageError ? error.message : String(error)}\n`);
  process.exit(2);
}
const simulator = await startSimulator({ port: 0, seed: Number(values.seed ?? 42) });
process.stderr.write(demoBanner(simulator));
const exitCode = await runBrowserMode({
  dataDir: values['data-dir'] ?? join(homedir(), '.wecom-live-demo'),
  port,
  portIsDefault: values.port === undefined,
  wecomBaseUrl: simulator.url,
});
await simulator.close();
process.exit(exitCode);
