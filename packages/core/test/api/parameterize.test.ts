/* eslint-disable @typescript-eslint/no-explicit-any -- received payloads of any shape */
import { captureMessage, flush, logger, parameterize } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('parameterize', () => {
  beforeEach(() => resetCarrier());

  it('sends a message as logentry (template and params) beside the formatted text', async () => {
    const { record } = initForTest();
    const message = parameterize`User ${'u-1'} failed to pay ${12.5} (${'100%'})`;
    expect(String(message)).toBe('User u-1 failed to pay 12.5 (100%)');
    captureMessage(message, 'warning');
    await flush(1000);
    expect(record.events()[0]).toMatchObject({
      message: 'User u-1 failed to pay 12.5 (100%)',
      level: 'warning',
      logentry: { message: 'User %s failed to pay %s (%s)', params: ['u-1', 12.5, '100%'] },
    });
  });

  it('scrubs what the params carry, as any other value', async () => {
    const { record } = initForTest();
    captureMessage(parameterize`Invite sent to ${'ada@example.com'}`);
    await flush(1000);
    const [event] = record.events();
    expect(event!.message).toBe('Invite sent to [Filtered]');
    expect(event!.logentry).toEqual({ message: 'Invite sent to %s', params: ['[Filtered]'] });
  });
});

describe('logger.fmt', () => {
  beforeEach(() => resetCarrier());

  it('sends the text with sentry.message.template and one parameter attribute per value, scrubbed', async () => {
    const { record } = initForTest();
    logger.info(logger.fmt`Order ${'o-7'} paid by ${'ada@example.com'}`, { total: 12 });
    await flush(1000);
    const [log] = (record.items('log') as { items: Record<string, any>[] }[]).flatMap((container) => container.items);
    expect(log!.body).toBe('Order o-7 paid by [Filtered]');
    expect(log!.attributes).toMatchObject({
      'sentry.message.template': { value: 'Order %s paid by %s', type: 'string' },
      'sentry.message.parameter.0': { value: 'o-7', type: 'string' },
      'sentry.message.parameter.1': { value: '[Filtered]', type: 'string' },
      total: { value: 12, type: 'integer' },
    });
  });
});
