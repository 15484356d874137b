/**
 * The pipeline's view of an integration the entry already set up: its event hooks, without the setup
 * hooks (which ran once, in the entry, with the entry's client).
 */
export function processingOnly<I extends object>(integration: I): I {
  return Object.create(integration, {
    setupOnce: { value: undefined },
    setup: { value: undefined },
    afterAllSetup: { value: undefined },
  }) as I;
}
