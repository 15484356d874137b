// Captures a realistic failure with @faultline/core and prints exactly what would be sent to a
// Sentry-compatible DSN: the serialized envelope, then a readable summary of the event.
import * as Faultline from '@faultline/core';

const sent = [];
let ingestUrl;
/** A transport that records instead of sending: this example needs no server and no account. */
function printingTransport(options) {
  ingestUrl = options.url;
  return {
    send(envelope) {
      sent.push(Faultline.serializeEnvelope(envelope));
      return Promise.resolve({ statusCode: 200 });
    },
    flush: () => Promise.resolve(true),
  };
}

Faultline.init({
  dsn: 'https://examplePublicKey@o0.ingest.example.com/42',
  release: 'checkout-service@1.4.2',
  environment: 'demo',
  transport: printingTransport,
});

Faultline.setUser({ id: 'user-1842' });
Faultline.setTag('region', 'eu-west-1');
Faultline.addBreadcrumb({ category: 'http', message: 'GET /api/cart 200', data: { duration_ms: 41 } });
Faultline.addBreadcrumb({ category: 'ui.click', message: 'button#pay' });

function chargeCard(cart) {
  try {
    return cart.payment.card.charge(cart.total);
  } catch (cause) {
    throw new Error(`Payment for cart ${cart.id} failed`, { cause });
  }
}

try {
  chargeCard({ id: 'c-77', total: 129.9, payment: {} });
} catch (error) {
  Faultline.captureException(error, { tags: { step: 'payment' } });
}

await Faultline.flush(2000);

const [headers, itemHeaders, payload] = sent[0].split('\n');
const event = JSON.parse(payload);
console.log('— The envelope that would be POSTed to the DSN —');
console.log(`POST ${ingestUrl}`);
console.log(headers);
console.log(itemHeaders);
console.log(`${payload.slice(0, 400)}… (${payload.length} bytes)\n`);
console.log('— What it says —');
for (const exception of event.exception.values.toReversed()) {
  const top = exception.stacktrace?.frames.at(-1);
  console.log(`  ${exception.type}: ${exception.value}`);
  if (top) console.log(`      at ${top.function} (${top.filename}:${top.lineno}:${top.colno})`);
}
console.log(`  event_id   ${event.event_id}`);
console.log(`  trace_id   ${event.contexts.trace.trace_id}`);
console.log(`  release    ${event.release} (${event.environment})`);
console.log(`  user       ${event.user.id}   tags ${JSON.stringify(event.tags)}`);
console.log(`  breadcrumbs ${event.breadcrumbs.map((b) => b.message).join(' → ')}`);
