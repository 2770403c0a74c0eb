import type { Queryable } from '../../platform/db/database.js';
import { iso } from '../../platform/db/sql.js';

export interface ImportRun {
  id: string;
  territoryId: string;
  mode: string;
  fileName: string | null;
  written: boolean;
  report: unknown;
  hasRejectedFile: boolean;
  createdAt: string;
}

interface ImportRunRow {
  id: string;
  territory_id: string;
  mode: string;
  file_name: string | null;
  written: boolean;
  report: unknown;
  has_rejected_file: boolean;
  created_at: Date;
}

const toRun = (r: ImportRunRow): ImportRun => ({
  id: r.id,
  territoryId: r.territory_id,
  mode: r.mode,
  fileName: r.file_name,
  written: r.written,
  report: r.report,
  hasRejectedFile: r.has_rejected_file,
  createdAt: iso(r.created_at),
});

const COLUMNS = 'id, territory_id, mode, file_name, written, report, rejected_file IS NOT NULL AS has_rejected_file, created_at';

export class ImportRunRepository {
  async insert(
    db: Queryable,
    territoryId: string,
    run: { mode: string; fileName: string | null; written: boolean; report: unknown; rejectedFile: Buffer | null },
  ): Promise<ImportRun> {
    const [row] = await db.query<ImportRunRow>(
      `INSERT INTO import_run (territory_id, mode, file_name, written, report, rejected_file) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [territoryId, run.mode, run.fileName, run.written, JSON.stringify(run.report), run.rejectedFile],
    );
    if (!row) throw new Error('insert returned no row');
    return toRun(row);
  }

  async list(db: Queryable, territoryId: string, limit: number): Promise<ImportRun[]> {
    return (
      await db.query<ImportRunRow>(`SELECT ${COLUMNS} FROM import_run WHERE territory_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [
        territoryId,
        limit,
      ])
    ).map(toRun);
  }

  async rejectedFile(db: Queryable, territoryId: string, id: string): Promise<Buffer | undefined> {
    const [row] = await db.query<{ rejected_file: Uint8Array | null }>(
      'SELECT rejected_file FROM import_run WHERE territory_id = $1 AND id = $2',
      [territoryId, id],
    );
    return row?.rejected_file ? Buffer.from(row.rejected_file) : undefined;
  }
}
