/** SQL finding and erasing a person's data: actors' contacts and accounts holding an e-mail. */
import type { Queryable } from '../db/database.js';

export interface ContactHolding {
  territoryId: string;
  territoryCode: string;
  actorId: string;
  actorName: string;
  contact: { name?: string; email?: string; phone?: string };
}

export class PrivacyRepository {
  /** Actors whose contact has that e-mail (compared in lower case), in the given territories or all. */
  async contactsByEmail(db: Queryable, email: string, territoryIds: readonly string[] | undefined): Promise<ContactHolding[]> {
    const rows = await db.query<{ territory_id: string; code: string; id: string; name: string; contact: ContactHolding['contact'] }>(
      `SELECT a.territory_id, t.code, a.id, a.name, a.contact FROM actor a JOIN territory t ON t.id = a.territory_id
       WHERE lower(a.contact->>'email') = $1 AND ($2::uuid[] IS NULL OR a.territory_id = ANY($2::uuid[])) ORDER BY t.code, a.name`,
      [email, territoryIds ? [...territoryIds] : null],
    );
    return rows.map((r) => ({ territoryId: r.territory_id, territoryCode: r.code, actorId: r.id, actorName: r.name, contact: r.contact }));
  }

  /** Empties the contact of those actors; the tenant is in the WHERE clause. */
  async eraseContact(db: Queryable, territoryId: string, actorId: string): Promise<boolean> {
    const rows = await db.query(`UPDATE actor SET contact = '{}'::jsonb, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING id`, [territoryId, actorId]);
    return rows.length === 1;
  }
}
