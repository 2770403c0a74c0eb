/**
 * The rows of the files of one import, parsed in a worker thread (parse-worker.ts) with a heap
 * limit, so that no file — malformed, hostile, or one that a parser mishandles — can take the
 * server or the CLI down: whatever ends the worker comes out of here as an `UnreadableFileError`.
 * Rows come in batches, the next one asked for while the current one is consumed (one batch
 * ahead at most). The worker is stopped when the consumer stops early or when it dies; one that
 * finished its job (rows read, or an error it reported) waits, loaded, for the next import.
 */
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './parse-worker.js';
import { DEFAULT_LIMITS, UnreadableFileError, withDefaults, type RawRow, type ReadLimits } from './types.js';

export type { ImportFile } from './read.js';
import type { ImportFile } from './read.js';

const running = new Set<Worker>();
/** Workers that finished a job cleanly, loaded and waiting, by heap limit (at most `IDLE` each). */
const idle = new Map<number, Worker[]>();
const IDLE = 1;

/** How many parsing workers are running now, busy or idle (tests check that none is left behind). */
export function parseWorkersRunning(): { busy: number; idle: number } {
  const waiting = [...idle.values()].reduce((n, list) => n + list.length, 0);
  return { busy: running.size - waiting, idle: waiting };
}

/** Stops the idle workers (tests, and a clean shutdown; they do not keep the process alive anyway). */
export async function stopIdleParseWorkers(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

function acquire(heap: number): Worker {
  const reused = idle.get(heap)?.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), {
    resourceLimits: {
      maxOldGenerationSizeMb: heap,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(heap / 8))),
      stackSizeMb: 4,
    },
  });
  running.add(worker);
  worker.once('exit', () => {
    running.delete(worker);
    const list = idle.get(heap);
    if (list?.includes(worker)) list.splice(list.indexOf(worker), 1);
  });
  return worker;
}

/** After a job: a worker that finished cleanly waits for the next one, any other is stopped. */
async function release(worker: Worker, heap: number, clean: boolean): Promise<void> {
  const list = idle.get(heap) ?? [];
  if (clean && running.has(worker) && list.length < IDLE) {
    worker.unref();
    list.push(worker);
    idle.set(heap, list);
  } else await worker.terminate();
}

/** The error of a worker that died: out of memory, or an exception no one caught. */
function workerDied(e: unknown, heapMb: number): Error {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UnreadableFileError(
      `le fichier n’a pas pu être lu : sa lecture demande plus de mémoire que permis (${heapMb} Mo) ; le découper en plusieurs fichiers, ou retirer les feuilles, colonnes et textes inutiles`,
      `the file could not be read: reading it needs more memory than allowed (${heapMb} MB); split it into several files, or remove unneeded sheets, columns and texts`,
    );
  }
  // The worker's own module missing is a fault of the installation, not of the file.
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_WORKER_PATH' || code === 'ERR_WORKER_INIT_FAILED') {
    return new Error(`the parsing worker could not start: ${(e as Error).message}`, { cause: e });
  }
  return new UnreadableFileError(
    'le fichier n’a pas pu être lu (le lecteur s’est arrêté) : l’ouvrir dans Excel ou LibreOffice, l’enregistrer de nouveau en XLSX ou en « CSV UTF-8 », et réessayer',
    `the file could not be read (the reader stopped: ${e instanceof Error ? e.message : String(e)}): open it in Excel or LibreOffice, save it again as XLSX or "CSV UTF-8", and try again`,
  );
}

/** The messages of one job of a worker, one at a time; a worker that dies or exits rejects the wait. */
class Inbox {
  private readonly queue: FromWorker[] = [];
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly detach: () => void;

  constructor(worker: Worker, heapMb: number) {
    const onMessage = (m: FromWorker): void => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve(m);
      } else this.queue.push(m);
    };
    const onError = (e: unknown): void => this.fail(workerDied(e, heapMb));
    const onExit = (code: number): void => this.fail(workerDied(new Error(`exit code ${code}`), heapMb));
    worker.on('message', onMessage);
    worker.on('messageerror', onError);
    worker.on('error', onError);
    worker.on('exit', onExit);
    this.detach = () => {
      worker.off('message', onMessage);
      worker.off('messageerror', onError);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
  }

  /** Stops listening; a worker given back to the idle list then has no listener left of this job. */
  close(): void {
    this.detach();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.reject(this.failure);
    }
  }

  next(): Promise<FromWorker> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

function post(worker: Worker, m: ToWorker): void {
  worker.postMessage(m);
}

function received(m: FromWorker): never {
  if (m.type === 'error') throw new UnreadableFileError(m.fr, m.en, m.location);
  throw new Error(`unexpected message from the parsing worker: ${m.type}`);
}

export async function* rowsOfFiles(files: readonly ImportFile[], limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  if (files.length === 0) return;
  const heap = withDefaults(limits).workerHeapMb;
  const worker = acquire(heap);
  const inbox = new Inbox(worker, heap);
  let clean = false;
  try {
    post(worker, { type: 'job', job: { kind: 'rows', files: files.map((f) => ({ path: f.path, sheet: f.sheet, name: f.name })), limits } });
    for (;;) {
      const m = await inbox.next();
      // The worker's reader ended on an error it reported itself: the worker is fine for another job.
      if (m.type === 'error') clean = true;
      if (m.type !== 'rows') received(m);
      // Ask for the next batch while this one is consumed.
      if (!m.last) post(worker, { type: 'next' });
      else clean = true;
      for (const row of m.rows) yield row;
      if (m.last) return;
    }
  } finally {
    inbox.close();
    await release(worker, heap, clean);
  }
}

/**
 * A JSON document read and parsed in the worker thread, within the limits of size and nesting
 * (json-reader.ts): what `boucles load`, `boucles check` and `--rules` should read user files with.
 */
export async function readJsonDocument(path: string, limits: ReadLimits = DEFAULT_LIMITS, name: string = basename(path)): Promise<unknown> {
  const heap = withDefaults(limits).workerHeapMb;
  const worker = acquire(heap);
  const inbox = new Inbox(worker, heap);
  let clean = false;
  try {
    post(worker, { type: 'job', job: { kind: 'json', path, file: name, limits } });
    const m = await inbox.next();
    clean = m.type === 'json' || m.type === 'error';
    if (m.type !== 'json') return received(m);
    return m.value;
  } finally {
    inbox.close();
    await release(worker, heap, clean);
  }
}

/** Import limits from the environment (README, "Configuration"). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const mb = Number(env.BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB);
  const rows = Number(env.BOUCLES_IMPORT_MAX_ROWS);
  const heap = Number(env.BOUCLES_IMPORT_WORKER_HEAP_MB);
  return {
    ...DEFAULT_LIMITS,
    ...(Number.isFinite(mb) && mb > 0 ? { maxUncompressedBytes: mb * 1024 * 1024 } : {}),
    ...(Number.isInteger(rows) && rows > 0 ? { maxRows: rows } : {}),
    ...(Number.isInteger(heap) && heap >= 64 ? { workerHeapMb: heap } : {}),
  };
}
