// Territorial metabolism: flow accounts per layer, indicators, mass balance, Sankey diagrams,
// synergy scenarios and interdependencies between territories (docs/metabolism.md).
export * from './types.js';
export * from './amount.js';
export * from './labels.js';
export * from './accounts.js';
export * from './indicators.js';
export * from './balance.js';
export * from './sankey.js';
export * from './scenario.js';
export * from './interdependencies.js';
export * from './tables.js';
export * from './synthetic.js';
