/**
 * Builders and a hand-computed example territory for the metabolism tests (not exported by the
 * engine's index). The figures of `EXAMPLE` are worked out by hand in `indicators.test.ts`.
 */
import type { FateMode } from '../model.js';
import type { Family, MetabolismAggregate, MetabolismFlow, MetabolismInput } from './types.js';

export function output(
  id: string,
  resourceCode: string,
  value: number | null,
  unit: string,
  fate: { mode: FateMode; local?: boolean; partner?: string } | null,
  wasteCode: string | null = null,
): MetabolismFlow {
  return {
    id,
    actorId: `actor-${id}`,
    direction: 'output',
    resourceCode,
    wasteCode,
    annualQuantity: value === null ? null : { value, unit },
    currentFate: fate,
    currentOrigin: null,
  };
}

export function input(
  id: string,
  resourceCode: string,
  value: number | null,
  unit: string,
  origin: { recycled: boolean; local: boolean; partner?: string } | null,
): MetabolismFlow {
  return {
    id,
    actorId: `actor-${id}`,
    direction: 'input',
    resourceCode,
    wasteCode: null,
    annualQuantity: value === null ? null : { value, unit },
    currentFate: null,
    currentOrigin: origin,
  };
}

export function aggregate(
  id: string,
  kind: MetabolismAggregate['kind'],
  family: Family,
  value: number,
  unit: string,
  more: Partial<Pick<MetabolismAggregate, 'origin' | 'destination' | 'partner' | 'resourceCode'>> = {},
): MetabolismAggregate {
  return {
    id,
    label: id,
    kind,
    family,
    resourceCode: more.resourceCode ?? null,
    annualQuantity: { value, unit },
    origin: more.origin ?? null,
    destination: more.destination ?? null,
    partner: more.partner ?? null,
    year: 2024,
    source: { title: 'test' },
    estimate: true,
  };
}

/**
 * Material layer (t). Outputs — all with a fate, hence wastes — o1 40 recovered inside, o2 20
 * recovered outside (to EPCI-B), o3 10 recovered at an unknown place, o4 20 landfilled, o5 10
 * incinerated; o6 15 agrifood by-products without fate (unknown). Inputs: i1 30 minerals local,
 * i2 60 minerals from EPCI-B, i3 30 ferrous metals from EPCI-C, i4 10 clean wood local and recycled.
 * Energy: i5 100 MWh of heat from outside, partner unknown. Not counted: i6 (500 pallets, unit),
 * i7 (no quantity). Aggregates: extraction 50 t of minerals, an export of 25 t of manufactured
 * goods to EPCI-B (destination not given), a stock addition of 5 t of minerals.
 */
export const EXAMPLE: MetabolismInput = {
  flows: [
    output('o1', 'material.paper_cardboard', 40, 't', { mode: 'recycling', local: true }),
    output('o2', 'material.biowaste.food_waste', 20, 't', { mode: 'composting', local: false, partner: 'EPCI-B' }),
    output('o3', 'material.wood.clean', 10, 't', { mode: 'reuse' }),
    output('o4', 'material.construction.mixed', 20, 't', { mode: 'landfill' }, '170904'),
    output('o5', 'material.plastics.mixed', 10, 't', { mode: 'incineration' }),
    output('o6', 'material.agrifood_byproducts.vegetable', 15, 't', null),
    input('i1', 'material.minerals_aggregates', 30, 't', { recycled: false, local: true }),
    input('i2', 'material.minerals_aggregates', 60, 't', { recycled: false, local: false, partner: 'EPCI-B' }),
    input('i3', 'material.metals.ferrous', 30, 't', { recycled: false, local: false, partner: 'EPCI-C' }),
    input('i4', 'material.wood.clean', 10, 't', { recycled: true, local: true }),
    input('i5', 'energy.heat.medium', 100, 'MWh', { recycled: false, local: false }),
    input('i6', 'packaging.pallets', 500, 'unit', { recycled: false, local: true }),
    input('i7', 'material.paper_cardboard', null, 't', null),
  ],
  aggregates: [
    aggregate('a1', 'extraction', 'construction_minerals', 50, 't', { resourceCode: 'material.minerals_aggregates' }),
    aggregate('a2', 'output', 'manufactured', 25, 't', { partner: 'EPCI-B' }),
    aggregate('a3', 'stock_change', 'construction_minerals', 5, 't'),
  ],
};
