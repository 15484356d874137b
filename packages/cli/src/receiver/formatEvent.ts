import type { Event } from '@faultline/core';
import { escapeControlCharacters } from './escapeControlCharacters';
import type { Issue } from './types';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint(31);
const yellow = paint(33);
const dim = paint(2);
const bold = paint(1);
const cyan = paint(36);

/** Received text as it may reach a terminal: any type made a string, control characters escaped. */
const text = (value: unknown): string => escapeControlCharacters(typeof value === 'string' ? value : String(value));
const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/**
 * A received event as a few readable terminal lines: exception, top in-app frames, ids, tags, breadcrumbs.
 * Every received value is escaped, so the only control characters printed are this function's colours.
 */
export function formatEvent(event: Event, issue: Issue, isNew: boolean): string {
  const lines: string[] = [];
  const values = list(event.exception?.values);
  const main = values.at(-1);
  const level = text(event.level ?? 'error').toUpperCase();
  const colour = event.level === 'warning' || event.level === 'info' ? yellow : red;
  lines.push(
    `${isNew ? bold(cyan('NEW ISSUE ')) : ''}${colour(level)} ${bold(text(issue.title))} ${dim(`(×${issue.count}, ${issue.id})`)}`,
  );
  for (const cause of values.slice(0, -1).reverse())
    lines.push(`  caused by ${text(cause.type)}: ${text(cause.value)}`);
  const frames = list(main?.stacktrace?.frames)
    .filter((frame) => frame.in_app !== false)
    .slice(-3)
    .reverse();
  for (const frame of frames) {
    const where = `${text(frame.filename)}:${text(frame.lineno)}:${text(frame.colno ?? '')}`;
    lines.push(`  at ${text(frame.function ?? '?')} ${dim(`(${where})`)}`);
    if (frame.context_line) lines.push(`     ${dim('>')} ${text(frame.context_line).trim()}`);
  }
  const trace = (event.contexts?.trace as { trace_id?: string } | undefined)?.trace_id;
  const ids = [
    `event ${text(event.event_id)}`,
    trace && `trace ${text(trace)}`,
    event.tags?.request_id && `request ${text(event.tags.request_id)}`,
  ];
  lines.push(`  ${dim(ids.filter(Boolean).join(' · '))}`);
  const { request_id: _requestId, ...tags } = event.tags ?? {};
  if (Object.keys(tags).length > 0)
    lines.push(
      `  ${dim('tags')} ${Object.entries(tags)
        .map(([k, v]) => `${text(k)}=${text(v)}`)
        .join(' ')}`,
    );
  const crumbs = list(event.breadcrumbs);
  if (crumbs.length > 0) {
    const last = crumbs
      .slice(-3)
      .map((b) => text(b.message ?? `${b.category ?? 'crumb'} ${JSON.stringify(b.data ?? {})}`).slice(0, 60));
    lines.push(`  ${dim(`breadcrumbs (${crumbs.length})`)} … ${last.join(' → ')}`);
  }
  return lines.join('\n');
}
