// The script every pooled worker thread starts with: imports the named module, runs its `task` and
// posts the result, progress messages or the error back (see worker-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../sdk/contracts/errors.js';
import type { WorkerTask, WorkerWarmUp } from '../../../sdk/main/workers.js';
import { ChunkInbox } from './chunk-inbox.js';
import type { ToWorker, WorkerReply, WorkerStart } from './worker-messages.js';

const { moduleUrl, input, inputFollows, chunksFollow, warmUp } = workerData as WorkerStart;
const reply = (message: WorkerReply): void => parentPort?.postMessage(message);
const chunks = new ChunkInbox(() => reply({ kind: 'pull' }));
if (!chunksFollow) chunks.end();
// A promised input arrives as a message, and chunks after it; the modules load meanwhile.
let inputArrived: (value: unknown) => void = () => undefined;
const given: Promise<unknown> = inputFollows
  ? new Promise((resolve) => (inputArrived = resolve))
  : Promise.resolve(input);
if (inputFollows || chunksFollow) {
  parentPort?.on('message', (message: ToWorker) => {
    if (message.kind === 'input') inputArrived(message.input);
    else if (message.kind === 'chunk') chunks.put(message.chunk);
    else chunks.end();
  });
}

try {
  const module = (await import(moduleUrl)) as {
    task?: WorkerTask<unknown, unknown, unknown>;
    warmUp?: WorkerWarmUp;
  };
  if (typeof module.task !== 'function') throw new Error(`${moduleUrl} exports no task function`);
  // A prepared worker runs its code once on data of its own while it waits: V8 then has it compiled
  // when the real input comes. A failed warm-up only leaves the task cold; the pool logs what it printed.
  if (warmUp && typeof module.warmUp === 'function') {
    try {
      await module.warmUp();
    } catch (error) {
      console.warn(`warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const result = await module.task(await given, (message) => reply({ kind: 'progress', message }), chunks);
  reply({ kind: 'done', result });
} catch (error) {
  reply({
    kind: 'failed',
    appError: isAppError(error) ? error.toBody() : null,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
