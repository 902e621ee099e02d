export * from './circuit-breaker.js';
export { errorFromResponse, UpstreamProblemError } from './response.js';
export * from './service-client.js';
