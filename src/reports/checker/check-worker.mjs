// Entry of a check-pool worker thread: loads the TypeScript sources through tsx (as bin/gongkai does),
// then the worker itself (check-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
