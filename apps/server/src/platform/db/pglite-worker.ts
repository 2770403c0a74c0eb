/**
 * The embedded database in a worker thread of its own (`openPgliteInWorker`, database.ts).
 *
 * PGlite is PostgreSQL compiled to WebAssembly: a statement runs synchronously on the thread that
 * calls it. On the server's main thread, the final statement of a 100,000-row import (several
 * seconds) would stop every request, database or not, for as long. Here it stops nothing but
 * this thread: the server keeps accepting and answering; only queries wait for the database, as
 * they would for a PostgreSQL server. Statements of a transaction carry its id; the worker keeps
 * the transaction open (PGlite's own lock keeps other statements out meanwhile) until the main
 * thread commits or rolls it back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';

export type ToDatabaseWorker =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number | undefined }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'ping' }
  | { id: number; op: 'close' };

export type FromDatabaseWorker =
  | { id: number; ok: true; rows?: unknown[]; bytes?: Uint8Array }
  | { id: number; ok: false; error: { message: string; fields: Record<string, unknown> } }
  | { id: 0; ready: true }
  | { id: 0; ready: false; error: { message: string; fields: Record<string, unknown> } };

/** Thrown inside PGlite's transaction callback to roll it back. */
class RolledBack extends Error {}

function serialise(e: unknown): { message: string; fields: Record<string, unknown> } {
  const error = e instanceof Error ? e : new Error(String(e));
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(error)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  fields.name = error.name;
  return { message: error.message, fields };
}

const port = parentPort;
if (port) {
  const { dataDir } = workerData as { dataDir: string };
  const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<unknown> }>();
  let db: PGlite;
  const reply = (m: FromDatabaseWorker): void => port.postMessage(m);
  const handle = async (m: ToDatabaseWorker): Promise<void> => {
    try {
      switch (m.op) {
        case 'query': {
          const target = m.tx === undefined ? db : open.get(m.tx)?.tx;
          if (!target) throw new Error(`transaction ${m.tx} is not open`);
          reply({ id: m.id, ok: true, rows: (await target.query(m.sql, m.params)).rows });
          return;
        }
        case 'exec':
          await db.exec(m.sql);
          reply({ id: m.id, ok: true });
          return;
        case 'begin': {
          let end!: (commit: boolean) => void;
          const decided = new Promise<boolean>((resolve) => (end = resolve));
          let begun!: (tx: Transaction) => void;
          const started = new Promise<Transaction>((resolve) => (begun = resolve));
          const done = db.transaction(async (tx) => {
            begun(tx);
            if (!(await decided)) throw new RolledBack();
          });
          done.catch(() => undefined); // awaited at 'end'; this keeps an early failure from going unhandled
          // PGlite opens the transaction once no other one runs; a failure to open rejects `done` first.
          const tx = await Promise.race([started, done.then(() => Promise.reject(new Error('the transaction ended before it began')))]);
          open.set(m.tx, { tx, end, done });
          reply({ id: m.id, ok: true });
          return;
        }
        case 'end': {
          const t = open.get(m.tx);
          if (!t) throw new Error(`transaction ${m.tx} is not open`);
          open.delete(m.tx);
          t.end(m.commit);
          try {
            await t.done;
          } catch (e) {
            if (!(e instanceof RolledBack)) throw e;
          }
          reply({ id: m.id, ok: true });
          return;
        }
        case 'ping':
          // Answered by this thread between two statements: it is alive and the database is not stuck.
          reply({ id: m.id, ok: true });
          return;
        case 'dump': {
          const archive = await db.dumpDataDir('gzip');
          reply({ id: m.id, ok: true, bytes: new Uint8Array(await archive.arrayBuffer()) });
          return;
        }
        case 'close':
          await db.close();
          reply({ id: m.id, ok: true });
          return;
      }
    } catch (e) {
      reply({ id: m.id, ok: false, error: serialise(e) });
    }
  };
  try {
    db = await PGlite.create({ dataDir });
    port.on('message', (m: ToDatabaseWorker) => void handle(m));
    reply({ id: 0, ready: true });
  } catch (e) {
    reply({ id: 0, ready: false, error: serialise(e) });
  }
}
