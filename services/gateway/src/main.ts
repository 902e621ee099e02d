import { runMain } from '@mercato/chassis';
import { startGateway } from './gateway.js';

// Distributed mode: the gateway alone, configured by environment (see README).
await runMain(() => startGateway(), { service: 'gateway' });
