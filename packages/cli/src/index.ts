export { createReceiver } from './receiver/createReceiver';
export { createReceiverStore } from './receiver/createReceiverStore';
export { createSymbolicator } from './receiver/createSymbolicator';
export { testDestinations } from './commands/testDestinations';
export { validateConfig } from './commands/validateConfig';
export type { ReceiverOptions, RunningReceiver } from './receiver/createReceiver';
export type { ReceiverStore, ReceiverStoreOptions } from './receiver/createReceiverStore';
export type { Issue, StoredLog } from './receiver/types';
export type { TestResult } from './commands/testDestinations';
