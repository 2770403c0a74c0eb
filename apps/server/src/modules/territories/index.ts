/**
 * Territories and their registry: actors (SIRET), sites, resource flows, needs and aggregates,
 * with what each principal may see of them. Public interface: the registry service, the record
 * preparation other modules reuse (imports), the repositories other modules read and write within
 * their own transactions, and the geocoder.
 */
import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/http/module.js';
import { territoryDataRoutes } from './routes.js';
import type { TerritoryDataService } from './service.js';

export * from './service.js';
export * from './prepare.js';
export { TerritoryRepository } from './territories.repository.js';
export { ActorRepository } from './actors.repository.js';
export { SiteRepository } from './sites.repository.js';
export { FlowRepository } from './flows.repository.js';
export { NeedRepository } from './needs.repository.js';
export { AggregateRepository } from './aggregates.repository.js';
export { BanGeocoder, geocoderFromEnv, type Geocoder, type GeocodeResult } from './geocoder.js';
export { publicActor, publicFlow, visibleFlowFields, type ShownFlow } from './visibility.js';
export { actorSchema, aggregateSchema, flowSchema, needSchema, siteSchema, territorySchema } from './schemas.js';

export const territoriesModule = defineModule({
  name: 'territories',
  tags: [
    { name: 'territories', description: 'Territories: commune, EPCI, département, région or custom perimeter' },
    { name: 'actors', description: 'Organisations of the territory, identified by SIRET' },
    { name: 'sites', description: 'Establishments and their locations' },
    { name: 'flows', description: 'Resource flows of each site, outputs and inputs' },
    { name: 'needs', description: 'Needs that actors could share (mutualisation)' },
  ],
  routes(app: FastifyInstance, s: { territoryData: TerritoryDataService }) {
    territoryDataRoutes(app, s.territoryData);
  },
});
