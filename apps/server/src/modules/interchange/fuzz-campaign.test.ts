// The standing fuzz campaign of the readers (issue 12, "nothing lost, nothing crashes").
//
// For each format — CSV, XLSX, JSON — structure-aware generators (fuzz-generators.ts) make at
// least FUZZ_INPUTS inputs (10,000 by default) from a seeded random source. Every input is read
// in this thread by the very readers the worker runs (fast: thousands a second), with small
// limits so that every limit is hit, one in four with the default limits; one input in
// FUZZ_SAMPLE (100) also goes through the whole path — a file, `rowsOfFiles` and its worker, the
// import service on PGlite — alternately in dry-run and all-or-nothing, counting the rows of the
// territory before and after. Reading in-process is what makes 30,000 inputs fit in the time of a
// test run; the worker and the service add no parsing of their own, and the sample checks them.
//
// Expected: 0 crashes (uncaught exceptions, unhandled rejections, hangs), 0 errors other than
// UnreadableFileError (or with English library text in the French message), 0 rows breaking the
// limits, 0 writes in dry-run or by an all-or-nothing import that did not succeed. An input that
// fails is saved in src/interchange/fuzz-corpus/<format>/, which is replayed first at every run.
//
// FUZZ_SECONDS=600 runs each format for a third of that time instead (scripts/fuzz-readers.sh);
// FUZZ_SEED changes the seed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import { seededRandom } from '@boucles/engine';
import { createServices, type Services } from '../../app.js';
import { openPglite, type Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { SYSTEM } from '../../platform/access/access.js';
import type { ImportMode } from './import.service.js';
import { generateCsv, generateJson, generateXlsx, type Rand } from './fuzz-generators.js';
import { readJsonInProcess } from './json-reader.js';
import { readCsvSource, readXlsx } from './read.js';
import { readJsonDocument, rowsOfFiles, stopIdleParseWorkers } from './source.js';
import { DEFAULT_LIMITS, UnreadableFileError, withDefaults, type RawRow, type ReadLimits } from './types.js';

type Format = 'csv' | 'xlsx' | 'json';
const FORMATS: Format[] = ['csv', 'xlsx', 'json'];
// The corpus stays in the sources (tests run from dist/): inputs found failing are saved there, to commit.
const CORPUS = fileURLToPath(new URL('../../../src/modules/interchange/fuzz-corpus/', import.meta.url));
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const SAMPLE = Number(process.env.FUZZ_SAMPLE ?? 100);

const SMALL: ReadLimits = {
  maxUncompressedBytes: 256 * 1024,
  maxRows: 20,
  maxCellLength: 200,
  maxColumns: 40,
  maxRecordLength: 4_000,
  maxSheets: 4,
  maxZipEntries: 12,
  maxSharedStrings: 200,
  maxSharedStringsLength: 20_000,
  maxXmlDepth: 16,
  maxJsonDepth: 16,
  maxJsonBytes: 100_000,
  workerHeapMb: 128,
};
const SCALE = { cell: 200, columns: 40, rows: 20, depth: 16, uncompressed: 256 * 1024 };
/** English library text that must never reach the French message. */
const ENGLISH = /Unexpected|Invalid|Quote Not Closed|Max Record|undefined entity|ENOENT|EISDIR|\bError\b|no stream/;

type Outcome = 'read' | 'unreadable' | 'crash' | 'other';
interface Tally {
  inputs: number;
  read: number;
  unreadable: number;
  crashes: number;
  others: number;
  imports: number;
  writes: number;
  written: number;
  seconds: number;
}
const tallies = new Map<Format, Tally>();
const failures: string[] = [];

const dir = mkdtempSync(join(tmpdir(), 'boucles-fuzz-campaign-'));
let db: Database;
let services: Services;
let onCrash: ((e: unknown) => void) | undefined;
const crashListener = (e: unknown): void => {
  failures.push(`crash: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  onCrash?.(e);
};

before(async () => {
  process.on('uncaughtException', crashListener);
  process.on('unhandledRejection', crashListener);
  db = await openPglite();
  await migrate(db);
  services = createServices(db, new ReferenceCatalog());
  await services.territoryData.createTerritory(SYSTEM, { code: 'FUZZ', level: 'custom', name: 'Fuzz', communes: ['59350'] });
});
after(async () => {
  process.off('uncaughtException', crashListener);
  process.off('unhandledRejection', crashListener);
  await stopIdleParseWorkers();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a row may hold once read: plain cells, within the limits, no NUL. */
function checkRow(row: RawRow, limits: ReadLimits): string | null {
  const L = withDefaults(limits);
  if (row.cells.length > L.maxColumns) return `row ${row.row}: ${row.cells.length} cells`;
  for (const c of row.cells) {
    if (!(c === null || typeof c === 'boolean' || typeof c === 'number' || typeof c === 'string'))
      return `row ${row.row}: a cell of type ${typeof c}`;
    if (typeof c === 'string' && (c.length > L.maxCellLength || c.includes('\u0000')))
      return `row ${row.row}: a cell of ${c.length} characters or with NUL`;
  }
  return null;
}

function depthOf(v: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop() as [unknown, number];
    if (x !== null && typeof x === 'object') {
      max = Math.max(max, d + 1);
      for (const y of Object.values(x)) stack.push([y, d + 1]);
    }
  }
  return max;
}

/** Runs one reading; a crash while it runs, a hang, or an exception other than UnreadableFileError is a failure. */
function guarded(label: string, run: () => Promise<void>): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      failures.push(`${label}: no answer after 60 s`);
      resolve('crash');
    }, 60_000);
    onCrash = () => {
      clearTimeout(timer);
      resolve('crash');
    };
    run().then(
      () => {
        clearTimeout(timer);
        resolve('read');
      },
      (e: unknown) => {
        clearTimeout(timer);
        if (e instanceof UnreadableFileError && e.fr.length > 10 && e.en.length > 10 && !ENGLISH.test(e.fr)) resolve('unreadable');
        else {
          failures.push(
            `${label}: ${e instanceof UnreadableFileError ? `French message with English text or empty: ${e.fr}` : e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          );
          resolve('other');
        }
      },
    );
  });
}

