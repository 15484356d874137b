import type { JournalRecord } from '@faultline/core';

type Quantities = JournalRecord['quantities'];

/** What a frame says about its record besides the body (request headers are never part of it). */
export interface FrameHeader {
  id: string;
  createdAt: number;
  gzip: boolean;
  /** The body was bytes (replayed as a Uint8Array), not text. */
  binary: boolean;
  quantities: Quantities;
  reports?: JournalRecord['reports'];
}

const NAME = /^[a-z_]{1,32}$/;
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function validQuantities(value: unknown): value is Quantities {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([category, quantity]) => NAME.test(category) && isCount(quantity));
}

function validReports(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > 1000) return false;
  return value.every((report: Record<string, unknown>) => {
    const { reason, category, quantity } = report ?? {};
    return typeof reason === 'string' && NAME.test(reason) && typeof category === 'string' && NAME.test(category)
      ? isCount(quantity)
      : false;
  });
}

/**
 * A frame header parsed from JSON and checked field by field, or undefined: a planted or damaged file must
 * not smuggle fields or shapes the transport does not expect.
 */
export function readFrameHeader(json: string): FrameHeader | undefined {
  let header: Partial<FrameHeader> | null;
  try {
    header = JSON.parse(json) as Partial<FrameHeader> | null;
  } catch {
    return undefined;
  }
  const valid =
    typeof header === 'object' &&
    header !== null &&
    typeof header.id === 'string' &&
    header.id.length > 0 &&
    header.id.length <= 256 &&
    typeof header.createdAt === 'number' &&
    Number.isFinite(header.createdAt) &&
    typeof header.gzip === 'boolean' &&
    typeof header.binary === 'boolean' &&
    validQuantities(header.quantities) &&
    validReports(header.reports);
  return valid ? (header as FrameHeader) : undefined;
}

/** A checked frame: its header, a view of its body in the segment, and the record they make. */
export interface ReadFrame {
  header: FrameHeader;
  bytes: Buffer;
  /** Made at each read, the body copied then: a segment's records cost memory only as they are used. */
  readonly record: JournalRecord;
}

/**
 * A frame whose record is made when asked for, not when the segment is read: a replayed segment's 512
 * bodies are not all copied into strings at once (held until the last of them is taken, they outlived the
 * young generation and each replay's segments piled up in the old one, for the collector to pause on).
 */
export function readFrame<T extends object>(header: FrameHeader, bytes: Buffer, rest: T): T & ReadFrame {
  const frame = Object.assign(Object.create(FRAME) as T & ReadFrame, rest);
  frame.header = header;
  frame.bytes = bytes;
  return frame;
}

// One getter shared by every frame (a getter or descriptor per frame cost more than the frame itself).
const FRAME = {
  get record(): JournalRecord {
    const { header, bytes } = this as unknown as ReadFrame;
    return recordFrom(header, bytes);
  },
};

/** The record a header and its checked body make: only the fields a record has, the body copied. */
export function recordFrom(header: FrameHeader, bytes: Buffer): JournalRecord {
  return {
    id: header.id,
    createdAt: header.createdAt,
    // Copies: a replayed body must not keep the whole segment's buffer alive.
    body: header.binary ? new Uint8Array(bytes) : bytes.toString('utf8'),
    quantities: header.quantities,
    ...(header.gzip ? { gzip: true } : {}),
    ...(header.reports ? { reports: header.reports } : {}),
  };
}
