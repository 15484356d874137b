import type { FixtureServer } from '../support/startFixtureServer';

/** How many times each error (by its message) reached the receiver. */
export function arrivals(server: FixtureServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of server.events()) {
    const message: string = event.exception?.values?.at(-1)?.value ?? event.message;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return counts;
}

/** What the client reports that reached the receiver say was lost, as `reason:category` → quantity. */
export function reportedLoss(server: FixtureServer): Record<string, number> {
  const loss: Record<string, number> = {};
  for (const envelope of server.envelopes) {
    for (const [header, payload] of envelope.items) {
      if (header.type !== 'client_report') continue;
      for (const { reason, category, quantity } of payload.discarded_events) {
        loss[`${reason}:${category}`] = (loss[`${reason}:${category}`] ?? 0) + quantity;
      }
    }
  }
  return loss;
}

export const messages = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `${prefix} ${from + i}`);