async function readInProcess(format: Format, bytes: Buffer, limits: ReadLimits, label: string): Promise<Outcome> {
  return guarded(label, async () => {
    if (format === 'json') {
      const value = await readJsonInProcess(bytes, 'fuzz.json', limits);
      if (depthOf(value) > withDefaults(limits).maxJsonDepth) throw new Error(`a value deeper than the limit was read: ${depthOf(value)}`);
      return;
    }
    const rows = format === 'csv' ? readCsvSource(bytes, 'acteurs', limits, 'fuzz.csv') : readXlsx(bytes, limits, 'fuzz.xlsx');
    for await (const row of rows) {
      const wrong = checkRow(row, limits);
      if (wrong) throw new Error(`limit broken: ${wrong}`);
    }
  });
}

async function countRows(): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    'SELECT ((SELECT count(*) FROM actor) + (SELECT count(*) FROM site) + (SELECT count(*) FROM flow) + (SELECT count(*) FROM need))::int AS n',
  );
  return r?.n ?? 0;
}

const SHEETS = ['acteurs', 'sites', 'flux', 'besoins'];

/** The whole path: a file, the worker, the import service; returns whether rows were written wrongly. */
async function importWhole(
  format: Format,
  bytes: Buffer,
  limits: ReadLimits,
  mode: ImportMode,
  label: string,
  tally: Tally,
  sheetGiven?: string,
): Promise<Outcome> {
  const path = join(dir, `input.${format}`);
  writeFileSync(path, bytes);
  tally.imports++;
  const before = await countRows();
  let written = false;
  const outcome = await guarded(`${label} (${mode})`, async () => {
    if (format === 'json') {
      await readJsonDocument(path, limits, 'fuzz.json');
      return;
    }
    const sheet = sheetGiven ?? SHEETS[bytes.length % SHEETS.length];
    const report = await services.territoryImports.import(SYSTEM, 'FUZZ', rowsOfFiles([{ path, sheet }], limits), mode);
    written = report.written;
    if (mode === 'dry-run' && report.written) throw new Error('a dry run says it wrote');
    if (report.written && report.issues.length > 0 && mode === 'all-or-nothing')
      throw new Error('an all-or-nothing import with errors says it wrote');
  });
  const changed = (await countRows()) !== before;
  if (changed && !(mode === 'all-or-nothing' && written)) {
    tally.writes++;
    failures.push(`${label} (${mode}): rows written`);
  }
  if (changed && written) tally.written++;
  return outcome;
}

