import { runMain, startService } from '@mercato/chassis';
import { catalogService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(catalogService), { service: 'catalog' });
