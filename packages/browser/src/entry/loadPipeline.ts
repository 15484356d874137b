import type { PipelineExports } from './types';

let loaded: PipelineExports | undefined;

/**
 * Loads the pipeline module (`faultline-pipeline`, a chunk of its own in bundlers that split code). The
 * one `import()` of it: `init` and the lazy exports share the chunk and, once it arrived, the module.
 */
export function loadPipeline(): Promise<PipelineExports> {
  return import('../faultline-pipeline').then((module) => (loaded = module));
}

/** The pipeline module if it has arrived (then what needs it runs synchronously, as without the split). */
export const loadedPipeline = (): PipelineExports | undefined => loaded;