function save(format: Format, name: string, bytes: Buffer): void {
  if (bytes.length > 1024 * 1024) return; // big inputs are generated by the tests instead
  const folder = join(CORPUS, format);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.${format}`), bytes);
}

function record(tally: Tally, outcome: Outcome): void {
  if (outcome === 'read') tally.read++;
  else if (outcome === 'unreadable') tally.unreadable++;
  else if (outcome === 'crash') tally.crashes++;
  else tally.others++;
}

const newTally = (): Tally => ({ inputs: 0, read: 0, unreadable: 0, crashes: 0, others: 0, imports: 0, writes: 0, written: 0, seconds: 0 });

test('every input of the regression corpus and the issue’s big crashers gives rows or an unreadable-file error, and writes nothing when it must not', async () => {
  const tally = newTally();
  const inputs: { format: Format; name: string; bytes: Buffer }[] = [];
  for (const format of FORMATS) {
    const folder = join(CORPUS, format);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort())
      if (!name.startsWith('.') && name !== 'README.md') inputs.push({ format, name, bytes: readFileSync(join(folder, name)) });
  }
  // Too big to keep in the repository: made here.
  inputs.push({
    format: 'csv',
    name: 'cell-of-2-MB',
    bytes: Buffer.from(`id_acteur;raison_sociale;type\nA1;${'x'.repeat(2 * 1024 * 1024)};entreprise\n`),
  });
  inputs.push({ format: 'csv', name: '20-MB-without-a-line-break', bytes: Buffer.from('id_acteur;'.repeat(2 * 1024 * 1024)) });
  inputs.push({
    format: 'csv',
    name: 'more-than-16384-columns',
    bytes: Buffer.from(`id_acteur;raison_sociale;type\n${'A1;'.repeat(16_400)}\n`),
  });
  assert.ok(inputs.some((i) => i.name === 'quote-never-closed.csv'));
  const failed = failures.length;
  for (const input of inputs) {
    tally.inputs++;
    record(tally, await readInProcess(input.format, input.bytes, DEFAULT_LIMITS, `corpus ${input.name}`));
    for (const mode of ['dry-run', 'all-or-nothing'] as const)
      record(tally, await importWhole(input.format, input.bytes, DEFAULT_LIMITS, mode, `corpus ${input.name}`, tally));
  }
  console.log(`fuzz corpus: ${JSON.stringify(tally)}`);
  assert.deepEqual(failures.slice(failed), []);
  assert.equal(tally.crashes + tally.others + tally.writes, 0);
});

for (const format of FORMATS) {
  const count = SECONDS > 0 ? `for ${Math.round(SECONDS / 3)} s` : `${INPUTS}`;
  test(`${count} generated ${format.toUpperCase()} inputs give rows or an unreadable-file error, never a crash, and no dry-run or failed all-or-nothing import writes`, async () => {
    const tally = newTally();
    tallies.set(format, tally);
    const rand: Rand = seededRandom(SEED + FORMATS.indexOf(format));
    const start = performance.now();
    const deadline = SECONDS > 0 ? start + (SECONDS * 1000) / 3 : Infinity;
    const failed = failures.length;
    for (let i = 0; SECONDS > 0 ? performance.now() < deadline : i < INPUTS; i++) {
      const bytes =
        format === 'csv' ? generateCsv(rand, SCALE) : format === 'xlsx' ? generateXlsx(rand, SCALE) : generateJson(rand, SCALE.depth);
      const limits = i % 4 === 3 ? DEFAULT_LIMITS : SMALL;
      const label = `${format} seed ${SEED} input ${i}`;
      const before = failures.length;
      tally.inputs++;
      record(tally, await readInProcess(format, bytes, limits, label));
      if (i % SAMPLE === 0) {
        const mode = (i / SAMPLE) % 2 === 0 ? 'dry-run' : 'all-or-nothing';
        if (format === 'csv') {
          // Valid actors first, then the generated lines (or nothing, one time in four): an
          // all-or-nothing import writes them only when nothing after them is wrong.
          const valid = Buffer.from(`id_acteur;raison_sociale;type\nV${i};Valide ${i};entreprise\n`);
          record(
            tally,
            await importWhole(
              format,
              Buffer.concat([valid, (i / SAMPLE) % 4 === 1 ? Buffer.alloc(0) : bytes]),
              limits,
              mode,
              label,
              tally,
              'acteurs',
            ),
          );
        } else record(tally, await importWhole(format, bytes, limits, mode, label, tally));
      }
      if (failures.length > before) save(format, `found-${SEED}-${i}`, bytes);
    }
    tally.seconds = Math.round((performance.now() - start) / 100) / 10;
    console.log(
      `fuzz ${format}: ${tally.inputs} inputs (${tally.imports} through the whole import), ${tally.read} read, ${tally.unreadable} unreadable, ${tally.crashes} crashes, ${tally.others} other errors, ${tally.writes} wrong writes (${tally.written} valid all-or-nothing imports wrote), ${tally.seconds} s`,
    );
    assert.deepEqual(failures.slice(failed, failed + 5), []);
    assert.equal(tally.crashes + tally.others + tally.writes, 0);
    if (SECONDS === 0) assert.ok(tally.inputs >= INPUTS);
    // The generators must reach both outcomes, or they test nothing.
    assert.ok(tally.read > tally.inputs / 20 && tally.unreadable > tally.inputs / 20, JSON.stringify(tally));
  });
}
