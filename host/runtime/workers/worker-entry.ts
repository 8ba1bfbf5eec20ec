// The script every pooled worker thread starts with: imports the named module, runs its `task` and
// posts the result, progress messages or the error back (see worker-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../sdk/contracts/errors.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';
import type { WorkerInput, WorkerReply, WorkerStart } from './worker-messages.js';

const { moduleUrl, input, inputFollows } = workerData as WorkerStart;
const reply = (message: WorkerReply): void => parentPort?.postMessage(message);
// A promised input arrives as the first message; the modules load meanwhile.
const given: Promise<unknown> = inputFollows
  ? new Promise((resolve) => parentPort?.once('message', (message: WorkerInput) => resolve(message.input)))
  : Promise.resolve(input);

try {
  const module = (await import(moduleUrl)) as { task?: WorkerTask<unknown, unknown> };
  if (typeof module.task !== 'function') throw new Error(`${moduleUrl} exports no task function`);
  const result = await module.task(await given, (message) => reply({ kind: 'progress', message }));
  reply({ kind: 'done', result });
} catch (error) {
  reply({
    kind: 'failed',
    appError: isAppError(error) ? error.toBody() : null,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
