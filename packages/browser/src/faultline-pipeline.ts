// The module `init` loads with import(): its own file so that bundlers name the chunk after it
// (`faultline-pipeline-<hash>.js`), which is what the README tells a page to preload.
export { startPipeline } from './pipeline/startPipeline';
// What the package index exports through lazyExports.ts (their code is the pipeline's).
export { createTransport } from '@faultline/core';
export { makeFetchTransport } from './transports/makeFetchTransport';
export { createIndexedDbJournal } from './transports/createIndexedDbJournal';
