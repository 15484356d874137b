export { createTestTransport } from './createTestTransport';
export type { TestTransportRecord } from './createTestTransport';
export { initForTest, resetCarrier } from './initForTest';
export { createScratchProject } from './createScratchProject';
export type { ScratchProject } from './createScratchProject';
export { startReceiver } from './startReceiver';
export type { Behavior, Receiver, ReceivedRequest } from './startReceiver';
export { makeFetchRequest } from './makeFetchRequest';
export { runJournalContract } from './runJournalContract';
export { collectingSink, journalRecord, openAndCollect } from './collectingSink';
export type { JournalFaults, MakeJournalStorage, OpenJournal } from './journalFaultCases';
export { createMemoryJournal } from './createMemoryJournal';
export { assertValidLokiPush } from './assertValidLokiPush';
export type { LokiStream } from './assertValidLokiPush';
export { startReceiverProcess } from './startReceiverProcess';
export type {
  ReceiverProcess,
  ReceiverStats,
  ReceiverStep,
  ReceivedEvent,
  ReceivedRequestRecord,
} from './startReceiverProcess';
