export * from './circuit-breaker.js';
export * from './response.js';
export * from './service-client.js';
