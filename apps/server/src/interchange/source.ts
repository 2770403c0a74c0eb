/** The rows of the files of one import: an XLSX workbook, or CSV files (one per sheet). */
import { UnreadableFileError, readCsv, readXlsx, sniffKind, DEFAULT_LIMITS, type RawRow, type ReadLimits } from './read.js';

export interface ImportFile {
  path: string;
  /** For a CSV file: the sheet it holds; by default its name (`flux.csv` → `flux`). */
  sheet?: string | undefined;
}

export async function* rowsOfFiles(files: readonly ImportFile[], limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawRow> {
  for (const file of files) {
    const kind = await sniffKind(file.path);
    if (kind === 'xlsx') yield* readXlsx(file.path, limits);
    else if (kind === 'csv') yield* readCsv(file.path, file.sheet, limits);
    else {
      throw new UnreadableFileError(
        'un document territoire JSON se charge avec « boucles load » (nouveau territoire) ; l’import par lignes prend un classeur XLSX ou des CSV',
        'a JSON territory document is loaded with "boucles load" (new territory); row imports take an XLSX workbook or CSV files',
      );
    }
  }
}

/** Import limits from the environment (README, "Configuration"). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const mb = Number(env.BOUCLES_IMPORT_MAX_UNCOMPRESSED_MB);
  const rows = Number(env.BOUCLES_IMPORT_MAX_ROWS);
  return {
    ...DEFAULT_LIMITS,
    ...(Number.isFinite(mb) && mb > 0 ? { maxUncompressedBytes: mb * 1024 * 1024 } : {}),
    ...(Number.isInteger(rows) && rows > 0 ? { maxRows: rows } : {}),
  };
}
