import { runMain, startService } from '@mercato/chassis';
import { authService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(authService), { service: 'auth' });
