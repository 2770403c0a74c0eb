/**
 * The worker thread that parses the files of an import (source.ts starts it with a heap limit).
 * Rows go to the parent in batches, one batch for each 'next' it sends: the parent's consumption
 * paces the reading. A worker that finished a job cleanly may be given another (source.ts keeps
 * one idle, loaded, to spare the start-up). Whatever goes wrong here — a malformed file, an exception of a parser, even
 * heap exhaustion — ends this thread only; the parent reports it as an unreadable file.
 */
import { parentPort } from 'node:worker_threads';
import { readJsonInProcess } from './json-reader.js';
import { readFilesInProcess, type ImportFile } from './read.js';
import { UnreadableFileError, type Location, type RawRow, type ReadLimits } from './types.js';

export type WorkerJob =
  { kind: 'rows'; files: ImportFile[]; limits: ReadLimits } | { kind: 'json'; path: string; file: string | undefined; limits: ReadLimits };

/** A job starts a batch at once; each 'next' asks for the following one. */
export type ToWorker = { type: 'job'; job: WorkerJob } | { type: 'next' };

export type FromWorker =
  | { type: 'rows'; rows: RawRow[]; last: boolean }
  | { type: 'json'; value: unknown }
  | { type: 'error'; fr: string; en: string; location: Location };

/** A batch holds at most this many rows, or about this many characters. */
export const BATCH_ROWS = 2_000;
const BATCH_CHARS = 4_000_000;

function weight(row: RawRow): number {
  let n = 16;
  for (const c of row.cells) n += typeof c === 'string' ? c.length + 8 : 8;
  return n;
}

function failure(e: unknown): FromWorker {
  if (e instanceof UnreadableFileError) return { type: 'error', fr: e.fr, en: e.en, location: e.location };
  return {
    type: 'error',
    fr: 'le fichier n’a pas pu être lu (erreur inattendue du lecteur) : l’ouvrir dans Excel ou LibreOffice, l’enregistrer de nouveau en XLSX ou en « CSV UTF-8 », et réessayer',
    en: `the file could not be read (unexpected error of the reader: ${e instanceof Error ? e.message : String(e)}): open it in Excel or LibreOffice, save it again as XLSX or "CSV UTF-8", and try again`,
    location: {},
  };
}

const port = parentPort;
if (port) {
  const send = (m: FromWorker): void => port.postMessage(m);
  let rows: AsyncGenerator<RawRow> | undefined;
  const batch = async (): Promise<void> => {
    const out: RawRow[] = [];
    let size = 0;
    try {
      while (rows && out.length < BATCH_ROWS && size < BATCH_CHARS) {
        const next = await rows.next();
        if (next.done) {
          rows = undefined;
          send({ type: 'rows', rows: out, last: true });
          return;
        }
        out.push(next.value);
        size += weight(next.value);
      }
      send({ type: 'rows', rows: out, last: false });
    } catch (e) {
      rows = undefined;
      send(failure(e));
    }
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'next') void batch();
    else if (m.job.kind === 'rows') {
      rows = readFilesInProcess(m.job.files, m.job.limits);
      void batch();
    } else {
      readJsonInProcess(m.job.path, m.job.file, m.job.limits).then(
        (value) => send({ type: 'json', value }),
        (e: unknown) => send(failure(e)),
      );
    }
  });
}
