export { createTestTransport } from './createTestTransport';
export type { TestTransportRecord } from './createTestTransport';
export { initForTest, resetCarrier } from './initForTest';
export { createScratchProject } from './createScratchProject';
export type { ScratchProject } from './createScratchProject';
export { startReceiver } from './startReceiver';
export type { Behavior, Receiver, ReceivedRequest } from './startReceiver';
export { makeFetchRequest } from './makeFetchRequest';
export { runJournalContract, journalRecord, openAndCollect } from './runJournalContract';
export type { MakeJournalStorage } from './runJournalContract';
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
export { sessionShape } from './sessionShape';
