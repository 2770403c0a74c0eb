export * from './status.js';
export * from './anonymity.js';
