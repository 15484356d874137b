export { createTestTransport } from './createTestTransport';
export type { TestTransportRecord } from './createTestTransport';
export { initForTest, resetCarrier } from './initForTest';
export { createScratchProject } from './createScratchProject';
export type { ScratchProject } from './createScratchProject';
