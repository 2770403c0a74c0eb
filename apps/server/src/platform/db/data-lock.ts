/**
 * One owner of the data folder at a time.
 *
 * PGlite is PostgreSQL compiled to WebAssembly, running inside one process: it has no
 * postmaster to arbitrate between processes, so two processes that open the same `pglite/`
 * folder overwrite each other's pages and the folder may never open again (seen with
 * `boucles import` run beside a running server). The first process to open the folder writes
 * `boucles.lock` with `O_EXCL` (only one creation can succeed) holding its process ID, the start
 * time of that process (so that a recycled process ID is not taken for the owner), its host and
 * what it is (the server with its address, or a command). Another process is refused with a
 * French message naming the owner and what to do. A lock left by a process that is no longer
 * running (`kill -9`, a power cut) is stale: the next process takes it over, after renaming it
 * aside (a rename succeeds once, so two processes cannot both take over the same stale lock).
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'boucles.lock';

export interface LockOwner {
  pid: number;
  /** Start time of the process, in clock ticks since boot (Linux `/proc/<pid>/stat`, field 22); null elsewhere. */
  startTime: number | null;
  host: string;
  /** `server`, or the command that holds the folder (`import`, `migrate`…). */
  holder: string;
  /** The server's address, once it listens. */
  url: string | null;
  since: string;
}

/** The data folder is held by another running process. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(busyMessage(dataDir, owner).en);
    this.name = 'DataFolderBusyError';
  }

  get fr(): string {
    return busyMessage(this.dataDir, this.owner).fr;
  }
}

function busyMessage(dataDir: string, owner: LockOwner): { fr: string; en: string } {
  const since = owner.since.slice(0, 16).replace('T', ' ');
  if (owner.holder === 'server') {
    const at = owner.url ? `, ${owner.url}` : '';
    return {
      fr:
        `le dossier de données ${dataDir} est utilisé par le serveur Boucles (processus ${owner.pid}${at}, depuis ${since} UTC). ` +
        'La base embarquée n’accepte qu’un programme à la fois : arrêtez le serveur (Ctrl+C) puis relancez la commande, ' +
        `ou passez par l’application web ou l’API du serveur${owner.url ? ` (${owner.url})` : ''} (import : POST /api/territories/{code}/imports).`,
      en:
        `the data folder ${dataDir} is used by the Boucles server (process ${owner.pid}${at}, since ${since} UTC). ` +
        'The embedded database takes one program at a time: stop the server (Ctrl+C) and run the command again, ' +
        'or go through the server’s web app or API (import: POST /api/territories/{code}/imports).',
    };
  }
  return {
    fr: `le dossier de données ${dataDir} est utilisé par la commande « boucles ${owner.holder} » (processus ${owner.pid}, depuis ${since} UTC) : attendez qu’elle se termine, puis relancez.`,
    en: `the data folder ${dataDir} is used by the command "boucles ${owner.holder}" (process ${owner.pid}, since ${since} UTC): wait for it to finish, then try again.`,
  };
}

/** Start time of a process (Linux), to tell a live owner from a process that got its recycled ID. */
export function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

/** Whether a process of this ID runs (on this host), and is the same one that wrote the lock. */
export function processAlive(pid: number, startTime: number | null = null): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (startTime === null) return true;
  const now = processStartTime(pid);
  return now === null || now === startTime;
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return {
      pid: owner.pid,
      startTime: owner.startTime ?? null,
      host: owner.host,
      holder: String(owner.holder ?? '?'),
      url: owner.url ?? null,
      since: String(owner.since ?? ''),
    };
  } catch {
    return null;
  }
}

export interface DataLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Records the server's address in the lock, for the messages of commands that are refused. */
  setUrl(url: string): void;
  release(): void;
}

/**
 * Takes the data folder for this process, or throws `DataFolderBusyError`. The lock is released
 * by `release()` and, failing that, when the process exits normally; after a crash the next
 * process finds it stale and takes it over.
 */
export function acquireDataLock(dataDir: string, holder: string): DataLock {
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    holder,
    url: null,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const current = readOwner(path);
      if (current && current.host === owner.host && current.pid === process.pid && current.startTime === owner.startTime) {
        throw new DataFolderBusyError(dataDir, current); // this very process holds it already
      }
      const stale =
        current === null ? lockAgeMs(path) > 10_000 : current.host === owner.host && !processAlive(current.pid, current.startTime);
      if (current && !stale) throw new DataFolderBusyError(dataDir, current);
      if (!current && !stale) {
        // Being written by another process right now: wait a little and look again.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        continue;
      }
      try {
        const aside = `${path}.stale-${process.pid}`;
        renameSync(path, aside);
        rmSync(aside, { force: true });
      } catch {
        /* another process took it over first: try again */
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    let released = false;
    const onExit = (): void => lock.release();
    const lock: DataLock = {
      path,
      owner,
      setUrl(url) {
        if (released) return;
        owner.url = url;
        writeFileSync(path, JSON.stringify(owner));
      },
      release() {
        if (released) return;
        released = true;
        process.off('exit', onExit);
        const current = readOwner(path);
        if (current && current.pid === owner.pid && current.startTime === owner.startTime) {
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        }
      },
    };
    process.on('exit', onExit);
    return lock;
  }
  throw new Error(`could not take the lock ${path}`);
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}
