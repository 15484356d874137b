import type { Client } from '@faultline/core';
import { createContext, createElement, type ReactNode } from 'react';

/** The client a subtree reports to; undefined means the global one from `init`. */
export const FaultlineClientContext = createContext<Client | undefined>(undefined);

/**
 * Makes every ErrorBoundary below report to `client` instead of the global one: for micro-frontends
 * that each run their own client.
 */
export function FaultlineProvider({ client, children }: { client: Client; children?: ReactNode }) {
  return createElement(FaultlineClientContext.Provider, { value: client }, children);
}
