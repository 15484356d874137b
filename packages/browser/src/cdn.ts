// The CDN file's input (build/bundle/faultline.min.js): the package's API, with `init` and the pipeline's
// functions as they are, not through the split's machinery — one file has no second part to load.
export * from './index';
export { init } from './initInOneFile';
export { makeFetchTransport } from './transports/makeFetchTransport';
export { createIndexedDbJournal } from './transports/createIndexedDbJournal';
export { createTransport } from '@faultline/core';
