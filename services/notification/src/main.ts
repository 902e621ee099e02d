import { runMain, startService } from '@mercato/chassis';
import { notificationService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(notificationService), { service: 'notification' });
