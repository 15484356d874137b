import type { Client, Integration, PlatformSettings, ResolvedOptions, Scope } from '@faultline/core';
import type { BrowserOptions } from '../browserOptions';
import type * as PipelineFile from '../faultline-pipeline';

/**
 * What a record asks the pipeline to do: a `Client` method called before the pipeline arrived. An
 * integration whose entry half records something for the pipeline adds its kind here and in
 * `pipeline/startPipeline.ts` (`runRecord`).
 */
export type RecordKind =
  | 'captureException'
  | 'captureMessage'
  | 'captureEvent'
  | 'captureLog'
  | 'sendEnvelope'
  /** A page's session starts (page load, navigation): `browserSessionIntegration`, run by `startPageSession`. */
  | 'startSession';

/** What the entry's client has beyond a `Client`: it records a page session's start for the pipeline. */
export interface SessionMarks {
  /**
   * A page's session starts now: recorded with its time, in order with the captures around it, until the
   * pipeline arrives (this does not ask for it sooner), which starts it then; at once after that.
   */
  markSession(): void;
}

/** The global, isolation and current scopes at the moment of a call (clones: later changes do not reach them). */
export type ScopeSnapshot = [global: Scope, isolation: Scope, current: Scope];

/** One call recorded before the pipeline arrived: what it had, fixed at that moment. */
export interface CaptureRecord {
  kind: RecordKind;
  /** The call's arguments (for a capture: the value, the hint with the event id given back to the caller). */
  args: unknown[];
  /** Milliseconds since the epoch, when the call was made. */
  time: number;
  scopes: ScopeSnapshot;
}

/** What the entry hands the pipeline when it arrives. */
export interface EntryHandle {
  /** The options `init` was given, unchecked: the pipeline validates them. */
  options: BrowserOptions;
  /** The integrations `init` resolved and set up, in order. */
  integrations: Integration[];
  platform: PlatformSettings;
  /** The entry's client: it stays the current one (sessions and other per-client state are keyed by it). */
  entry: Client;
}

/** The pipeline, once it arrived: the client that builds and sends, and how it runs a recorded call. */
export interface Pipeline {
  client: Client;
  /** Processes a record now, with its own time and scopes. */
  run(record: CaptureRecord): void;
}

/** The pipeline module, `pipeline/startPipeline.ts`, loaded by `import()`. */
export interface PipelineModule {
  startPipeline(handle: EntryHandle): Pipeline;
}

/** Everything `faultline-pipeline.ts` exports: `startPipeline`, and what `lazyExports.ts` reaches through it. */
export type PipelineExports = typeof PipelineFile;

/** The options the entry works with before the pipeline validated them (defaults filled in). */
export type EntryOptions = BrowserOptions & ResolvedOptions;
