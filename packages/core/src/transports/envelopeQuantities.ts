import type { DiscardedEvents } from '../envelope/createClientReportEnvelope';
import type { Envelope, EnvelopeItem } from '../envelope/types';
import type { DataCategory } from '../types';

/** The rate-limit and client-report category of an item. */
export function itemCategory(item: EnvelopeItem): DataCategory {
  switch (item[0].type) {
    case 'event':
      return 'error';
    case 'log':
      return 'log_item';
    case 'session':
    case 'sessions':
      return 'session';
    case 'check_in':
      return 'monitor';
    case 'feedback':
      return 'feedback';
    case 'client_report':
      return 'internal';
    default:
      return 'default';
  }
}

/** How many things an item carries: a log container counts its records. */
export function itemQuantity(item: EnvelopeItem): number {
  return item[0].type === 'log' ? (item[0].item_count ?? 1) : 1;
}

/** What an envelope carries, per category. Client reports are left out: their loss is not reported. */
export function envelopeQuantities(envelope: Envelope): Partial<Record<DataCategory, number>> {
  const quantities: Partial<Record<DataCategory, number>> = {};
  for (const item of envelope[1]) {
    const category = itemCategory(item);
    if (category === 'internal') continue;
    quantities[category] = (quantities[category] ?? 0) + itemQuantity(item);
  }
  return quantities;
}

/** The envelope without the items `drop` says to remove (same headers), or undefined if none remain. */
export function filterEnvelope(envelope: Envelope, keep: (item: EnvelopeItem) => boolean): Envelope | undefined {
  const items = envelope[1].filter(keep);
  return items.length === 0 ? undefined : [envelope[0], items];
}

/** The drop counts of client reports an envelope carries. */
export function carriedReports(envelope: Envelope): DiscardedEvents[] | undefined {
  const reports = envelope[1].flatMap(([header, payload]) =>
    header.type === 'client_report' ? (payload as { discarded_events: DiscardedEvents[] }).discarded_events : [],
  );
  return reports.length > 0 ? reports : undefined;
}
