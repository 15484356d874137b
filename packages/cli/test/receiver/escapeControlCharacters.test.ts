import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../src/receiver/escapeControlCharacters';

describe('escapeControlCharacters', () => {
  it('shows every C0 and C1 control, DEL, and the bidirectional overrides as escapes', () => {
    const all = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ]
      .map((code) => String.fromCharCode(code))
      .join('');
    const escaped = escapeControlCharacters(`${all}\u202e\u2066\u2028`);
    // eslint-disable-next-line no-control-regex
    expect(escaped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2066\u2028]/);
    expect(escaped).toContain('\\x1b');
    expect(escaped).toContain('\\x9b');
    expect(escaped).toContain('\\n\\x0b\\x0c\\r');
    expect(escaped).toContain('\\u202e\\u2066\\u2028');
  });

  it('leaves printable text, accents and emoji alone', () => {
    expect(escapeControlCharacters('Paiement refusé: carte « 4242 » 💳 (×3)')).toBe(
      'Paiement refusé: carte « 4242 » 💳 (×3)',
    );
  });
});
