export * from './i18n.js';
export * from './siret.js';
export * from './geo.js';
export * from './units.js';
export * from './model.js';
export * from './validation.js';
export * from './schemas.js';
export * from './references.js';
