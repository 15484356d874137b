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
