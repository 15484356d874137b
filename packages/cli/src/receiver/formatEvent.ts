import type { Event } from '@faultline/core';
import type { Issue } from './createReceiverStore';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint(31);
const yellow = paint(33);
const dim = paint(2);
const bold = paint(1);
const cyan = paint(36);

/** A received event as a few readable terminal lines: exception, top in-app frames, ids, tags, breadcrumbs. */
export function formatEvent(event: Event, issue: Issue, isNew: boolean): string {
  const lines: string[] = [];
  const main = event.exception?.values.at(-1);
  const level = (event.level ?? 'error').toUpperCase();
  const colour = event.level === 'warning' || event.level === 'info' ? yellow : red;
  lines.push(
    `${isNew ? bold(cyan('NEW ISSUE ')) : ''}${colour(level)} ${bold(issue.title)} ${dim(`(×${issue.count}, ${issue.id})`)}`,
  );
  for (const cause of event.exception?.values.slice(0, -1).reverse() ?? [])
    lines.push(`  caused by ${cause.type}: ${cause.value}`);
  const frames = (main?.stacktrace?.frames ?? [])
    .filter((frame) => frame.in_app !== false)
    .slice(-3)
    .reverse();
  for (const frame of frames) {
    lines.push(`  at ${frame.function ?? '?'} ${dim(`(${frame.filename}:${frame.lineno}:${frame.colno ?? ''})`)}`);
    if (frame.context_line) lines.push(`     ${dim('>')} ${frame.context_line.trim()}`);
  }
  const trace = (event.contexts?.trace as { trace_id?: string } | undefined)?.trace_id;
  const ids = [
    `event ${event.event_id}`,
    trace && `trace ${trace}`,
    event.tags?.request_id && `request ${String(event.tags.request_id)}`,
  ];
  lines.push(`  ${dim(ids.filter(Boolean).join(' · '))}`);
  const { request_id: _requestId, ...tags } = event.tags ?? {};
  if (Object.keys(tags).length > 0)
    lines.push(
      `  ${dim('tags')} ${Object.entries(tags)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')}`,
    );
  const crumbs = event.breadcrumbs ?? [];
  if (crumbs.length > 0) {
    const last = crumbs
      .slice(-3)
      .map((b) => b.message ?? `${b.category ?? 'crumb'} ${JSON.stringify(b.data ?? {})}`.slice(0, 60));
    lines.push(`  ${dim(`breadcrumbs (${crumbs.length})`)} … ${last.join(' → ')}`);
  }
  return lines.join('\n');
}
