import { createMemoryStore } from '@faultline/core';
import { runStoreContract } from '@faultline/test-utils';

runStoreContract('createMemoryStore', (limits, now) => createMemoryStore(limits, now));
