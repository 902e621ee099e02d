import { runMain, startService } from '@mercato/chassis';
import { userService } from './service.js';

// Distributed mode: this service alone, configured by environment (see README).
await runMain(() => startService(userService), { service: 'user' });
