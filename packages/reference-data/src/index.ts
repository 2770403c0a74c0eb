export * from './types.js';
export * from './catalog.js';
export { dataPath, demoPath } from './files.js';
