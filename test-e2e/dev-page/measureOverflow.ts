import type { Page } from '@playwright/test';

/**
 * Everything on screen that does not fit: the page wider than the window, a panel wider than itself, an
 * element sticking out of its panel, or content clipped inside a box that hides or scrolls its overflow.
 * Returns one line per problem (empty when everything fits).
 */
export function measureOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().replace(/\s+/g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      problems.push(`page: ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`);
    for (const panel of Array.from(document.querySelectorAll('.panel'))) {
      const box = panel.getBoundingClientRect();
      if (box.width === 0) continue; // not shown
      if (panel.scrollWidth > panel.clientWidth) {
        problems.push(`${name(panel)}: ${panel.scrollWidth} px of content in ${panel.clientWidth} px`);
      }
      if (box.right > doc.clientWidth + 0.5) problems.push(`${name(panel)} ends at ${box.right} px, past the window`);
      for (const el of Array.from(panel.querySelectorAll('*'))) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue; // folded away (a closed <details>) or empty
        if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) {
          problems.push(
            `${name(el)} spans ${rect.left}–${rect.right} px, outside its panel (${box.left}–${box.right})`,
          );
        }
        const { overflowX } = getComputedStyle(el);
        const clips = overflowX !== 'visible' && !(el instanceof HTMLInputElement || el instanceof HTMLSelectElement);
        if (clips && el.scrollWidth > el.clientWidth + 1) {
          problems.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px of its content`);
        }
      }
    }
    return problems;
  });
}
