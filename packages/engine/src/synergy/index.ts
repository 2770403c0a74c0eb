export * from './rules.js';
export * from './spatial.js';
export * from './candidates.js';
export * from './synthetic.js';
