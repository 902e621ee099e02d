export * from './ajv.js';
export * from './common.js';
export * from './countries.js';
export * from './currencies.js';
export * from './envelope.js';
export * from './ids.js';
export * from './registry.js';
