import { addBreadcrumb, installOnce, type Integration } from '@faultline/core';
import { cssSelector } from '../cssSelector';

const INPUT_DEBOUNCE_MS = 1000;

/**
 * Records clicks and typing as breadcrumbs with a short CSS selector of the target. Typing is one
 * breadcrumb per field per second, and never includes what was typed.
 */
/* @__NO_SIDE_EFFECTS__ */
export function domBreadcrumbsIntegration(): Integration {
  return {
    name: 'DomBreadcrumbs',
    setup() {
      installOnce('dom', () => {
        let lastInputTarget: EventTarget | null = null;
        let lastInputAt = 0;
        const options = { capture: true, passive: true };
        document.addEventListener(
          'click',
          (event) => addBreadcrumb({ category: 'ui.click', message: cssSelector(event.target) }),
          options,
        );
        document.addEventListener(
          'keydown',
          (event) => {
            const target = event.target as HTMLElement | null;
            const editable = target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
            if (!editable) return;
            const now = Date.now();
            if (target === lastInputTarget && now - lastInputAt < INPUT_DEBOUNCE_MS) return;
            lastInputTarget = target;
            lastInputAt = now;
            addBreadcrumb({ category: 'ui.input', message: cssSelector(target) });
          },
          options,
        );
      });
    },
  };
}
