import { runMain, startService } from '@mercato/chassis';
import { reviewService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(reviewService), { service: 'review' });
