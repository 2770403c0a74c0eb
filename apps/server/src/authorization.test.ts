// The authorisation matrix: every API route × every role × own or other actor × own or other
// territory, with the outcome the table of roles and permissions gives (the engine's
// access/permissions.ts, shown in docs/access.md). Beyond the status, it
// checks that nothing confidential leaks through any answer — lists, details, searches, exports,
// aggregates, error messages — and that "not yours" is answered exactly like "does not exist":
// same status, same body, and the same database queries (so that timing cannot tell either).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  PRINCIPAL_DEFINITIONS,
  platformAdministratorHolds,
  roleStanding,
  sheetSpec,
  standingHolds,
  type AnalysisResult,
  type Permission,
  type Standing,
} from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteEntry, type Services } from './app.js';
import type { Database, Queryable } from './platform/db/database.js';
import { readDemoDocument, readNeighbourDemoDocument } from './modules/demo/demo.js';
import { LoginThrottle } from './platform/access/login-throttle.js';
import { SYSTEM, type Role } from './platform/access/access.js';
import { clientFor, type TestClient } from './testing/auth.js';
import { testDatabases } from './testing/databases.js';

const reference = new ReferenceCatalog();
const T1 = 'DEMO-VALBOUCLES';
const T2 = 'DEMO-DUNKERQUE';
const MISSING_CODE = 'NEXISTE-PAS';
const CANARY_LABEL = 'CANARI-FLUX-CONFIDENTIEL';
const CANARY_EMAIL = 'canari.contact@example.org';
const CANARY_QUANTITY = 777_777.7;
const CANARY_INTERACTION = 'CANARI-ECHANGE-CONFIDENTIEL';

type Who = 'anonymous' | 'platformAdmin' | 'administrator' | 'facilitator' | 'contributor' | 'reader' | 'regionalReader' | 'apiKey';
const WHO: readonly Who[] = [
  'anonymous',
  'platformAdmin',
  'administrator',
  'facilitator',
  'contributor',
  'reader',
  'regionalReader',
  'apiKey',
];
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'unauth' | 'unknownRef' | 'invalid';
interface Variant {
  territory: 'own' | 'other';
  record: 'own' | 'other';
}

/** The role each signed-in principal of the matrix is given in its territories (the platform administrator holds none). */
const ROLE_OF: Readonly<Partial<Record<Who, Role>>> = {
  administrator: 'administrator',
  facilitator: 'facilitator',
  contributor: 'contributor',
  reader: 'reader',
  regionalReader: 'reader',
};

/** Each principal's standing in its own territory, as the table of roles and permissions gives it. */
function standingOf(who: Who): Standing | undefined {
  if (who === 'platformAdmin') return PRINCIPAL_DEFINITIONS.platformAdministrator.standing;
  if (who === 'apiKey') return PRINCIPAL_DEFINITIONS.apiKey.standing;
  const role = ROLE_OF[who];
  return role && roleStanding(role);
}

/**
 * Who may use a route in its own territory: those the table of roles and permissions
 * (packages/engine/src/access/permissions.ts) grants one of the permissions the route needs. The
 * permission each route needs is written here from the role definitions of docs/access.md,
 * independently of the services: a route that answers a principal the table does not grant fails.
 */
function holders(...permissions: Permission[]): readonly Who[] {
  return WHO.filter((who) => {
    if (who === 'platformAdmin') return permissions.some(platformAdministratorHolds);
    const standing = standingOf(who);
    return standing !== undefined && permissions.some((p) => standingHolds(standing, p));
  });
}

/** Principals with a standing in both territories of the matrix (the regional reader has a role in each). */
const IN_BOTH: readonly Who[] = ['platformAdmin', 'regionalReader'];

/**
 * A route over several territories (T1 and T2): allowed to those who hold the permission in both;
 * refused as another territory is (404) to those who hold it in their own only, 403 to the others.
 */
function acrossTerritories(permission: Permission): Pick<Spec, 'allowed' | 'refusedAs'> {
  const own = holders(permission);
  return { allowed: own.filter((w) => IN_BOTH.includes(w)), refusedAs: (who) => (own.includes(who) ? 'hidden' : 'forbidden') };
}

const FAC = holders('territory:facilitate');
const RELATIONSHIPS = holders('relationships:use');
const MAN = holders('territory:manage');
const PLATFORM = holders('platform:manage');
/** Records: every one or one's own actors' (facilitators, contributors), public fields (API keys). */
const OWN = holders('records:own');
const RECORDS = holders('records:own', 'records:public');
const AGGREGATES = holders('aggregates:read');
const SYNERGIES = holders('synergies:read');
/** Every principal with a standing in its territory. */
const ALL: readonly Who[] = WHO.filter((w) => standingOf(w) !== undefined);
/** One's own account: every signed-in user, whatever their roles. */
const SIGNED_IN: readonly Who[] = WHO.filter((w) => w !== 'anonymous' && w !== 'apiKey');

interface Spec {
  method: string;
  route: string;
  /** Roles allowed in their own territory. */
  allowed: readonly Who[];
  /** Contributors are allowed on their own actor's records only; on another actor's, the answer is this. */
  contributorOther?: Outcome;
  /** The route names no territory: the territory variant does not apply. */
  noTerritory?: boolean;
  /** The route takes a record: run with the contributor's own record and another actor's. */
  perRecord?: boolean;
  /** Status of an allowed request when it is not 2xx (a deliberately wrong current password, say). */
  okStatus?: number;
  /** How a role that is not allowed is refused, when not 403 (a territory it has no role in is not found). */
  refusedAs?: Outcome | ((who: Who) => Outcome);
}

