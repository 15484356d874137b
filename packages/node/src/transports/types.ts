import type { JournalRecord } from '@faultline/core';
import type { DecodedSegment } from './decodeSegment';

/** A folder of segments: ours, or one adopted from a gone owner (removed once it holds no segment). */
export interface SegmentFolder {
  path: string;
  segments: number;
  adopted: boolean;
  /** Still being read: not removed yet even when it holds no segment for a moment. */
  loading: boolean;
}

/** One segment file and the ids of its records that are not acknowledged yet. */
export interface Segment {
  path: string;
  folder: SegmentFolder;
  count: number;
  ackOffset: number;
  live: Set<string>;
}

/** Where a record is: its segment, its index there (for its acknowledgement byte) and its frame's bytes. */
export interface Place {
  segment: Segment;
  index: number;
  offset: number;
  length: number;
}

export interface SegmentStoreOptions {
  /** Our owner folder once it exists; undefined when the journal could not be set up. */
  folder(): Promise<string | undefined>;
  fsync: boolean;
  /** A write failed: appends are refused from now on (acknowledgements are still attempted). */
  onFailure(error: unknown): void;
}

/** Records and their acknowledgements in segment files, indexed in memory; see createFileJournal. */
export interface SegmentStore {
  append(record: JournalRecord): Promise<boolean>;
  /** Writes records now as one segment; false when the folder is not set up yet or the store failed. */
  appendSync(records: JournalRecord[]): boolean;
  acknowledge(id: string): Promise<void>;
  read(id: string): Promise<string | Uint8Array | undefined>;
  /** Takes over an adopted segment's live records and returns those to replay. */
  adopt(folder: SegmentFolder, file: string, decoded: DecodedSegment): JournalRecord[];
  /** Removes a file that holds nothing to keep (unreadable as a whole). */
  discard(file: string): void;
  /** An adopted folder is fully loaded: it goes once its last segment does. */
  loaded(folder: SegmentFolder): void;
  fail(error: unknown): void;
  /** Writes what was appended before, then refuses appends and acknowledgements. */
  close(): Promise<void>;
}
