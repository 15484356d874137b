// C0 controls (ESC starts every terminal escape sequence, BEL ends OSC ones), DEL, C1 controls (0x9b is a
// one-byte CSI, 0x9d a one-byte OSC), line/paragraph separators and the bidirectional overrides and
// isolates that reorder what a terminal shows ("Trojan Source", CVE-2021-42574).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text received from anywhere, made inert for a terminal: every control character is shown as an escape
 * (`\x1b`, `\n`, `\u202e`) instead of being acted on, so a posted event cannot retitle the window, clear
 * the screen, write the clipboard (OSC 52) or fake lines of output.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return (
      NAMED[char] ??
      (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}
