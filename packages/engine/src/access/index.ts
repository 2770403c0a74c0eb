export * from './permissions.js';
export * from './docs.js';
