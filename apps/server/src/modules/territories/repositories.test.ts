// Each repository stores a record's fields through one field → column mapping: a record written
// with every field set, and again with every optional field empty, reads back as it was written,
// by one id and among all (the bulk and staged paths write through the same mapping).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ActorData, AggregateData, FlowData, NeedData, SiteData } from '@boucles/engine';
import type { Database } from '../../platform/db/database.js';
import { testDatabases } from '../../testing/databases.js';
import { ActorRepository } from './actors.repository.js';
import { AggregateRepository } from './aggregates.repository.js';
import { FlowRepository } from './flows.repository.js';
import { NeedRepository } from './needs.repository.js';
import { SiteRepository } from './sites.repository.js';
import { TerritoryRepository } from './territories.repository.js';

const territories = new TerritoryRepository();
const actors = new ActorRepository();
const sites = new SiteRepository();
const flows = new FlowRepository();
const needs = new NeedRepository();
const aggregates = new AggregateRepository();

/** The fields of a stored record that were written, to compare with what was written. */
function written<T extends object>(record: T, data: object): Partial<T> {
  return Object.fromEntries(Object.keys(data).map((k) => [k, record[k as keyof T]])) as Partial<T>;
}

for (const target of testDatabases()) {
  describe(`records written and read back on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let territoryId: string;
    before(async () => {
      ({ db, dispose } = await target.open());
      territoryId = (
        await territories.insert(db, {
          code: 'REPOS',
          level: 'custom',
          name: 'Dépôts',
          description: null,
          fictional: true,
          communes: ['59350'],
          boundary: null,
        })
      ).id;
    });
    after(() => dispose());

    test('an actor, a site, a flow, a need and an aggregate with every field set read back as written', async () => {
      const actorData: ActorData = {
        externalId: 'A1',
        siret: '73282932000074',
        name: 'Scierie',
        nafCode: '16.10A',
        kind: 'company',
        headcountBand: '11',
        ess: false,
        contact: { name: 'Camille', email: 'c@example.org', phone: '+33 3 00 00 00 00' },
      };
      const actor = await actors.insert(db, territoryId, actorData);
      assert.deepEqual(written(actor, actorData), actorData);
      assert.equal(actor.siren, '732829320', 'the SIREN is derived by the database');
      assert.deepEqual(await actors.get(db, territoryId, actor.id), actor);

      const siteData: SiteData = {
        actorId: actor.id,
        externalId: 'S1',
        name: 'Site',
        address: '1 rue du Bois',
        communeCode: '59350',
        location: { lat: 50.6292, lon: 3.0573 },
      };
      const site = await sites.insert(db, territoryId, siteData);
      assert.deepEqual(written(site, siteData), siteData);

      const flowData: FlowData = {
        siteId: site.id,
        externalId: 'F1',
        direction: 'output',
        resourceCode: 'material.wood.clean',
        wasteCode: '030105',
        label: 'Sciure',
        quantity: { value: 10, unit: 't', period: 'month' },
        annualQuantity: { value: 120, unit: 't' },
        monthsAvailable: [1, 2, 3],
        quality: { temperatureC: 20, moisturePct: 30, purityGrade: 'high', hazardous: false },
        hazardous: false,
        currentFate: { mode: 'energy_recovery', operationCode: 'R1', local: true, partner: 'Chaufferie' },
        currentOrigin: null,
        cost: { amountEur: 20, per: 'unit-of-quantity', kind: 'cost' },
        confidentiality: { cost: 'private', label: 'territory' },
      };
      const flow = await flows.insert(db, territoryId, flowData);
      assert.deepEqual(written(flow, flowData), flowData);
      assert.equal(flow.actorId, actor.id, "a flow's actor is its site's");
      const input: FlowData = {
        ...flowData,
        externalId: 'F2',
        direction: 'input',
        currentFate: null,
        currentOrigin: { recycled: true, local: false, partner: 'Ailleurs' },
      };
      assert.deepEqual(written(await flows.insert(db, territoryId, input), input), input);

      const needData: NeedData = {
        actorId: actor.id,
        externalId: 'B1',
        category: 'purchasing',
        description: 'Achats groupés',
        resourceCode: 'material.wood',
        quantity: { value: 2, unit: 't', period: 'year' },
      };
      const need = await needs.insert(db, territoryId, needData);
      assert.deepEqual(written(need, needData), needData);

      const aggregateData: AggregateData = {
        externalId: 'G1',
        label: 'Importations',
        kind: 'input',
        family: 'agrifood',
        resourceCode: 'material.wood',
        quantity: { value: 5, unit: 't', period: 'year' },
        annualQuantity: { value: 5, unit: 't' },
        origin: 'external',
        destination: null,
        partner: 'Belgique',
        year: 2025,
        source: { title: 'Douanes', url: 'https://example.org/douanes' },
        estimate: true,
      };
      const aggregate = await aggregates.insert(db, territoryId, aggregateData);
      assert.deepEqual(written(aggregate, aggregateData), aggregateData);
    });

    test('records with every optional field empty read back empty, not as empty objects or zeros', async () => {
      const actorData: ActorData = {
        externalId: null,
        siret: null,
        name: 'Association',
        nafCode: null,
        kind: 'association',
        headcountBand: null,
        ess: true,
        contact: {},
      };
      const [created] = await actors.insertMany(db, territoryId, [actorData]);
      const actor = (await actors.all(db, territoryId)).find((a) => a.id === created?.id);
      assert.ok(actor);
      assert.deepEqual(written(actor, actorData), actorData);
      assert.equal(actor.siren, null);

      const siteData: SiteData = {
        actorId: actor.id,
        externalId: null,
        name: 'Local',
        address: null,
        communeCode: '59350',
        location: null,
      };
      const site = await sites.insert(db, territoryId, siteData);
      assert.deepEqual(written(site, siteData), siteData);

      const flowData: FlowData = {
        siteId: site.id,
        externalId: null,
        direction: 'input',
        resourceCode: 'energy.heat.medium',
        wasteCode: null,
        label: 'Chaleur',
        quantity: null,
        annualQuantity: null,
        monthsAvailable: null,
        quality: {},
        hazardous: false,
        currentFate: null,
        currentOrigin: null,
        cost: null,
        confidentiality: {},
      };
      await flows.insertMany(db, territoryId, [flowData]);
      const flow = (await flows.all(db, territoryId)).find((f) => f.siteId === site.id);
      assert.ok(flow);
      assert.deepEqual(written(flow, flowData), flowData);

      const needData: NeedData = {
        actorId: actor.id,
        externalId: null,
        category: 'skills',
        description: 'Compétences',
        resourceCode: null,
        quantity: null,
      };
      await needs.insertMany(db, territoryId, [needData]);
      const need = (await needs.all(db, territoryId)).find((n) => n.actorId === actor.id);
      assert.ok(need);
      assert.deepEqual(written(need, needData), needData);

      const aggregateData: AggregateData = {
        externalId: null,
        label: 'Ordures ménagères',
        kind: 'output',
        family: 'wastes',
        resourceCode: null,
        quantity: { value: 1200, unit: 't', period: 'year' },
        annualQuantity: { value: 1200, unit: 't' },
        origin: null,
        destination: 'incineration',
        partner: null,
        year: 2024,
        source: { title: 'Rapport annuel' },
        estimate: false,
      };
      const aggregate = await aggregates.insert(db, territoryId, aggregateData);
      assert.deepEqual(written(aggregate, aggregateData), aggregateData);
    });

    test('an update writes every field through the same mapping', async () => {
      const actor = await actors.insert(db, territoryId, {
        externalId: 'U1',
        siret: null,
        name: 'Avant',
        nafCode: null,
        kind: 'other',
        headcountBand: null,
        ess: false,
        contact: {},
      });
      const next: ActorData = {
        externalId: 'U2',
        siret: '35600000000048',
        name: 'Après',
        nafCode: '10.71C',
        kind: 'ess',
        headcountBand: 'NN',
        ess: true,
        contact: { email: 'x@example.org' },
      };
      const updated = await actors.update(db, territoryId, actor.id, next);
      assert.ok(updated);
      assert.deepEqual(written(updated, next), next);
      const site = await sites.insert(db, territoryId, {
        actorId: actor.id,
        externalId: 'SU',
        name: 'Site',
        address: null,
        communeCode: '59350',
        location: null,
      });
      const flowData: FlowData = {
        siteId: site.id,
        externalId: 'FU',
        direction: 'output',
        resourceCode: 'material.wood.clean',
        wasteCode: null,
        label: 'Chutes',
        quantity: null,
        annualQuantity: null,
        monthsAvailable: null,
        quality: {},
        hazardous: false,
        currentFate: null,
        currentOrigin: null,
        cost: null,
        confidentiality: {},
      };
      const flow = await flows.insert(db, territoryId, flowData);
      const changed: FlowData = {
        ...flowData,
        label: 'Chutes sèches',
        quantity: { value: 1, unit: 't', period: 'once' },
        quality: { moisturePct: 10 },
        currentFate: { mode: 'recycling' },
        confidentiality: { quantity: 'public' },
      };
      const after = await flows.update(db, territoryId, flow.id, changed);
      assert.ok(after);
      assert.deepEqual(written(after, changed), changed);
    });
  });
}
