import type { Queryable } from '../../platform/db/database.js';
import { iso } from '../../platform/db/sql.js';

/** A stored analysis without its result: what a list shows. */
export interface AnalysisRun {
  id: string;
  territoryId: string;
  engineVersion: string;
  rulesVersion: string;
  /** `built-in`, or the name of the rules file given instead. */
  rulesSource: string;
  impactFactorsVersion: string;
  objective: 'co2' | 'cost';
  k: number;
  seconds: number;
  summary: unknown;
  createdAt: string;
}

interface AnalysisRow {
  id: string;
  territory_id: string;
  engine_version: string;
  rules_version: string;
  rules_source: string;
  impact_factors_version: string;
  objective: 'co2' | 'cost';
  k: number;
  seconds: number;
  summary: unknown;
  created_at: Date;
}

const toRun = (r: AnalysisRow): AnalysisRun => ({
  id: r.id,
  territoryId: r.territory_id,
  engineVersion: r.engine_version,
  rulesVersion: r.rules_version,
  rulesSource: r.rules_source,
  impactFactorsVersion: r.impact_factors_version,
  objective: r.objective,
  k: r.k,
  seconds: r.seconds,
  summary: r.summary,
  createdAt: iso(r.created_at),
});

const COLUMNS =
  'id, territory_id, engine_version, rules_version, rules_source, impact_factors_version, objective, k, seconds, summary, created_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AnalysisRepository {
  async insert(
    db: Queryable,
    territoryId: string,
    run: Omit<AnalysisRun, 'id' | 'territoryId' | 'createdAt'> & { result: unknown },
  ): Promise<AnalysisRun> {
    const [row] = await db.query<AnalysisRow>(
      `INSERT INTO synergy_analysis (territory_id, engine_version, rules_version, rules_source, impact_factors_version, objective, k, seconds, summary, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        territoryId,
        run.engineVersion,
        run.rulesVersion,
        run.rulesSource,
        run.impactFactorsVersion,
        run.objective,
        run.k,
        run.seconds,
        JSON.stringify(run.summary),
        JSON.stringify(run.result),
      ],
    );
    if (!row) throw new Error('insert returned no row');
    return toRun(row);
  }

  async list(db: Queryable, territoryId: string, limit: number): Promise<AnalysisRun[]> {
    return (
      await db.query<AnalysisRow>(`SELECT ${COLUMNS} FROM synergy_analysis WHERE territory_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [
        territoryId,
        limit,
      ])
    ).map(toRun);
  }

  /** One run with its result; `latest` for the newest. Undefined when the territory has no such run. */
  async get(db: Queryable, territoryId: string, id: string | 'latest'): Promise<(AnalysisRun & { result: unknown }) | undefined> {
    if (id !== 'latest' && !UUID.test(id)) return undefined;
    const [row] = await db.query<AnalysisRow & { result: unknown }>(
      id === 'latest'
        ? `SELECT ${COLUMNS}, result FROM synergy_analysis WHERE territory_id = $1 ORDER BY created_at DESC, id LIMIT 1`
        : `SELECT ${COLUMNS}, result FROM synergy_analysis WHERE territory_id = $1 AND id = $2`,
      id === 'latest' ? [territoryId] : [territoryId, id],
    );
    return row ? { ...toRun(row), result: row.result } : undefined;
  }
}