const SPECS: Spec[] = [
  { method: 'GET', route: '/api/auth/me', allowed: SIGNED_IN, noTerritory: true },
  { method: 'POST', route: '/api/auth/password', allowed: SIGNED_IN, noTerritory: true, okStatus: 400 },
  { method: 'GET', route: '/api/users', allowed: PLATFORM, noTerritory: true },
  { method: 'POST', route: '/api/users', allowed: MAN },
  { method: 'GET', route: '/api/users/:id', allowed: PLATFORM, noTerritory: true },
  { method: 'PATCH', route: '/api/users/:id', allowed: PLATFORM, noTerritory: true },
  { method: 'DELETE', route: '/api/users/:id', allowed: PLATFORM, noTerritory: true },
  { method: 'GET', route: '/api/audit', allowed: MAN },
  { method: 'GET', route: '/api/audit/export', allowed: MAN },
  { method: 'GET', route: '/api/privacy/contacts', allowed: MAN, noTerritory: true },
  { method: 'POST', route: '/api/privacy/contacts/erase', allowed: MAN, noTerritory: true },
  { method: 'GET', route: '/api/interdependencies', ...acrossTerritories('aggregates:read'), noTerritory: true },
  // The export is the whole table: facilitators of every territory. The first territory (T1) is checked first.
  { method: 'GET', route: '/api/interdependencies/export', ...acrossTerritories('records:all'), noTerritory: true },
  { method: 'GET', route: '/api/territories', allowed: ALL, noTerritory: true },
  { method: 'POST', route: '/api/territories', allowed: PLATFORM, noTerritory: true },
  { method: 'GET', route: '/api/territories/:code', allowed: AGGREGATES },
  { method: 'PATCH', route: '/api/territories/:code', allowed: FAC },
  { method: 'DELETE', route: '/api/territories/:code', allowed: MAN },
  { method: 'GET', route: '/api/territories/:code/members', allowed: MAN },
  { method: 'POST', route: '/api/territories/:code/roles', allowed: MAN },
  { method: 'DELETE', route: '/api/territories/:code/roles/:roleId', allowed: MAN },
  { method: 'GET', route: '/api/territories/:code/api-keys', allowed: MAN },
  { method: 'POST', route: '/api/territories/:code/api-keys', allowed: MAN },
  { method: 'DELETE', route: '/api/territories/:code/api-keys/:id', allowed: MAN },
  { method: 'GET', route: '/api/territories/:code/metabolism', allowed: AGGREGATES },
  { method: 'GET', route: '/api/territories/:code/metabolism/export', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/actors', allowed: RECORDS },
  { method: 'POST', route: '/api/territories/:code/actors', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/actors/:id', allowed: RECORDS, perRecord: true, contributorOther: 'hidden' },
  { method: 'PATCH', route: '/api/territories/:code/actors/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'DELETE', route: '/api/territories/:code/actors/:id', allowed: FAC, perRecord: true },
  { method: 'GET', route: '/api/territories/:code/sites', allowed: RECORDS },
  { method: 'POST', route: '/api/territories/:code/sites', allowed: OWN, perRecord: true, contributorOther: 'unknownRef' },
  { method: 'GET', route: '/api/territories/:code/sites/:id', allowed: RECORDS, perRecord: true, contributorOther: 'hidden' },
  { method: 'PATCH', route: '/api/territories/:code/sites/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'DELETE', route: '/api/territories/:code/sites/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'GET', route: '/api/territories/:code/flows', allowed: RECORDS },
  { method: 'POST', route: '/api/territories/:code/flows', allowed: OWN, perRecord: true, contributorOther: 'unknownRef' },
  { method: 'GET', route: '/api/territories/:code/flows/:id', allowed: RECORDS, perRecord: true, contributorOther: 'hidden' },
  { method: 'PATCH', route: '/api/territories/:code/flows/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'DELETE', route: '/api/territories/:code/flows/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'GET', route: '/api/territories/:code/needs', allowed: OWN },
  { method: 'POST', route: '/api/territories/:code/needs', allowed: OWN, perRecord: true, contributorOther: 'unknownRef' },
  { method: 'GET', route: '/api/territories/:code/needs/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'PATCH', route: '/api/territories/:code/needs/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'DELETE', route: '/api/territories/:code/needs/:id', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  { method: 'POST', route: '/api/territories/:code/analyses', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/analyses', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/analyses/:id', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/aggregates', allowed: AGGREGATES },
  { method: 'POST', route: '/api/territories/:code/aggregates', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/aggregates/:id', allowed: AGGREGATES },
  { method: 'PUT', route: '/api/territories/:code/aggregates/:id', allowed: FAC },
  { method: 'DELETE', route: '/api/territories/:code/aggregates/:id', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/synergies', allowed: SYNERGIES },
  { method: 'GET', route: '/api/territories/:code/pipeline', allowed: SYNERGIES },
  { method: 'POST', route: '/api/territories/:code/synergy-cases', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/synergy-cases/:id', allowed: SYNERGIES, perRecord: true, contributorOther: 'hidden' },
  { method: 'PATCH', route: '/api/territories/:code/synergy-cases/:id', allowed: FAC, perRecord: true },
  { method: 'POST', route: '/api/territories/:code/synergy-cases/:id/consent', allowed: OWN, perRecord: true, contributorOther: 'hidden' },
  {
    method: 'DELETE',
    route: '/api/territories/:code/synergy-cases/:id/consent/:side',
    allowed: OWN,
    perRecord: true,
    contributorOther: 'hidden',
  },
  // The relationship log is the facilitators' and administrators' only, even an entry about the contributor's own actor.
  { method: 'GET', route: '/api/territories/:code/interactions', allowed: RELATIONSHIPS },
  { method: 'POST', route: '/api/territories/:code/interactions', allowed: RELATIONSHIPS, perRecord: true },
  { method: 'GET', route: '/api/territories/:code/interactions/:id', allowed: RELATIONSHIPS, perRecord: true },
  { method: 'PATCH', route: '/api/territories/:code/interactions/:id', allowed: RELATIONSHIPS, perRecord: true },
  { method: 'DELETE', route: '/api/territories/:code/interactions/:id', allowed: RELATIONSHIPS, perRecord: true },
  { method: 'GET', route: '/api/territories/:code/export', allowed: FAC },
  { method: 'POST', route: '/api/territories/:code/imports', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/imports', allowed: FAC },
  { method: 'GET', route: '/api/territories/:code/imports/:id/rejets.xlsx', allowed: FAC },
];

/** Routes open to anyone, checked separately: they answer without a session. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  'GET /api/templates/territoire.xlsx',
  'GET /api/reference/naf',
  'GET /api/reference/waste-codes',
  'GET /api/reference/resources',
  'GET /api/reference/communes',
  'GET /api/reference/headcount-bands',
  'GET /api/reference/units',
];

/** The outcome the role definitions give. */
function expected(spec: Spec, who: Who, v: Variant): Outcome {
  if (who === 'anonymous') return 'unauth';
  if (spec.route === '/api/auth/me' && who === 'apiKey') return 'unauth';
  if (who === 'apiKey' && spec.method !== 'GET') return 'forbidden';
  const seesOther = who === 'platformAdmin' || who === 'regionalReader';
  if (!spec.noTerritory && v.territory === 'other' && !seesOther) {
    // A territory the principal has no role in does not exist for it.
    return 'hidden';
  }
  if (!spec.allowed.includes(who)) return typeof spec.refusedAs === 'function' ? spec.refusedAs(who) : (spec.refusedAs ?? 'forbidden');
  if (who === 'contributor' && spec.perRecord && v.record === 'other' && spec.contributorOther) return spec.contributorOther;
  return 'ok';
}

/** Records the SQL each request runs, to compare "not yours" with "does not exist". */
function recording(inner: Database): { db: Database; start(): void; stop(): string[] } {
  let log: string[] | null = null;
  const note = (sql: string) => {
    // The session's last-seen time is refreshed at most once a minute, whatever the request.
    if (log && !sql.startsWith('UPDATE user_session SET last_seen_at')) log.push(sql.replace(/\s+/g, ' ').trim());
  };
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params) {
      note(sql);
      return q.query(sql, params);
    },
  });
  return {
    db: {
      kind: inner.kind,
      query(sql, params) {
        note(sql);
        return inner.query(sql, params);
      },
      exec: (sql) => inner.exec(sql),
      transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
      close: () => inner.close(),
      backup: (path) => inner.backup(path),
      ping: () => inner.ping(),
    },
    start() {
      log = [];
    },
    stop() {
      const l = log ?? [];
      log = null;
      return l;
    },
  };
}

for (const target of testDatabases()) {
  describe(`the authorisation matrix on ${target.name}`, () => {
    let db: Database;
    let rec: ReturnType<typeof recording>;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let routes: RouteEntry[];
    const clients = new Map<Who, TestClient>();
    const userIds = new Map<Who, string>();
    let apiKey = '';
    /** IDs per territory: the contributor's own actor and another actor, with their records. */
    const ids = {
      own: {
        actor: '',
        site: '',
        flow: '',
        need: '',
        commune: '',
        resource: '',
        caseId: '',
        interaction: '',
        side: 'supplier' as 'supplier' | 'receiver',
      },
      other: { actor: '', site: '', flow: '', need: '', caseId: '', interaction: '' },
      t2: { actor: '', site: '', flow: '', need: '', commune: '', resource: '', aggregate: '', caseId: '', interaction: '' },
      aggregate: '',
      analysis: '',
      t2analysis: '',
      importRun: '',
      t2importRun: '',
    };
    let aggregateBody: Record<string, unknown> = {};
    const openableSynergies: Record<'own' | 'other' | 't2', string[]> = { own: [], other: [], t2: [] };
    /** Strings a principal must never receive. */
    const secrets = new Map<Who, string[]>();
    let n = 0;

    const codeOf = (v: Variant) => (v.territory === 'own' ? T1 : T2);

    async function newUser(roles?: { territoryCode: string; role: Role; actorId?: string | null }[], isAdmin = false) {
      n += 1;
      return services.accounts.createUser(SYSTEM, {
        email: `matrice${n}-${randomBytes(3).toString('hex')}@example.org`,
        displayName: `Matrice ${n}`,
        isAdmin,
        roles,
      });
    }

    async function send(who: Who, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
      const payload = body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object };
      const options = { method: method as 'GET', url, headers, ...payload };
      if (who === 'anonymous') return app.inject(options);
      if (who === 'apiKey') return app.inject({ ...options, headers: { ...headers, authorization: `Bearer ${apiKey}` } });
      const client = clients.get(who);
      assert.ok(client);
      return client.inject(options);
    }

    async function firstOf<T>(p: Promise<{ items: T[] }>): Promise<T> {
      const r = await p;
      assert.ok(r.items[0]);
      return r.items[0];
    }

    before(async () => {
      const opened = await target.open();
      dispose = opened.dispose;
      rec = recording(opened.db);
      db = rec.db;
      const built = await buildApp({ db, reference, throttle: new LoginThrottle({ perEmail: 1000, perAddress: 1000, windowMs: 60_000 }) });
      ({ app, services, routes } = built);
      await services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
      await services.territoryDocuments.importNew(SYSTEM, readNeighbourDemoDocument());
      const run = await services.analyses.run(SYSTEM, T1, { objective: 'co2' });
      ids.analysis = run.id;
      ids.t2analysis = (await services.analyses.run(SYSTEM, T2, { objective: 'co2' })).id;

      const own = await firstOf(
        services.territoryData.listActors(SYSTEM, T1, { q: 'Brasserie de la Haute-Colme' }, { limit: 1, offset: 0 }),
      );
      ids.own.actor = own.id;
      const result = run.result as AnalysisResult;
      const mine = result.synergies.filter((s) => !s.sameActor && (s.supplierActorId === own.id || s.receiverActorId === own.id));
      const withOther = mine[0];
      assert.ok(withOther, 'the contributor’s actor has a synergy with another actor');
      ids.other.actor = withOther.supplierActorId === own.id ? withOther.receiverActorId : withOther.supplierActorId;
      ids.own.side = withOther.supplierActorId === own.id ? 'supplier' : 'receiver';
      const notMine = result.synergies.filter((s) => !s.sameActor && s.supplierActorId !== own.id && s.receiverActorId !== own.id);
      // Cases: one involving the contributor's actor, one not; other synergies stay to be opened by the matrix.
      const pairKey = (s: { outputFlowId: string; inputFlowId: string }) => `${s.outputFlowId}>${s.inputFlowId}`;
      const seen = new Set<string>();
      const unique = <T extends { outputFlowId: string; inputFlowId: string }>(list: T[]) =>
        list.filter((s) => !seen.has(pairKey(s)) && seen.add(pairKey(s)));
      const mineUnique = unique(mine);
      const notMineUnique = unique(notMine);
      ids.own.caseId = (await services.followUp.openCase(SYSTEM, T1, { synergyId: withOther.id, status: 'proposed' })).id;
      const otherCase = notMineUnique.shift();
      assert.ok(otherCase);
      ids.other.caseId = (await services.followUp.openCase(SYSTEM, T1, { synergyId: otherCase.id, status: 'proposed' })).id;
      openableSynergies.own = mineUnique.slice(1).map((s) => s.id);
      openableSynergies.other = notMineUnique.map((s) => s.id);
      const t2Synergies = (await services.analyses.get(SYSTEM, T2, 'latest')).result.synergies.filter((s) => !s.sameActor);
      const t2Synergy = t2Synergies[0];
      assert.ok(t2Synergy);
      openableSynergies.t2 = [...new Map(t2Synergies.slice(1).map((s) => [pairKey(s), s.id])).entries()]
        .filter(([k]) => k !== pairKey(t2Synergy))
        .map(([, id]) => id);
      ids.t2.caseId = (await services.followUp.openCase(SYSTEM, T2, { synergyId: t2Synergy.id, status: 'proposed' })).id;

      for (const [key, actorId, code] of [
        ['own', ids.own.actor, T1],
        ['other', ids.other.actor, T1],
      ] as const) {
        const site = await firstOf(services.territoryData.listSites(SYSTEM, code, { actorId }, { limit: 1, offset: 0 }));
        ids[key].site = site.id;
        if (key === 'own') ids.own.commune = site.communeCode;
        const flow = await firstOf(services.territoryData.listFlows(SYSTEM, code, { actorId }, { limit: 1, offset: 0 }));
        ids[key].flow = flow.id;
        if (key === 'own') ids.own.resource = flow.resourceCode;
        ids[key].need = (
          await services.territoryData.createNeed(SYSTEM, code, { actorId, category: 'service', description: `Besoin ${key}` })
        ).id;
      }
      const t2actor = await firstOf(services.territoryData.listActors(SYSTEM, T2, {}, { limit: 1, offset: 0 }));
      ids.t2.actor = t2actor.id;
      const t2site = await firstOf(services.territoryData.listSites(SYSTEM, T2, { actorId: t2actor.id }, { limit: 1, offset: 0 }));
      ids.t2.site = t2site.id;
      ids.t2.commune = t2site.communeCode;
      const t2flow = await firstOf(services.territoryData.listFlows(SYSTEM, T2, {}, { limit: 1, offset: 0 }));
      ids.t2.flow = t2flow.id;
      ids.t2.resource = t2flow.resourceCode;
      ids.t2.need = (
        await services.territoryData.createNeed(SYSTEM, T2, { actorId: t2actor.id, category: 'service', description: 'Besoin T2' })
      ).id;
      const aggregates = await services.metabolism.listAggregates(SYSTEM, T1);
      const firstAggregate = aggregates[0];
      assert.ok(firstAggregate);
      ids.aggregate = firstAggregate.id;
      const t2aggregate = (await services.metabolism.listAggregates(SYSTEM, T2))[0];
      assert.ok(t2aggregate);
      ids.t2.aggregate = t2aggregate.id;
      const { id: _i, territoryId: _t, externalId: _e, createdAt: _c, updatedAt: _u, annualQuantity: _a, ...input } = firstAggregate;
      aggregateBody = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));

      // The canary: another actor's confidential contact and flow, which no one but the facilitators may see.
      await services.territoryData.updateActor(SYSTEM, T1, ids.other.actor, {
        contact: { email: CANARY_EMAIL, phone: '+33 3 00 00 77 77' },
      });
      await services.territoryData.createFlow(SYSTEM, T1, {
        siteId: ids.other.site,
        direction: 'output',
        resourceCode: ids.own.resource,
        label: CANARY_LABEL,
        quantity: { value: CANARY_QUANTITY, unit: 't', period: 'year' },
        confidentiality: { label: 'territory', quantity: 'private' },
      });

      // Entries of the relationship log: about the contributor's own actor, another actor, and in T2; the first holds a canary.
      const interaction = (code: string, actorId: string, topics: string) =>
        services.relationships.create(SYSTEM, code, { actorId, occurredOn: '2026-03-12', kind: 'visit', topics });
      ids.own.interaction = (await interaction(T1, ids.own.actor, 'Visite de la brasserie')).id;
      await services.relationships.update(SYSTEM, T1, ids.own.interaction, { weakSignal: true, weakSignalText: CANARY_INTERACTION });
      ids.other.interaction = (await interaction(T1, ids.other.actor, 'Visite d’un autre acteur')).id;
      ids.t2.interaction = (await interaction(T2, ids.t2.actor, 'Visite en T2')).id;

      // Imports with a rejected row, so that a rejected-rows file exists in each territory.
      const header = sheetSpec('acteurs')
        .columns.map((c) => c.header)
        .join(';');
      for (const [code, key] of [
        [T1, 'importRun'],
        [T2, 't2importRun'],
      ] as const) {
        const r = await app.inject({
          method: 'POST',
          url: `/api/territories/${code}/imports?mode=valid-rows&sheet=acteurs`,
          headers: { 'content-type': 'text/csv', ...(await adminHeaders()) },
          payload: `${header}\r\n;;Sans nature;;;;;;\r\n`,
        });
        assert.equal(r.statusCode, 200, r.body);
        ids[key] = r.json<{ id: string }>().id;
      }

      // The principals.
      const grants: Record<
        Exclude<Who, 'anonymous' | 'apiKey' | 'platformAdmin'>,
        { territoryCode: string; role: Role; actorId?: string }[]
      > = {
        administrator: [{ territoryCode: T1, role: 'administrator' }],
        facilitator: [{ territoryCode: T1, role: 'facilitator' }],
        contributor: [{ territoryCode: T1, role: 'contributor', actorId: ids.own.actor }],
        reader: [{ territoryCode: T1, role: 'reader' }],
        regionalReader: [
          { territoryCode: T1, role: 'reader' },
          { territoryCode: T2, role: 'reader' },
        ],
      };
      const admin = await newUser(undefined, true);
      userIds.set('platformAdmin', admin.id);
      clients.set('platformAdmin', await clientFor(app, services, admin.id, admin.email));
      for (const [who, roles] of Object.entries(grants) as [Who, { territoryCode: string; role: Role; actorId?: string }[]][]) {
        const u = await newUser(roles);
        userIds.set(who, u.id);
        clients.set(who, await clientFor(app, services, u.id, u.email));
      }
      apiKey = (await services.accounts.createApiKey(SYSTEM, T1, 'Matrice')).key;

      // What each principal must never see.
      const actorsOf = async (code: string) =>
        (await services.territoryData.listActors(SYSTEM, code, {}, { limit: 10_000, offset: 0 })).items;
      const t1 = await actorsOf(T1);
      const t2 = await actorsOf(T2);
      const identity = (a: { id: string; name: string }) => [a.id, a.name];
      const contacts = [...t1, ...t2].flatMap((a) => [a.contact.email, a.contact.phone].filter((x): x is string => !!x));
      const canary = [CANARY_LABEL, CANARY_EMAIL, String(CANARY_QUANTITY).replace('.', ','), String(CANARY_QUANTITY), CANARY_INTERACTION];
      secrets.set('contributor', [...t1.filter((a) => a.id !== ids.own.actor).flatMap(identity), ...t2.flatMap(identity), ...canary]);
      secrets.set('reader', [...t1.flatMap(identity), ...t2.flatMap(identity), ...canary]);
      secrets.set('regionalReader', [...t1.flatMap(identity), ...t2.flatMap(identity), ...canary]);
      secrets.set('apiKey', [...t2.flatMap(identity), ...contacts, ...canary]);
      secrets.set('anonymous', [...t1.flatMap(identity), ...t2.flatMap(identity), ...canary]);
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    let adminClient: TestClient | undefined;
    async function adminHeaders(): Promise<Record<string, string>> {
      if (!adminClient) {
        const u = await newUser(undefined, true);
        adminClient = await clientFor(app, services, u.id, u.email);
      }
      return { cookie: adminClient.cookie, 'x-csrf-token': adminClient.csrfToken };
    }

    /** The concrete request of a route for a variant; writes get records made for them, so that the matrix can run in any order. */
    async function request(spec: Spec, who: Who, v: Variant): Promise<{ url: string; body?: unknown; headers?: Record<string, string> }> {
      const code = codeOf(v);
      const inT2 = v.territory === 'other';
      const rec = inT2 ? ids.t2 : v.record === 'own' ? ids.own : ids.other;
      const actorId = inT2 ? ids.t2.actor : v.record === 'own' ? ids.own.actor : ids.other.actor;
      const siteId = inT2 ? ids.t2.site : rec.site;
      const base = `/api/territories/${code}`;
      const tag = `${who}-${randomBytes(3).toString('hex')}`;
      switch (`${spec.method} ${spec.route}`) {
        case 'GET /api/auth/me':
          return { url: '/api/auth/me' };
        case 'POST /api/auth/password':
          return {
            url: '/api/auth/password',
            body: { currentPassword: 'pas le bon mot de passe', newPassword: 'un nouveau mot de passe' },
          };
        case 'GET /api/users':
          return { url: '/api/users' };
        case 'POST /api/users':
          return {
            url: '/api/users',
            body: { email: `cree-${tag}@example.org`, displayName: 'Créé', roles: [{ territoryCode: code, role: 'reader' }] },
          };
        case 'GET /api/users/:id':
        case 'PATCH /api/users/:id':
        case 'DELETE /api/users/:id': {
          const target = await newUser([{ territoryCode: T1, role: 'reader' }]);
          return { url: `/api/users/${target.id}`, body: spec.method === 'PATCH' ? { displayName: 'Renommé' } : undefined };
        }
        case 'GET /api/audit':
          return { url: `/api/audit?territory=${code}` };
        case 'GET /api/audit/export':
          return { url: `/api/audit/export?territory=${code}` };
        case 'GET /api/privacy/contacts':
          return { url: `/api/privacy/contacts?email=${encodeURIComponent(CANARY_EMAIL)}` };
        case 'POST /api/privacy/contacts/erase':
          return { url: '/api/privacy/contacts/erase', body: { email: `personne-${tag}@example.org` } };
        case 'GET /api/interdependencies':
          return { url: `/api/interdependencies?territories=${T1},${T2}` };
        case 'GET /api/interdependencies/export':
          return { url: `/api/interdependencies/export?territories=${T1},${T2}&format=csv` };
        case 'GET /api/territories':
          return { url: '/api/territories?limit=100' };
        case 'POST /api/territories':
          return {
            url: '/api/territories',
            body: { code: `M-${tag}`.slice(0, 40), level: 'custom', name: 'Matrice', communes: ['59350'] },
          };
        case 'GET /api/territories/:code':
          return { url: base };
        case 'PATCH /api/territories/:code':
          return { url: base, body: { description: 'Relu par la matrice' } };
        case 'DELETE /api/territories/:code': {
          // A territory made for the occasion, where the principal has the role it has in its own.
          const tmp = `TMP-${randomBytes(4).toString('hex')}`;
          await services.territoryData.createTerritory(SYSTEM, { code: tmp, level: 'custom', name: 'Jetable', communes: ['59350'] });
          const userId = userIds.get(who);
          if (userId && !inT2 && who !== 'platformAdmin') {
            const role: Role =
              who === 'administrator'
                ? 'administrator'
                : who === 'facilitator'
                  ? 'facilitator'
                  : who === 'contributor'
                    ? 'contributor'
                    : 'reader';
            const actor =
              role === 'contributor'
                ? (await services.territoryData.createActor(SYSTEM, tmp, { name: 'Jetable', kind: 'company' })).id
                : null;
            await services.accounts.grantRole(SYSTEM, tmp, { userId, role, actorId: actor });
          }
          if (who === 'apiKey' && !inT2) return { url: base };
          // Only a platform administrator may delete a territory it has no role in: it gets a disposable one.
          return { url: `/api/territories/${inT2 && who !== 'platformAdmin' ? T2 : tmp}` };
        }
        case 'GET /api/territories/:code/members':
          return { url: `${base}/members` };
        case 'POST /api/territories/:code/roles': {
          const target = await newUser();
          return { url: `${base}/roles`, body: { userId: target.id, role: 'reader' } };
        }
        case 'DELETE /api/territories/:code/roles/:roleId': {
          const target = await newUser();
          const role = await services.accounts.grantRole(SYSTEM, code, { userId: target.id, role: 'reader' });
          return { url: `${base}/roles/${role.id}` };
        }
        case 'GET /api/territories/:code/api-keys':
          return { url: `${base}/api-keys` };
        case 'POST /api/territories/:code/api-keys':
          return { url: `${base}/api-keys`, body: { name: `Clé ${tag}` } };
        case 'DELETE /api/territories/:code/api-keys/:id':
          return { url: `${base}/api-keys/${(await services.accounts.createApiKey(SYSTEM, code, 'Jetable')).id}` };
        case 'GET /api/territories/:code/metabolism':
          return { url: `${base}/metabolism?scenario=latest` };
        case 'GET /api/territories/:code/metabolism/export':
          return { url: `${base}/metabolism/export?format=csv` };
        case 'GET /api/territories/:code/actors':
          return { url: `${base}/actors?limit=500` };
        case 'POST /api/territories/:code/actors':
          return { url: `${base}/actors`, body: { name: 'Créé par la matrice', kind: 'company' } };
        case 'GET /api/territories/:code/actors/:id':
        case 'PATCH /api/territories/:code/actors/:id':
          return { url: `${base}/actors/${actorId}`, body: spec.method === 'PATCH' ? {} : undefined };
        case 'DELETE /api/territories/:code/actors/:id': {
          const a = await services.territoryData.createActor(SYSTEM, code, { name: 'Jetable', kind: 'company' });
          return { url: `${base}/actors/${a.id}` };
        }
        case 'GET /api/territories/:code/sites':
          return { url: `${base}/sites?limit=500` };
        case 'POST /api/territories/:code/sites':
          return {
            url: `${base}/sites`,
            body: { actorId, name: 'Site créé par la matrice', communeCode: inT2 ? ids.t2.commune : ids.own.commune },
          };
        case 'GET /api/territories/:code/sites/:id':
        case 'PATCH /api/territories/:code/sites/:id':
          return { url: `${base}/sites/${siteId}`, body: spec.method === 'PATCH' ? {} : undefined };
        case 'DELETE /api/territories/:code/sites/:id': {
          const s = await services.territoryData.createSite(SYSTEM, code, {
            actorId,
            name: 'Jetable',
            communeCode: inT2 ? ids.t2.commune : ids.own.commune,
          });
          return { url: `${base}/sites/${s.id}` };
        }
        case 'GET /api/territories/:code/flows':
          return { url: `${base}/flows?limit=500` };
        case 'POST /api/territories/:code/flows':
          return {
            url: `${base}/flows`,
            body: {
              siteId,
              direction: 'output',
              resourceCode: inT2 ? ids.t2.resource : ids.own.resource,
              label: 'Flux créé par la matrice',
            },
          };
        case 'GET /api/territories/:code/flows/:id':
        case 'PATCH /api/territories/:code/flows/:id':
          return { url: `${base}/flows/${rec.flow}`, body: spec.method === 'PATCH' ? {} : undefined };
        case 'DELETE /api/territories/:code/flows/:id': {
          const f = await services.territoryData.createFlow(SYSTEM, code, {
            siteId,
            direction: 'input',
            resourceCode: inT2 ? ids.t2.resource : ids.own.resource,
            label: 'Jetable',
          });
          return { url: `${base}/flows/${f.id}` };
        }
        case 'GET /api/territories/:code/needs':
          return { url: `${base}/needs?limit=500` };
        case 'POST /api/territories/:code/needs':
          return { url: `${base}/needs`, body: { actorId, category: 'skills', description: 'Besoin créé par la matrice' } };
        case 'GET /api/territories/:code/needs/:id':
        case 'PATCH /api/territories/:code/needs/:id':
          return { url: `${base}/needs/${rec.need}`, body: spec.method === 'PATCH' ? {} : undefined };
        case 'DELETE /api/territories/:code/needs/:id': {
          const need = await services.territoryData.createNeed(SYSTEM, code, { actorId, category: 'skills', description: 'Jetable' });
          return { url: `${base}/needs/${need.id}` };
        }
        case 'POST /api/territories/:code/analyses':
          return { url: `${base}/analyses`, body: { objective: 'co2' } };
        case 'GET /api/territories/:code/analyses':
          return { url: `${base}/analyses` };
        case 'GET /api/territories/:code/analyses/:id':
          return { url: `${base}/analyses/${inT2 ? ids.t2analysis : ids.analysis}` };
        case 'GET /api/territories/:code/aggregates':
          return { url: `${base}/aggregates` };
        case 'POST /api/territories/:code/aggregates':
          return { url: `${base}/aggregates`, body: aggregateBody };
        case 'GET /api/territories/:code/aggregates/:id':
        case 'PUT /api/territories/:code/aggregates/:id':
          return {
            url: `${base}/aggregates/${inT2 ? ids.t2.aggregate : ids.aggregate}`,
            body: spec.method === 'PUT' ? aggregateBody : undefined,
          };
        case 'DELETE /api/territories/:code/aggregates/:id': {
          const a = await services.metabolism.createAggregate(
            SYSTEM,
            code,
            aggregateBody as Parameters<Services['metabolism']['createAggregate']>[2],
          );
          return { url: `${base}/aggregates/${a.id}` };
        }
        case 'GET /api/territories/:code/synergies':
          return { url: `${base}/synergies` };
        case 'GET /api/territories/:code/pipeline':
          return { url: `${base}/pipeline` };
        case 'POST /api/territories/:code/synergy-cases': {
          const synergyId = inT2 ? openableSynergies.t2.shift() : (openableSynergies.other.shift() ?? openableSynergies.own.shift());
          assert.ok(synergyId, 'enough synergies to open cases');
          return { url: `${base}/synergy-cases`, body: { synergyId } };
        }
        case 'GET /api/territories/:code/synergy-cases/:id':
        case 'PATCH /api/territories/:code/synergy-cases/:id':
          return {
            url: `${base}/synergy-cases/${rec.caseId}`,
            body: spec.method === 'PATCH' ? { notes: 'Relu par la matrice' } : undefined,
          };
        case 'POST /api/territories/:code/synergy-cases/:id/consent':
          // Always the contributor's side: the other side never consents here, so nothing gets disclosed.
          return { url: `${base}/synergy-cases/${rec.caseId}/consent`, body: { side: ids.own.side } };
        case 'DELETE /api/territories/:code/synergy-cases/:id/consent/:side':
          return { url: `${base}/synergy-cases/${rec.caseId}/consent/${ids.own.side}` };
        case 'GET /api/territories/:code/interactions':
          return { url: `${base}/interactions` };
        case 'POST /api/territories/:code/interactions':
          return {
            url: `${base}/interactions`,
            body: { actorId, occurredOn: '2026-03-12', kind: 'meeting', topics: 'Noté par la matrice' },
          };
        case 'GET /api/territories/:code/interactions/:id':
        case 'PATCH /api/territories/:code/interactions/:id':
          return {
            url: `${base}/interactions/${rec.interaction}`,
            body: spec.method === 'PATCH' ? { topics: 'Relu par la matrice' } : undefined,
          };
        case 'DELETE /api/territories/:code/interactions/:id': {
          const e = await services.relationships.create(SYSTEM, code, { actorId, occurredOn: '2026-03-12', kind: 'club' });
          return { url: `${base}/interactions/${e.id}` };
        }
        case 'GET /api/territories/:code/export':
          return { url: `${base}/export?format=csv&sheet=flux` };
        case 'POST /api/territories/:code/imports':
          return {
            url: `${base}/imports?mode=dry-run&sheet=acteurs`,
            body: `${sheetSpec('acteurs')
              .columns.map((c) => c.header)
              .join(';')}\r\n`,
            headers: { 'content-type': 'text/csv' },
          };
        case 'GET /api/territories/:code/imports':
          return { url: `${base}/imports` };
        case 'GET /api/territories/:code/imports/:id/rejets.xlsx':
          return { url: `${base}/imports/${inT2 ? ids.t2importRun : ids.importRun}/rejets.xlsx` };
      }
      throw new Error(`no request written for ${spec.method} ${spec.route}`);
    }

    function variants(spec: Spec): Variant[] {
      if (spec.noTerritory) return [{ territory: 'own', record: 'own' }];
      const list: Variant[] = [
        { territory: 'own', record: 'own' },
        { territory: 'other', record: 'own' },
      ];
      if (spec.perRecord) list.push({ territory: 'own', record: 'other' });
      return list;
    }

    test('every route of the API is in the matrix or among the public routes', () => {
      const known = new Set([...SPECS.map((s) => `${s.method} ${s.route}`), ...PUBLIC_ROUTES]);
      const api = routes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(
        api.filter((r) => !known.has(r)),
        [],
        'routes missing from the matrix',
      );
      assert.deepEqual(
        [...known].filter((k) => !api.includes(k)),
        [],
        'matrix entries for routes that do not exist',
      );
    });

    test('the public routes answer without a session', async () => {
      for (const r of ['/api/health', '/api/openapi.json', '/api/auth/oidc', '/api/reference/units', '/api/templates/territoire.xlsx']) {
        const res = await app.inject({ method: 'GET', url: r });
        assert.equal(res.statusCode, 200, r);
      }
    });

    for (const spec of SPECS) {
      test(`${spec.method} ${spec.route}: each role gets what its definition gives, and nothing confidential`, async () => {
        for (const who of WHO) {
          for (const v of variants(spec)) {
            const want = expected(spec, who, v);
            const req = await request(spec, who, v);
            const res = await send(who, spec.method, req.url, req.body, req.headers);
            const where = `${who} ${spec.method} ${req.url} (${v.territory} territory, ${v.record} record)`;
            switch (want) {
              case 'ok':
                assert.ok(
                  res.statusCode < 300 || res.statusCode === spec.okStatus,
                  `${where}: expected success, got ${res.statusCode} ${res.body.slice(0, 300)}`,
                );
                break;
              case 'forbidden':
                assert.equal(res.statusCode, 403, `${where}: ${res.body.slice(0, 300)}`);
                break;
              case 'hidden':
                assert.equal(res.statusCode, 404, `${where}: ${res.body.slice(0, 300)}`);
                break;
              case 'unauth':
                assert.equal(res.statusCode, 401, `${where}: ${res.body.slice(0, 300)}`);
                break;
              case 'unknownRef':
              case 'invalid':
                assert.equal(res.statusCode, 400, `${where}: ${res.body.slice(0, 300)}`);
                break;
            }
            // What the request itself carried (an ID it sent, echoed in an error) is not a leak.
            const sent = `${req.url} ${JSON.stringify(req.body ?? '')}`;
            const forbiddenText = (secrets.get(who) ?? []).filter((x) => !sent.includes(x));
            const leaked = forbiddenText.filter((x) => x.length >= 6 && res.body.includes(x));
            assert.deepEqual(leaked, [], `${where} leaked ${leaked.join(', ')}`);
          }
        }
      });
    }

    test('another territory answers exactly like a territory that does not exist: same status, body and queries', async () => {
      const checked: string[] = [];
      for (const who of ['administrator', 'facilitator', 'contributor', 'reader', 'apiKey'] as const) {
        for (const spec of SPECS.filter((s) => !s.noTerritory && s.method === 'GET')) {
          const req = await request(spec, who, { territory: 'other', record: 'own' });
          const missing = req.url.replace(`/api/territories/${T2}`, `/api/territories/${MISSING_CODE}`);
          rec.start();
          const a = await send(who, 'GET', req.url);
          const sqlA = rec.stop();
          rec.start();
          const b = await send(who, 'GET', missing);
          const sqlB = rec.stop();
          assert.equal(a.statusCode, 404, `${who} ${req.url}`);
          assert.equal(a.statusCode, b.statusCode, `${who} ${req.url}`);
          assert.equal(a.body, b.body, `${who} ${req.url}`);
          assert.deepEqual(sqlA, sqlB, `${who} ${req.url}: the queries differ`);
          checked.push(req.url);
        }
      }
      assert.ok(checked.length > 50);
    });

    test('another actor’s record answers a contributor exactly like a record that does not exist', async () => {
      for (const spec of SPECS.filter((s) => s.perRecord && s.contributorOther === 'hidden' && s.method === 'GET')) {
        const req = await request(spec, 'contributor', { territory: 'own', record: 'other' });
        const missing = req.url.replace(/\/[0-9a-f-]{36}(\/|$)/, `/${randomUUID()}$1`);
        assert.notEqual(missing, req.url);
        rec.start();
        const a = await send('contributor', 'GET', req.url);
        const sqlA = rec.stop();
        rec.start();
        const b = await send('contributor', 'GET', missing);
        const sqlB = rec.stop();
        assert.equal(a.statusCode, 404, req.url);
        assert.equal(a.body, b.body, req.url);
        assert.deepEqual(sqlA, sqlB, `${req.url}: the queries differ`);
      }
    });

    test('creating under another actor is refused exactly like creating under an actor that does not exist', async () => {
      for (const spec of SPECS.filter((s) => s.contributorOther === 'unknownRef')) {
        const req = await request(spec, 'contributor', { territory: 'own', record: 'other' });
        const body = { ...(req.body as Record<string, unknown>) };
        const key = 'actorId' in body ? 'actorId' : 'siteId';
        const unknown = randomUUID();
        const a = await send('contributor', spec.method, req.url, body);
        const b = await send('contributor', spec.method, req.url, { ...body, [key]: unknown });
        assert.equal(a.statusCode, 400, a.body);
        // The message names the ID sent, and nothing else differs.
        assert.equal(a.body.replaceAll(String(body[key]), '<id>'), b.body.replaceAll(unknown, '<id>'), req.url);
      }
    });

    test('a search by an API key does not find text in fields it may not see', async () => {
      const flows = await send('apiKey', 'GET', `/api/territories/${T1}/flows?q=${encodeURIComponent(CANARY_LABEL)}`);
      assert.equal(flows.statusCode, 200);
      assert.equal(flows.json<{ total: number }>().total, 0);
      const facilitator = await send('facilitator', 'GET', `/api/territories/${T1}/flows?q=${encodeURIComponent(CANARY_LABEL)}`);
      assert.equal(facilitator.json<{ total: number }>().total, 1, 'the facilitator finds it');
    });

    test('a contributor’s lists hold its own actor’s records only', async () => {
      for (const kind of ['actors', 'sites', 'flows', 'needs']) {
        const r = await send('contributor', 'GET', `/api/territories/${T1}/${kind}?limit=500`);
        const items = r.json<{ items: { id: string; actorId?: string }[] }>().items;
        assert.ok(items.length > 0, kind);
        for (const item of items) assert.equal(kind === 'actors' ? item.id : item.actorId, ids.own.actor, kind);
      }
    });

    test('the territories listed are those the principal has a role in', async () => {
      const codes = async (who: Who) =>
        (await send(who, 'GET', '/api/territories?limit=100')).json<{ items: { code: string }[] }>().items.map((t) => t.code);
      // Disposable territories of the deletion checks aside, where roles were given for the occasion.
      const lasting = async (who: Who) => (await codes(who)).filter((c) => !c.startsWith('TMP-'));
      assert.deepEqual(await lasting('contributor'), [T1]);
      assert.deepEqual((await lasting('regionalReader')).sort(), [T1, T2].sort());
      assert.deepEqual(await codes('apiKey'), [T1]);
      assert.ok((await codes('platformAdmin')).length >= 2);
    });
  });
}
