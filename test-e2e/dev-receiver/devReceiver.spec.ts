import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver } from '@faultline/cli';
import { captureException, flush, init, logger } from '@faultline/node';
import { expect, test } from '@playwright/test';

test('the receiver page lists the issue, shows an event’s stack and breadcrumbs, and filters logs', async ({
  page,
}) => {
  const receiver = await createReceiver({
    port: 0,
    dir: mkdtempSync(path.join(tmpdir(), 'faultline-page-')),
    print: false,
  });
  try {
    init({
      dsn: receiver.dsn,
      queueDir: false,
      integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
    });
    logger.info('Cart loaded', { items: 3 });
    logger.warn('Stock low', { sku: 'SKU-55' });
    function chargeTheCard(): never {
      throw new TypeError('card declined by the issuer');
    }
    try {
      chargeTheCard();
    } catch (error) {
      captureException(error);
    }
    expect(await flush(5000)).toBe(true);

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(receiver.url);
    const row = page.locator('#issues tbody tr', { hasText: 'TypeError: card declined by the issuer' });
    await expect(row).toBeVisible();
    await row.getByRole('link').click();
    await expect(page.locator('#event .frame.in-app').first()).toContainText('chargeTheCard');
    await expect(page.locator('#event table.crumbs')).toContainText('Stock low');
    await page.getByRole('link', { name: '← All issues' }).click();
    await expect(page.locator('#logs .log', { hasText: 'Stock low' }).locator('.level')).toHaveText('warn');
    await page.selectOption('select[name=level]', 'info');
    await page.click('#log-filter button:text-is("Filter")');
    await expect(page.locator('#logs li')).toHaveCount(1);
    await expect(page.locator('#logs')).toContainText('Cart loaded');
    expect(violations).toEqual([]);
  } finally {
    await receiver.close();
  }
});
