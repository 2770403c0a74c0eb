export * from './types.js';
export * from './catalog.js';
export { dataPath, demoPath, loadImpactFactors } from './files.js';
export * from './mutualisation.js';
export * from './metabolism.js';
export * from './disclosure.js';
