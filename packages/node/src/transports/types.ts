import type { JournalRecord } from '@faultline/core';
import type { FrameHeader, ReadFrame } from './readFrameHeader';

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
  /** The format it was written in: 2, or 1 for a segment an earlier release left (read, acknowledged, compacted). */
  format: 1 | 2;
  /** Where its acknowledgement bytes start (record i's is at ackOffset + i). */
  ackOffset: number;
  /** Its id, which a compaction of it names as its source; undefined when unknown (an older format, a damaged head). */
  id?: string;
  live: Set<string>;
}

/** Where a record is: its segment, its index there (for its acknowledgement byte) and its frame's bytes. */
export interface Place {
  segment: Segment;
  index: number;
  offset: number;
  length: number;
}

/** A frame read back: its header and body (the record made from them when asked), or what its head said when its body is damaged. */
export interface DecodedFrame {
  /** Its index in the segment, as the frame states it (version 2). */
  index?: number;
  header?: FrameHeader;
  bytes?: Buffer;
  readonly record?: JournalRecord;
  /** Quantities of a damaged frame whose head could be read. */
  quantities?: JournalRecord['quantities'];
  /** Where the next frame starts; undefined when no frame could be read at this place. */
  next?: number;
}

/** A readable frame of a segment: where it is, whether it was acknowledged, its record made when asked for. */
export type SegmentFrame = ReadFrame & { index: number; offset: number; length: number; acked: boolean };

export interface DecodedSegment {
  format: 1 | 2;
  /** The segment's id and, for a compaction, its source's (hex), when its head checks out. */
  id?: string;
  source?: string;
  count: number;
  ackOffset: number;
  /** Readable records with their place in the file and whether they were acknowledged (see readFrame). */
  frames: SegmentFrame[];
  /** One entry per unreadable record that was not acknowledged: to be counted as lost. */
  unreadable: JournalRecord['quantities'][];
  /** Something in the file is not as written: it is rewritten (or removed) rather than kept. */
  damaged: boolean;
}

export interface SegmentStoreOptions {
  /** Our owner folder once it exists; undefined when the journal cannot be set up (now). */
  folder(): Promise<string | undefined>;
  /**
   * For a process that is exiting before its folder was set up: a folder to write in synchronously, and
   * what makes it visible to the next process once written.
   */
  folderSync(): { path: string; commit(): void } | undefined;
  fsync: boolean;
  /** A write failed: appends are kept in memory from now on, until `probe()` succeeds. */
  onFailure(error: unknown): void;
}

/** Records and their acknowledgements in segment files, indexed in memory; see createFileJournal. */
export interface SegmentStore {
  append(record: JournalRecord): Promise<boolean>;
  acknowledge(id: string): Promise<void>;
  /** Acknowledges records the transport refused at replay: written with the next acknowledgements, no promise. */
  forget(ids: string[]): void;
  read(id: string): Promise<string | Uint8Array | undefined>;
  /** Takes over an adopted segment's live records and returns those to replay (each made when read). */
  adopt(folder: SegmentFolder, file: string, decoded: DecodedSegment): ReadFrame[];
  /** Removes a file that holds nothing to keep (unreadable as a whole). */
  discard(file: string): void;
  /** An adopted folder is fully loaded: it goes once its last segment does. */
  loaded(folder: SegmentFolder): void;
  fail(error: unknown): void;
  /**
   * While failing: one write (what waits in memory, else a small probe file). True when it succeeded: the
   * store writes again, starting with what it kept in memory.
   */
  probe(): Promise<boolean>;
  /** The journal may never write: what waits is answered false and dropped; appends are refused from now on. */
  abandon(): void;
  /** Our folder is gone (another process adopted it): forget what it held, write in the next one. */
  relocate(): void;
  /** Appends kept in memory, not yet written. */
  readonly waiting: number;
  /**
   * Writes synchronously what waits. The process is exiting: also what is under way and the
   * acknowledgements, into a folder made now if ours is not set up. `keepOpen` (a burst spilling bodies
   * out of memory): what waits only, into our folder; false when it is not set up yet or the disk fails.
   */
  persistSync(options?: { keepOpen?: boolean }): boolean;
  /** Writes what was appended before, then refuses appends and acknowledgements. */
  close(): Promise<void>;
}
