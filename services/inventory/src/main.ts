import { runMain, startService } from '@mercato/chassis';
import { inventoryService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(inventoryService), { service: 'inventory' });
