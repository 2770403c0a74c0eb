/**
 * A person's rights over their data (GDPR articles 15 and 17): what Boucles holds under an e-mail
 * — actors' contacts and an account — exported on request and erased on request. The audit log
 * records that it was done, with counts and record IDs, never the address or the data.
 */
import type { Database } from '../../platform/db/database.js';
import type { ContactHolding } from './repository.js';
import type { AccountRepository } from '../accounts/index.js';
import type { PrivacyRepository } from './repository.js';
import { ConflictError } from '../../platform/errors.js';
import { standingIn, ForbiddenError, type Principal } from '../../platform/access/access.js';
import type { AuditLog } from '../../platform/audit/service.js';
import { normaliseEmail } from '../accounts/index.js';

export interface PersonalData {
  email: string;
  contacts: Omit<ContactHolding, 'territoryId'>[];
  account: {
    id: string;
    email: string;
    displayName: string;
    createdAt: string;
    roles: { territoryCode: string; role: string; actorId: string | null }[];
  } | null;
}

/** The repositories this service reads and writes. */
export interface PrivacyRepos {
  accounts: AccountRepository;
  privacy: PrivacyRepository;
}

export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly repos: PrivacyRepos,
    private readonly audit: AuditLog,
  ) {}

  /** The territories whose personal data the principal may handle: all (platform), or those it administers. */
  private async managed(who: Principal): Promise<{ all: boolean; territoryIds: string[] }> {
    if (who.kind === 'system' || (who.kind === 'user' && who.isAdmin)) return { all: true, territoryIds: [] };
    if (who.kind !== 'user') throw new ForbiddenError();
    const ids = [...new Set(who.grants.map((g) => g.territoryId))].filter((id) => standingIn(who, id)?.standing === 'manage');
    if (ids.length === 0) throw new ForbiddenError();
    return { all: false, territoryIds: ids };
  }

  async find(who: Principal, emailInput: string): Promise<PersonalData> {
    const email = normaliseEmail(emailInput);
    const scope = await this.managed(who);
    const contacts = await this.repos.privacy.contactsByEmail(this.db, email, scope.all ? undefined : scope.territoryIds);
    // Accounts are the platform's: only platform administrators see them.
    const user = scope.all ? await this.repos.accounts.userByEmail(this.db, email) : undefined;
    const roles = user ? await this.repos.accounts.rolesOfUsers(this.db, [user.id]) : [];
    await this.audit.record(this.db, who, {
      action: 'export',
      entity: 'personal_data',
      details: { contacts: contacts.map((c) => c.actorId), account: user?.id ?? null },
    });
    return {
      email,
      contacts: contacts.map(({ territoryId: _t, ...c }) => c),
      account: user
        ? {
            id: user.id,
            email: user.email,
            displayName: user.displayName,
            createdAt: user.createdAt,
            roles: roles.map((r) => ({ territoryCode: r.territoryCode, role: r.role, actorId: r.actorId })),
          }
        : null,
    };
  }

  /**
   * Erases the contacts holding that e-mail, the address wherever the follow-up's free text quotes
   * it, and, for platform administrators, the account. Names written in free text are not found:
   * they are the facilitators' to edit.
   */
  async erase(who: Principal, emailInput: string): Promise<{ contacts: number; accounts: number; followUpTexts: number }> {
    const email = normaliseEmail(emailInput);
    const scope = await this.managed(who);
    return this.db.transaction(async (tx) => {
      const contacts = await this.repos.privacy.contactsByEmail(tx, email, scope.all ? undefined : scope.territoryIds);
      for (const c of contacts) await this.repos.privacy.eraseContact(tx, c.territoryId, c.actorId);
      const texts = await this.repos.privacy.eraseInFollowUp(tx, email, scope.all ? undefined : scope.territoryIds);
      let accounts = 0;
      const user = scope.all ? await this.repos.accounts.userByEmail(tx, email) : undefined;
      if (user) {
        if (user.isAdmin && (await this.repos.accounts.countAdmins(tx)) <= 1) {
          throw new ConflictError({
            fr: 'c’est le dernier administrateur de la plateforme',
            en: 'this is the last platform administrator',
          });
        }
        await this.repos.accounts.deleteUser(tx, user.id);
        accounts = 1;
      }
      for (const c of contacts) {
        await this.audit.record(tx, who, { territoryId: c.territoryId, action: 'erase', entity: 'actor_contact', entityId: c.actorId });
      }
      await this.audit.record(tx, who, {
        action: 'erase',
        entity: 'personal_data',
        details: { contacts: contacts.length, accounts, account: user?.id ?? null, followUpTexts: texts },
      });
      return { contacts: contacts.length, accounts, followUpTexts: texts };
    });
  }
}
