// Main's side of the CSV worker thread: starts it on first use, matches answers to requests, and
// restarts it if it dies (open drafts are then loaded again from disk by the caller).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DraftEngine } from './draft-engine';
import type {
  CsvWorkerOp,
  CsvWorkerOps,
  CsvWorkerProgress,
  CsvWorkerRequest,
  CsvWorkerResponse,
  LoadProgress,
} from './csv-worker-protocol';

/** tsx's ESM registration API, resolved from here (only used when running from TypeScript). */
const TSX_API = (() => {
  try {
    const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  } catch {
    return 'tsx/esm/api';
  }
})();

/** An error the worker answered, with its code (DRAFT_NOT_LOADED, ENOENT…). */
export class CsvWorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsvWorkerError';
  }
}

export interface CsvWorkerClient extends DraftEngine {
  /** Stops the thread (drafts stay on disk). */
  terminate(): Promise<void>;
  /** Listens to the progress of loads; returns an unsubscribe. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
}

/**
 * The worker's file: beside this module when running from TypeScript (tsx, Vitest), else the
 * bundled `dist/electron/csv-worker/csv-worker.mjs` beside the built main.
 */
export function defaultCsvWorkerPath(): string {
  // Joined at run time: a `new URL(literal, import.meta.url)` would be taken by the bundler.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const typescript = path.join(here, 'csv-worker.ts');
  if (existsSync(typescript)) return typescript;
  return path.join(here, '..', 'csv-worker', 'csv-worker.mjs');
}

/**
 * A larger young generation than Node's default: a file's cells are short-lived strings, and with
 * more room they die young instead of being promoted and collected again (a million rows check
 * about a tenth faster).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96 };

export function createCsvWorkerClient(
  workerPath: string = defaultCsvWorkerPath(),
): CsvWorkerClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  const progressListeners = new Set<(progress: LoadProgress) => void>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  function start(): Worker {
    const created = workerPath.endsWith('.ts')
      ? // TypeScript sources (tsx, Vitest): the thread registers tsx's loader, then imports them.
        new Worker(
          `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); ` +
            `return import(${JSON.stringify(pathToFileURL(workerPath).href)}); });`,
          { eval: true, resourceLimits: WORKER_LIMITS },
        )
      : new Worker(workerPath, { resourceLimits: WORKER_LIMITS });
    created.on('message', (message: CsvWorkerResponse | CsvWorkerProgress) => {
      if ('progress' in message) {
        for (const listener of progressListeners) listener(message.progress);
        return;
      }
      const response = message;
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.value);
      else waiting.reject(new CsvWorkerError(response.code, response.message));
    });
    created.on('error', (error) => {
      failAll(new CsvWorkerError('WORKER_FAILED', error.message));
    });
    created.on('exit', () => {
      if (worker === created) worker = null;
      failAll(new CsvWorkerError('WORKER_FAILED', 'The CSV worker stopped.'));
    });
    // The thread must not keep a finished process (the headless checker, tests) alive.
    created.unref();
    return created;
  }

  function call<Op extends CsvWorkerOp>(
    op: Op,
    args: CsvWorkerOps[Op]['args'],
  ): Promise<CsvWorkerOps[Op]['result']> {
    worker ??= start();
    const id = nextId++;
    const request: CsvWorkerRequest = { id, op, args };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve, reject });
      worker!.ref();
      worker!.postMessage(request);
    }).finally(() => {
      if (pending.size === 0) worker?.unref();
    }) as Promise<CsvWorkerOps[Op]['result']>;
  }

  const ops: CsvWorkerOp[] = [
    'load',
    'cancelLoad',
    'page',
    'edit',
    'deleteRow',
    'recheck',
    'counts',
    'writeCsv',
    'writeProblems',
    'close',
    'uploadRows',
  ];
  const client = Object.fromEntries(
    ops.map((op) => [op, (args: never) => call(op, args)]),
  ) as unknown as DraftEngine;
  return {
    ...client,
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    async terminate() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
