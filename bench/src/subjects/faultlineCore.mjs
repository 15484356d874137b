// @faultline/core bound with its default integrations and a transport that serializes the envelope and
// resolves at once: the same work a real transport does before the network.
import * as Faultline from '@faultline/core';

export function setupFaultlineCore({ scrub, sdkMetrics } = {}) {
  let bytes = 0;
  let sends = 0;
  const transport = () => ({
    send(envelope) {
      bytes += Faultline.serializeEnvelope(envelope).length;
      sends++;
      return Promise.resolve({ statusCode: 200 });
    },
    flush: () => Promise.resolve(true),
  });
  const client = Faultline.init({
    dsn: 'https://public@o1.ingest.example.com/1',
    release: 'bench@1.0.0',
    transport,
    ...(scrub === undefined ? {} : { scrub }),
    ...(sdkMetrics === undefined ? {} : { sdkMetrics }),
  });
  return {
    api: Faultline,
    client,
    sends: () => sends,
    bytesPerSend: () => (sends === 0 ? 0 : bytes / sends),
  };
}
