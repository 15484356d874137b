import { describe, expect, it } from 'vitest';
import { PAGE_HTML } from '../../../src/receiver/page/pageHtml';

describe('PAGE_HTML', () => {
  it('loads nothing from another origin and has no inline script or style (the page works offline)', () => {
    const references = [...PAGE_HTML.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toMatch(/^(\/[a-z.]+|#[\w/]*)$/);
    expect(PAGE_HTML).not.toMatch(/<style|style=|<script>|\son[a-z]+=/i);
  });
});
