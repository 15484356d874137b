// How the test receiver reads what a request carries: a Sentry envelope (gzipped or not), its events and
// client reports; or its text, for privacy tests that look for secrets in the bytes.
import { gunzipSync } from 'node:zlib';

/** Splits a Sentry envelope (item `length` honoured) into [header, [[itemHeader, payload: Buffer]]]. */
function parseEnvelope(buffer) {
  let position = 0;
  const readLine = () => {
    let end = buffer.indexOf(10, position);
    if (end < 0) end = buffer.length;
    const line = buffer.subarray(position, end);
    position = end + 1;
    return line;
  };
  const header = JSON.parse(readLine().toString('utf8') || '{}');
  const items = [];
  while (position < buffer.length) {
    const line = readLine();
    if (line.length === 0) continue;
    const itemHeader = JSON.parse(line.toString('utf8'));
    let payload;
    if (typeof itemHeader.length === 'number') {
      payload = buffer.subarray(position, position + itemHeader.length);
      position += itemHeader.length;
      if (buffer[position] === 10) position++;
    } else {
      payload = readLine();
    }
    items.push([itemHeader, payload]);
  }
  return [header, items];
}

function labelOf(event) {
  const values = event.exception?.values;
  if (Array.isArray(values) && values.length > 0) return String(values[values.length - 1]?.value ?? '');
  if (typeof event.message === 'string') return event.message;
  return String(event.message?.formatted ?? event.logentry?.message ?? '');
}

/** What a request carries: events (id, label) and client reports, or undefined when it is not an envelope. */
export function readBody(raw, gzipped) {
  try {
    const [header, items] = parseEnvelope(gzipped ? gunzipSync(raw) : raw);
    const carried = { sentAt: header.sent_at, events: [], reports: [], types: [] };
    for (const [itemHeader, payload] of items) {
      carried.types.push(itemHeader.type);
      if (itemHeader.type === 'event') {
        const event = JSON.parse(payload.toString('utf8'));
        carried.events.push({ id: event.event_id, label: labelOf(event), level: event.level, event });
      } else if (itemHeader.type === 'client_report') {
        carried.reports.push(...(JSON.parse(payload.toString('utf8')).discarded_events ?? []));
      }
    }
    return carried;
  } catch {
    return undefined;
  }
}

export function textOf(raw, gzipped) {
  try {
    return (gzipped ? gunzipSync(raw) : raw).toString('utf8');
  } catch {
    return raw.toString('utf8');
  }
}
