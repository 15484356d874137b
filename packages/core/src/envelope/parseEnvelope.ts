import type { Envelope, EnvelopeHeaders, EnvelopeItem, ItemHeaders } from './types';

/**
 * Parses a serialized envelope (one JSON document per line). Throws a clear error on anything that is
 * not an envelope; receivers and tunnels use it to refuse bad bodies.
 */
export function parseEnvelope(text: string): Envelope {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const headers = parseLine(lines[0], 'envelope header') as EnvelopeHeaders;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new Error('Envelope header is not a JSON object');
  }
  const items: EnvelopeItem[] = [];
  for (let i = 1; i < lines.length; i += 2) {
    const itemHeaders = parseLine(lines[i], `item header ${items.length}`) as ItemHeaders;
    if (typeof itemHeaders?.type !== 'string') throw new Error(`Item header ${items.length} has no type`);
    if (i + 1 >= lines.length) throw new Error(`Item ${items.length} has no payload`);
    items.push([itemHeaders, parseLine(lines[i + 1], `item payload ${items.length}`)]);
  }
  return [headers, items];
}

function parseLine(line: string | undefined, what: string): unknown {
  if (line === undefined || line === '') throw new Error(`Envelope is missing its ${what}`);
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`Envelope ${what} is not valid JSON`);
  }
}
