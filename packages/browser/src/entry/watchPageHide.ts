/**
 * Calls `onHide` when the page is hidden or left (`visibilitychange` to hidden, `pagehide`); returns how
 * to stop. Nothing outside a browser page.
 */
export function watchPageHide(onHide: () => void): () => void {
  if (typeof document === 'undefined' || typeof addEventListener !== 'function') return () => undefined;
  const hidden = (): void => {
    if (document.visibilityState === 'hidden') onHide();
  };
  addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', hidden);
  };
}
