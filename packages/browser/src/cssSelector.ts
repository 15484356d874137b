const MAX_DEPTH = 3;
const MAX_LENGTH = 120;

/**
 * A short CSS selector for an element (`form#checkout > button.pay[type="submit"]`), up to three levels,
 * stopping at an id. Never reads values.
 */
export function cssSelector(target: unknown): string {
  try {
    const parts: string[] = [];
    let element = target as Element | null;
    while (element && element.nodeType === 1 && parts.length < MAX_DEPTH) {
      let part = element.tagName.toLowerCase();
      if (element.id) part += `#${element.id}`;
      const classes =
        typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean) : [];
      for (const name of classes.slice(0, 2)) part += `.${name}`;
      for (const attribute of ['name', 'type', 'data-testid']) {
        const value = element.getAttribute(attribute);
        if (value) part += `[${attribute}="${value.slice(0, 30)}"]`;
      }
      parts.unshift(part);
      if (element.id) break;
      element = element.parentElement;
    }
    const selector = parts.join(' > ');
    return selector.length > MAX_LENGTH ? `…${selector.slice(-MAX_LENGTH)}` : selector || '<unknown>';
  } catch {
    return '<unknown>';
  }
}
