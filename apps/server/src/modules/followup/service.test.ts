import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ValidationError } from '@boucles/engine';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { readDemoDocument } from '../demo/index.js';
import { AppError } from '../../platform/errors.js';
import { signedIn } from '../../testing/auth.js';
import { testDatabases } from '../../testing/databases.js';
import { SYSTEM, type Principal, type Role } from '../../platform/access/access.js';
import { anonymousDescription, roundedDistanceKm, type Party, type SynergyCase, type SynergyItem } from './service.js';

const reference = new ReferenceCatalog();
const CODE = 'DEMO-VALBOUCLES';

const named = (p: Party): p is Extract<Party, { disclosed: true }> => p.disclosed;

/** Rejects with an HTTP error of that status (and code, when given). */
const rejectsWith = (p: Promise<unknown>, status: number, code?: string) =>
  assert.rejects(p, (e: unknown) => e instanceof AppError && e.status === status && (code === undefined || e.code === code));
/** Rejects with a validation error naming that field. */
const rejectsOn = (p: Promise<unknown>, path: string) =>
  assert.rejects(p, (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path === path));

test('distances are rounded so that they do not pinpoint a site, and the description names no one', () => {
  assert.deepEqual([0.2, 1.4, 3.6, 9.4, 9.6, 12.4, 12.6, 31].map(roundedDistanceKm), [1, 1, 4, 9, 10, 10, 15, 30]);
  const d = anonymousDescription({ kind: 'company', nafCode: '10.71C' }, 3.6);
  assert.equal(d.fr, 'une entreprise du secteur « Industries alimentaires » à environ 4 km');
  assert.equal(d.en, 'a company in the “Manufacturing” sector about 4 km away');
  assert.equal(anonymousDescription({ kind: 'association', nafCode: null }, 0.3).en, 'an association less than 1 km away');
});

