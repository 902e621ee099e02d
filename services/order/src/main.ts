import { runMain, startService } from '@mercato/chassis';
import { orderService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(orderService), { service: 'order' });
