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
export { createSteppedClock } from './createSteppedClock';
export type { SteppedClock } from './createSteppedClock';
export { journalLeftBehind } from './journalLeftBehind';
export { assertValidLokiPush } from './assertValidLokiPush';
export type { LokiStream } from './assertValidLokiPush';
export { startReceiverProcess } from './startReceiverProcess';
export type {
  ReceiverProcess,
  ReceiverStats,
  ReceiverStep,
  ReceivedEvent,
  ReceivedRequestRecord,
  ReceivedBody,
} from './startReceiverProcess';
export { sessionShape } from './sessionShape';
export { compareSurface, countStatuses, listExports, shapeMismatch } from './sentrySurface/compareSurface';
export type { ExportShape, PackageSurface, Status, SurfaceRow } from './sentrySurface/compareSurface';
export { ABSENT, inertExports } from './sentrySurface/surfaceData';
export type { SurfacePackage } from './sentrySurface/surfaceData';
export { surfaceNotes, surfaceTableRow } from './sentrySurface/renderSurface';
export { describeSentrySurface } from './sentrySurface/describeSentrySurface';
export { CANARY, CANARY_QUERY, CANARY_TEXT, canaryData, describeLeaks, findLeaks } from './privacyCanaries';
export { dashboardPath, dashboardQueries, interpolate, readDashboard } from './dashboardQueries';
export type { DashboardQuery } from './dashboardQueries';
