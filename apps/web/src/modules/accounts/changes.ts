/** After accounts or roles changed: what shows them (src/api/query.ts). */
import { invalidate, territoryKey } from '../../api/query.js';

/**
 * The platform's list of accounts, the members of the territories concerned, and the audit log,
 * which records every such change.
 */
export function accountsChanged(...territoryCodes: string[]): Promise<void> {
  return invalidate(['users'], ['audit'], ...territoryCodes.map((code) => territoryKey(code, 'members')));
}
