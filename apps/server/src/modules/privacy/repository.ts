/** SQL finding and erasing a person's data: actors' contacts and accounts holding an e-mail. */
import type { Queryable } from '../../platform/db/database.js';

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
    const rows = await db.query(
      `UPDATE actor SET contact = '{}'::jsonb, updated_at = now() WHERE territory_id = $1 AND id = $2 RETURNING id`,
      [territoryId, actorId],
    );
    return rows.length === 1;
  }

  /**
   * Replaces an e-mail address wherever the follow-up's free text holds it (notes, next steps,
   * comments), in the given territories or all; answers how many texts changed.
   */
  async eraseInFollowUp(db: Queryable, email: string, territoryIds: readonly string[] | undefined): Promise<number> {
    const pattern = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const scope = [territoryIds ? [...territoryIds] : null];
    const cases = await db.query(
      `UPDATE synergy_case SET
         notes = regexp_replace(notes, $1, '[adresse effacée]', 'gi'),
         next_steps = regexp_replace(next_steps, $1, '[adresse effacée]', 'gi'),
         abandon_comment = regexp_replace(abandon_comment, $1, '[adresse effacée]', 'gi'),
         updated_at = now()
       WHERE ($2::uuid[] IS NULL OR territory_id = ANY($2::uuid[]))
         AND (notes ~* $1 OR next_steps ~* $1 OR abandon_comment ~* $1) RETURNING id`,
      [pattern, ...scope],
    );
    const events = await db.query(
      `UPDATE synergy_case_event SET comment = regexp_replace(comment, $1, '[adresse effacée]', 'gi')
       WHERE ($2::uuid[] IS NULL OR territory_id = ANY($2::uuid[])) AND comment ~* $1 RETURNING id`,
      [pattern, ...scope],
    );
    return cases.length + events.length;
  }
}