for (const target of testDatabases()) {
  describe(`synergy follow-up on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let services: Services;
    let all: SynergyItem[];
    /** A synergy between two different actors, and those actors. */
    let pick: SynergyItem;
    let supplierId: string;
    let receiverId: string;
    let facilitator: Principal;
    let supplierContributor: Principal;
    let receiverContributor: Principal;
    let outsider: Principal;
    let reader: Principal;
    let apiKey: Principal;
    let n = 0;

    async function principal(role: Role, actorId?: string): Promise<Principal> {
      n += 1;
      const user = await services.accounts.createUser(SYSTEM, { email: `personne${n}@example.org`, displayName: `Personne Numéro${n}` });
      await services.accounts.grantRole(SYSTEM, CODE, { userId: user.id, role, actorId: actorId ?? null });
      const { token } = await services.accounts.startSession(user.id);
      const live = await services.accounts.fromSession(token);
      assert.ok(live);
      return live.principal;
    }

    /** Synergies between two different actors, not followed yet. */
    async function freshPairs(count: number): Promise<SynergyItem[]> {
      const list = (await services.followUp.synergies(SYSTEM, CODE)).items;
      const found = list
        .filter((s) => s.caseId === null && named(s.supplier) && named(s.receiver) && s.supplier.actorId !== s.receiver.actorId)
        .slice(0, count);
      assert.equal(found.length, count, 'the demo has enough synergies');
      return found;
    }

    /** Every ID and name of the territory's records that must not appear, except those of the actors given. */
    async function secretsExcept(...actorIds: string[]): Promise<string[]> {
      const keep = [...actorIds];
      const rows = await db.query<{ v: string }>(
        `SELECT a.id::text AS v FROM actor a JOIN territory t ON t.id = a.territory_id WHERE t.code = $1 AND NOT (a.id::text = ANY($2::text[]))
         UNION ALL SELECT a.name FROM actor a JOIN territory t ON t.id = a.territory_id WHERE t.code = $1 AND NOT (a.id::text = ANY($2::text[]))
         UNION ALL SELECT a.siret FROM actor a JOIN territory t ON t.id = a.territory_id WHERE t.code = $1 AND a.siret IS NOT NULL AND NOT (a.id::text = ANY($2::text[]))
         UNION ALL SELECT s.id::text FROM site s JOIN territory t ON t.id = s.territory_id WHERE t.code = $1 AND NOT (s.actor_id::text = ANY($2::text[]))
         UNION ALL SELECT f.id::text FROM flow f JOIN site s ON s.id = f.site_id JOIN territory t ON t.id = f.territory_id WHERE t.code = $1 AND NOT (s.actor_id::text = ANY($2::text[]))`,
        [CODE, keep],
      );
      return rows.map((r) => r.v);
    }

    function assertNoneIn(json: string, secrets: readonly string[], what: string): void {
      for (const s of secrets) assert.ok(!json.includes(s), `${what} shows ${s}`);
    }

    before(async () => {
      ({ db, dispose } = await target.open());
      const built = await buildApp({ db, reference });
      app = built.app;
      services = built.services;
      await services.territoryDocuments.importNew(SYSTEM, readDemoDocument());
      await services.analyses.run(SYSTEM, CODE, { objective: 'co2' });
      all = (await services.followUp.synergies(SYSTEM, CODE)).items;
      const first = all.find((s) => named(s.supplier) && named(s.receiver) && s.supplier.actorId !== s.receiver.actorId);
      assert.ok(first && named(first.supplier) && named(first.receiver));
      pick = first;
      supplierId = first.supplier.actorId;
      receiverId = first.receiver.actorId;
      facilitator = await principal('facilitator');
      supplierContributor = await principal('contributor', supplierId);
      receiverContributor = await principal('contributor', receiverId);
      const third = all
        .flatMap((s) => [s.supplier, s.receiver])
        .find((p) => named(p) && p.actorId !== supplierId && p.actorId !== receiverId);
      assert.ok(third && named(third));
      outsider = await principal('contributor', third.actorId);
      reader = await principal('reader');
      const key = await services.accounts.createApiKey(SYSTEM, CODE, 'open data');
      const territoryId = (await db.query<{ id: string }>('SELECT id FROM territory WHERE code = $1', [CODE]))[0]?.id;
      assert.ok(territoryId);
      apiKey = { kind: 'apiKey', keyId: key.id, territoryId };
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    test('facilitators see every synergy of the latest analysis with names, one per pair of flows, all detected', async () => {
      assert.ok(all.length > 5);
      assert.ok(
        all.every((s) => s.status === 'detected' && s.caseId === null && s.supplier.disclosed && s.receiver.disclosed && s.role === null),
      );
      assert.ok(
        all.every((s) => s.id.includes('>')),
        'facilitators get the analysis IDs',
      );
      assert.equal(new Set(all.map((s) => s.id.split('@')[0])).size, all.length);
      const mine = (await services.followUp.synergies(facilitator, CODE)).items;
      assert.deepEqual(mine, all);
    });

    test('a contributor sees only its own synergies, with the counterpart anonymous and no counterpart ID anywhere in the JSON', async () => {
      const list = await services.followUp.synergies(supplierContributor, CODE);
      const own = all.filter(
        (s) => (named(s.supplier) && s.supplier.actorId === supplierId) || (named(s.receiver) && s.receiver.actorId === supplierId),
      );
      assert.equal(list.total, own.length);
      assert.ok(list.total > 0);
      for (const s of list.items) {
        const mine = s.role === 'supplier' ? s.supplier : s.receiver;
        const other = s.role === 'supplier' ? s.receiver : s.supplier;
        assert.ok(named(mine) && mine.actorId === supplierId);
        assert.equal(other.disclosed, false);
        if (!other.disclosed) assert.match(other.description.fr, /^(une?|un) .+ à (environ \d+ km|moins de 1 km)$/);
        assert.ok(!s.id.includes('>'), 'no flow ID in the synergy ID');
        assert.ok(Number.isInteger(s.distanceKm) && (s.distanceKm < 10 || s.distanceKm % 5 === 0));
      }
      assertNoneIn(JSON.stringify(list), await secretsExcept(supplierId), 'the contributor’s list');
      // The same opaque IDs at every request.
      assert.deepEqual(
        (await services.followUp.synergies(supplierContributor, CODE)).items.map((s) => s.id),
        list.items.map((s) => s.id),
      );
    });

    test('disclosure needs both consents and withdrawal hides the name again', async () => {
      const opened = await services.followUp.openCase(facilitator, CODE, { synergyId: pick.id, status: 'proposed' });
      assert.equal(opened.status, 'proposed');
      assert.ok(opened.proposedAt);
      const view = async (who: Principal): Promise<SynergyCase> => services.followUp.getCase(who, CODE, opened.id);
      const counterpartOf = (c: SynergyCase): Party => (c.role === 'supplier' ? c.receiver : c.supplier);

      let bySupplier = await view(supplierContributor);
      assert.equal(bySupplier.role, 'supplier');
      assert.equal(counterpartOf(bySupplier).disclosed, false);
      assertNoneIn(JSON.stringify(bySupplier), await secretsExcept(supplierId), 'the supplier’s case');

      // One consent is not enough.
      bySupplier = await services.followUp.consent(supplierContributor, CODE, opened.id, 'supplier');
      assert.equal(counterpartOf(bySupplier).disclosed, false);
      assert.equal(counterpartOf(await view(receiverContributor)).disclosed, false);
      // A contributor cannot consent for the other side.
      await rejectsWith(services.followUp.consent(supplierContributor, CODE, opened.id, 'receiver'), 403, 'forbidden');

      const byReceiver = await services.followUp.consent(receiverContributor, CODE, opened.id, 'receiver');
      assert.deepEqual(counterpartOf(byReceiver), { disclosed: true, actorId: supplierId, name: (pick.supplier as { name: string }).name });
      bySupplier = await view(supplierContributor);
      assert.ok(bySupplier.disclosed);
      assert.deepEqual(counterpartOf(bySupplier), pick.receiver);
      const listed = (await services.followUp.synergies(supplierContributor, CODE)).items.find((s) => s.caseId === opened.id);
      assert.deepEqual(listed?.receiver, pick.receiver);
      // Consent is between the parties: readers still see no one.
      const byReader = await view(reader);
      assert.ok(!byReader.supplier.disclosed && !byReader.receiver.disclosed);

      const withdrawn = await services.followUp.withdrawConsent(receiverContributor, CODE, opened.id, 'receiver');
      assert.equal(counterpartOf(withdrawn).disclosed, false);
      assert.ok(withdrawn.consents.some((c) => c.side === 'receiver' && c.withdrawnAt !== null));
      assert.equal(counterpartOf(await view(supplierContributor)).disclosed, false);
      assert.equal(
        (await services.followUp.synergies(supplierContributor, CODE)).items.find((s) => s.caseId === opened.id)?.receiver.disclosed,
        false,
      );

      // A facilitator records the receiver's renewed consent on its behalf.
      const renewed = await services.followUp.consent(facilitator, CODE, opened.id, 'receiver');
      assert.ok(renewed.disclosed);
      assert.ok(renewed.consents.every((c) => c.actorId !== undefined && c.withdrawnAt === null));

      // A contributor of another actor, or anyone asking for a case that does not exist: the same 404.
      const missing = await services.followUp.getCase(outsider, CODE, '00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
      const hidden = await services.followUp.getCase(outsider, CODE, opened.id).catch((e: unknown) => e);
      assert.ok(missing instanceof AppError && hidden instanceof AppError);
      assert.equal(hidden.status, 404);
      assert.deepEqual([hidden.code, hidden.text], [missing.code, missing.text]);
      await rejectsWith(services.followUp.consent(outsider, CODE, opened.id, 'supplier'), 404);
      await rejectsWith(services.followUp.consent(reader, CODE, opened.id, 'supplier'), 403);
    });

    test('a reader sees no actor ID or name', async () => {
      const list = await services.followUp.synergies(reader, CODE);
      assert.equal(list.total, all.length);
      assert.ok(list.items.every((s) => !s.supplier.disclosed && !s.receiver.disclosed && s.quantity === null && s.role === null));
      const secrets = await secretsExcept();
      assertNoneIn(JSON.stringify(list), secrets, 'the reader’s list');
      const caseId = list.items.find((s) => s.caseId !== null)?.caseId;
      assert.ok(caseId);
      const c = await services.followUp.getCase(reader, CODE, caseId);
      assert.ok(c.consents.every((x) => x.actorId === undefined));
      assertNoneIn(JSON.stringify(c), secrets, 'the reader’s case');
      // Public API keys see nothing of the follow-up.
      await rejectsWith(services.followUp.synergies(apiKey, CODE), 403, 'forbidden');
      await rejectsWith(services.followUp.getCase(apiKey, CODE, caseId), 403, 'forbidden');
      await rejectsWith(services.followUp.pipeline(apiKey, CODE), 403, 'forbidden');
    });

    test('status transitions and abandon reasons are validated', async () => {
      const [s] = await freshPairs(1);
      assert.ok(s);
      await rejectsWith(services.followUp.openCase(supplierContributor, CODE, { synergyId: s.id }), 403);
      await rejectsWith(services.followUp.openCase(facilitator, CODE, { synergyId: 'nope>nope@rule' }), 404);
      const c = await services.followUp.openCase(facilitator, CODE, { synergyId: s.id });
      assert.equal(c.status, 'detected');
      await rejectsWith(services.followUp.openCase(facilitator, CODE, { synergyId: s.id }), 409);
      const update = (patch: Parameters<Services['followUp']['updateCase']>[3]) =>
        services.followUp.updateCase(facilitator, CODE, c.id, patch);

      // Forward several steps at once: each step gets its date.
      const talking = await update({ status: 'in_discussion', comment: 'Réunion le 12' });
      assert.equal(talking.status, 'in_discussion');
      assert.ok(talking.proposedAt && talking.discussionAt && !talking.implementationStartedAt);
      await rejectsWith(update({ status: 'proposed' }), 400, 'invalid_transition');
      await rejectsWith(update({ status: 'detected' }), 400, 'invalid_transition');
      await rejectsOn(update({ status: 'abandoned' }), 'abandonReason');
      await rejectsOn(update({ status: 'abandoned', abandonReason: 'other' }), 'abandonComment');
      await rejectsOn(update({ status: 'abandoned', abandonReason: 'weather' as 'other' }), 'abandonReason');
      await rejectsOn(update({ abandonReason: 'cost' }), 'abandonReason');
      await rejectsWith(services.followUp.updateCase(supplierContributor, CODE, c.id, { status: 'abandoned', abandonReason: 'cost' }), 403);

      const dropped = await update({ status: 'abandoned', abandonReason: 'cost', abandonComment: 'Transport trop cher' });
      assert.equal(dropped.abandonReason, 'cost');
      assert.ok(dropped.abandonedAt && dropped.discussionAt, 'the steps reached stay dated');
      await rejectsWith(update({ status: 'in_discussion' }), 400, 'invalid_transition');
      // Reopening goes back to proposed, and forgets the reason.
      const reopened = await update({ status: 'proposed' });
      assert.equal(reopened.status, 'proposed');
      assert.equal(reopened.abandonReason, null);
      assert.equal(reopened.abandonedAt, null);
      const done = await update({ status: 'implemented' });
      assert.ok(done.implementationStartedAt && done.implementedAt);
      await rejectsWith(update({ status: 'abandoned', abandonReason: 'trust' }), 400, 'invalid_transition');
      assert.deepEqual(
        done.events.map((e) => [e.fromStatus, e.toStatus]),
        [
          [null, 'detected'],
          ['detected', 'in_discussion'],
          ['in_discussion', 'abandoned'],
          ['abandoned', 'proposed'],
          ['proposed', 'implemented'],
        ],
      );
      assert.equal(done.events[1]?.comment, 'Réunion le 12');
    });

    test('verified impacts are kept beside estimated ones', async () => {
      const [s] = await freshPairs(1);
      assert.ok(s && named(s.supplier));
      const owner = services.accounts;
      const ownerUser = await owner.createUser(SYSTEM, { email: 'charge@example.org', displayName: 'Chargée de mission' });
      await owner.grantRole(SYSTEM, CODE, { userId: ownerUser.id, role: 'facilitator' });
      const c = await services.followUp.openCase(facilitator, CODE, { synergyId: s.id, status: 'proposed' });
      const estimated = c.estimated;
      assert.ok('synergyId' in estimated && estimated.synergyId === s.id);
      assert.equal(estimated.impacts.co2eAvoidedT, s.impacts.co2eAvoidedT);
      assert.equal(estimated.impacts.tonnesDiverted, s.impacts.tonnesDiverted);
      assert.deepEqual(estimated.quantity && { value: estimated.quantity.value, unit: estimated.quantity.unit }, s.quantity);

      const measured = {
        tonnesDiverted: 12.5,
        co2eAvoidedT: 3.2,
        savingsEur: { supplier: 1800, receiver: 400 },
        jobs: 0.5,
        waterM3: 0,
        comment: 'Pesées du 1er semestre',
      };
      await rejectsOn(services.followUp.updateCase(facilitator, CODE, c.id, { verifiedImpacts: measured }), 'verifiedImpacts');
      await rejectsOn(
        services.followUp.updateCase(facilitator, CODE, c.id, {
          status: 'being_implemented',
          verifiedImpacts: { ...measured, tonnesDiverted: -1 },
        }),
        'verifiedImpacts.tonnesDiverted',
      );
      await rejectsOn(
        services.followUp.updateCase(facilitator, CODE, c.id, { ownerUserId: (supplierContributor as { userId: string }).userId }),
        'ownerUserId',
      );
      const updated = await services.followUp.updateCase(facilitator, CODE, c.id, {
        status: 'being_implemented',
        verifiedImpacts: measured,
        ownerUserId: ownerUser.id,
        nextSteps: 'Appeler M. Jean Dupont',
        nextStepDue: '2026-09-30',
        notes: 'Contact : jean.dupont@example.org',
      });
      assert.equal(updated.status, 'being_implemented');
      assert.deepEqual(updated.estimated, estimated, 'the estimate is kept as it was');
      assert.ok(updated.verifiedImpacts && updated.verifiedImpacts.recordedAt);
      const { recordedAt: _at, ...figures } = updated.verifiedImpacts;
      assert.deepEqual(figures, measured);
      assert.deepEqual(updated.owner, { id: ownerUser.id, displayName: 'Chargée de mission' });
      assert.equal(updated.nextStepDue, '2026-09-30');
      assert.equal((await services.followUp.getCase(SYSTEM, CODE, c.id)).notes, 'Contact : jean.dupont@example.org');

      // The supplier's contributor sees the figures but not the receiver's savings, nor the facilitators' free text.
      const mine = await services.followUp.getCase(await principal('contributor', s.supplier.actorId), CODE, c.id);
      assert.deepEqual(mine.verifiedImpacts?.savingsEur, { supplier: 1800 });
      assert.equal(mine.verifiedImpacts?.tonnesDiverted, 12.5);
      assert.equal(mine.verifiedImpacts?.comment, undefined);
      assert.equal(mine.notes, null);
      assert.equal(mine.nextSteps, null);
      assert.deepEqual(mine.owner, { id: ownerUser.id, displayName: 'Chargée de mission' });
      assert.ok(!('figures' in mine.estimated) && !('synergyId' in mine.estimated));
      assert.equal(mine.estimated.impacts.savingsEur.receiver, null);
    });

    test('the pipeline counts and conversion', async () => {
      const before = await services.followUp.pipeline(facilitator, CODE);
      const total = before.total;
      assert.equal(total, all.length);
      assert.equal(
        Object.values(before.counts).reduce((a, b) => a + b, 0),
        total,
      );
      assert.equal(before.reached.detected, total);

      const [a, b] = await freshPairs(2);
      assert.ok(a && b);
      const ca = await services.followUp.openCase(facilitator, CODE, { synergyId: a.id });
      await services.followUp.updateCase(facilitator, CODE, ca.id, { status: 'implemented' });
      const cb = await services.followUp.openCase(facilitator, CODE, { synergyId: b.id, status: 'in_discussion' });
      await services.followUp.updateCase(facilitator, CODE, cb.id, { status: 'abandoned', abandonReason: 'distance' });

      const p = await services.followUp.pipeline(facilitator, CODE);
      assert.equal(p.total, total);
      assert.equal(p.counts.detected, before.counts.detected - 2);
      assert.equal(p.counts.implemented, before.counts.implemented + 1);
      assert.equal(p.counts.abandoned, before.counts.abandoned + 1);
      assert.equal(p.abandonReasons.distance, before.abandonReasons.distance + 1);
      assert.equal(p.reached.in_discussion, before.reached.in_discussion + 2, 'the abandoned one had reached discussion');
      assert.equal(p.reached.being_implemented, before.reached.being_implemented + 1);
      assert.equal(p.reached.implemented, p.counts.implemented);
      assert.equal(p.conversion.detectedToImplemented, p.counts.implemented / total);
      for (let i = 1; i < 5; i++) {
        const steps = ['detected', 'proposed', 'in_discussion', 'being_implemented', 'implemented'] as const;
        assert.ok(p.reached[steps[i - 1] ?? 'detected'] >= p.reached[steps[i] ?? 'implemented']);
      }
      // Readers see the same counts.
      assert.deepEqual(await services.followUp.pipeline(reader, CODE), p);
      // Filtered lists agree with the counts.
      assert.equal((await services.followUp.synergies(facilitator, CODE, { status: 'implemented' })).total, p.counts.implemented);
    });

    test('every change is in the audit log without personal data', async () => {
      const log = await services.audit.list(SYSTEM, CODE, { limit: 1000, offset: 0 });
      const events = log.items.filter((e) => e.entity === 'synergy_case');
      const actions = new Set(events.map((e) => e.action));
      for (const a of ['create', 'update', 'disclose', 'withdraw']) assert.ok(actions.has(a), `an audit event ${a}`);
      assert.ok(events.every((e) => e.entityId && e.territoryCode === CODE));
      const updates = events.filter((e) => e.action === 'update');
      assert.ok(updates.some((e) => (e.details.fields as string[]).includes('verifiedImpacts')));
      assert.ok(updates.some((e) => e.details.toStatus === 'abandoned' && e.details.abandonReason === 'cost'));
      const facilitatorId = (facilitator as { userId: string }).userId;
      assert.ok(events.some((e) => e.userId === facilitatorId));
      const details = JSON.stringify(events.map((e) => e.details));
      const people = await db.query<{ email: string; display_name: string }>('SELECT email, display_name FROM app_user');
      const actorNames = await db.query<{ name: string }>('SELECT name FROM actor');
      for (const text of [
        ...people.flatMap((p) => [p.email, p.display_name]),
        ...actorNames.map((a) => a.name),
        'Dupont',
        'Réunion le 12',
        'Transport trop cher',
        'Pesées',
      ]) {
        assert.ok(!details.includes(text), `the audit log holds ${text}`);
      }
      // A case's events are there too: every change made one.
      const cases = await db.query<{ id: string; n: number }>(
        'SELECT c.id, (SELECT count(*)::int FROM synergy_case_event e WHERE e.case_id = c.id) AS n FROM synergy_case c',
      );
      for (const c of cases) {
        const audited = events.filter((e) => e.entityId === c.id && (e.action === 'create' || e.action === 'update')).length;
        assert.equal(c.n, audited, `events and audit entries of case ${c.id}`);
      }
    });

    test('the routes answer as docs/access.md says', async () => {
      const admin = await signedIn(app, services);
      const list = await admin.json<{ items: SynergyItem[]; total: number }>('GET', `/api/territories/${CODE}/synergies`);
      assert.equal(list.status, 200);
      assert.equal(list.body.total, all.length);
      const [s] = await freshPairs(1);
      assert.ok(s);
      const created = await admin.json<SynergyCase>('POST', `/api/territories/${CODE}/synergy-cases`, {
        synergyId: s.id,
        status: 'proposed',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const patched = await admin.json<SynergyCase>('PATCH', `/api/territories/${CODE}/synergy-cases/${id}`, {
        status: 'abandoned',
        abandonReason: 'timing',
        comment: 'Pas avant 2027',
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.abandonReason, 'timing');
      const bad = await admin.json<{ issues: { path: string }[] }>('PATCH', `/api/territories/${CODE}/synergy-cases/${id}`, {
        verifiedImpacts: { jobs: -2 },
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.issues.some((i) => i.path === 'verifiedImpacts.jobs'));
      const consent = await admin.json<SynergyCase>('POST', `/api/territories/${CODE}/synergy-cases/${id}/consent`, { side: 'supplier' });
      assert.equal(consent.status, 200, JSON.stringify(consent.body));
      const withdrawn = await admin.json<SynergyCase>('DELETE', `/api/territories/${CODE}/synergy-cases/${id}/consent/supplier`);
      assert.equal(withdrawn.status, 200);
      assert.ok(withdrawn.body.consents[0]?.withdrawnAt);
      const got = await admin.json<SynergyCase>('GET', `/api/territories/${CODE}/synergy-cases/${id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.events.length, 2);
      const pipeline = await admin.json<{ counts: Record<string, number> }>('GET', `/api/territories/${CODE}/pipeline`);
      assert.equal(pipeline.status, 200);
      assert.ok((pipeline.body.counts.abandoned ?? 0) >= 1);
      const filtered = await admin.json<{ items: SynergyItem[] }>('GET', `/api/territories/${CODE}/synergies?status=abandoned`);
      assert.ok(filtered.body.items.every((i) => i.status === 'abandoned'));

      const readerClient = await signedIn(app, services, { roles: [{ territoryCode: CODE, role: 'reader' }] });
      const anonymous = await readerClient.json<SynergyCase>('GET', `/api/territories/${CODE}/synergy-cases/${id}`);
      assert.equal(anonymous.status, 200);
      assertNoneIn(JSON.stringify(anonymous.body), await secretsExcept(), 'the reader’s case over HTTP');
      assert.equal((await readerClient.json('PATCH', `/api/territories/${CODE}/synergy-cases/${id}`, { notes: 'x' })).status, 403);
      assert.equal((await readerClient.json('GET', '/api/territories/NOPE/pipeline')).status, 404);
    });

    test('erasing a person’s data also removes their e-mail address from the follow-up’s notes and comments', async () => {
      const s = (await services.followUp.synergies(facilitator, CODE, { status: 'detected' })).items[0];
      assert.ok(s);
      const c = await services.followUp.openCase(facilitator, CODE, { synergyId: s.id, status: 'proposed' });
      const email = 'marc.dupont@example.org';
      await services.followUp.updateCase(facilitator, CODE, c.id, {
        notes: `Appeler Marc.Dupont@example.org avant le 12`,
        nextSteps: `écrire à ${email}`,
        status: 'in_discussion',
        comment: `vu avec ${email}`,
      });
      const erased = await services.privacy.erase(SYSTEM, email);
      assert.equal(erased.followUpTexts, 2);
      const after = await services.followUp.getCase(facilitator, CODE, c.id);
      assert.equal(after.notes, 'Appeler [adresse effacée] avant le 12');
      assert.equal(after.nextSteps, 'écrire à [adresse effacée]');
      assert.ok(after.events.every((e) => !JSON.stringify(e).toLowerCase().includes(email)));
    });
  });
}
