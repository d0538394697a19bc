// The CSV worker thread's entry: reading, checking and paging happen here, never on main's thread.
// Built as its own self-contained file (scripts/build.mjs), run by TypeScript through tsx in tests.
import { parentPort } from 'node:worker_threads';
import { createDraftEngine, DraftNotLoaded } from './draft-engine';
import type { CsvWorkerProgress, CsvWorkerRequest, CsvWorkerResponse } from './csv-worker-protocol';

const port = parentPort;
if (!port) throw new Error('csv-worker runs as a worker thread only.');
const engine = createDraftEngine({
  onProgress: (progress) => port.postMessage({ progress } satisfies CsvWorkerProgress),
});

/** Runs one request on the engine and posts its answer; a failure is answered, never thrown. */
const answer = async ({ id, op, args }: CsvWorkerRequest): Promise<void> => {
  let response: CsvWorkerResponse;
  try {
    const run = engine[op] as (args: unknown) => Promise<unknown>;
    response = { id, ok: true, value: await run(args) };
  } catch (error) {
    const code =
      error instanceof DraftNotLoaded
        ? error.code
        : ((error as NodeJS.ErrnoException).code ?? 'WORKER_FAILED');
    const message = error instanceof Error ? error.message : String(error);
    response = { id, ok: false, code, message };
  }
  port.postMessage(response);
};

port.on('message', (request: CsvWorkerRequest) => void answer(request));
