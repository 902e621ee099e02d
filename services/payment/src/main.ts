import { runMain, startService } from '@mercato/chassis';
import { paymentService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(paymentService), { service: 'payment' });
