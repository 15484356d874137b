import type { QueueLimits } from './types';

/**
 * Browser-sized defaults: every body stays in memory (a page being hidden hands them off from there), at
 * 2 bytes a character. Node raises the bound and keeps less in memory (its journal is read back).
 */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = {
  maxEntries: 100,
  maxBytes: 2 * 1024 * 1024,
  ttlMs: 7 * 24 * 60 * 60 * 1000,
  maxMemoryBytes: 4 * 1024 * 1024,
};
