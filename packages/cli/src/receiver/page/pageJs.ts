/** The page's script: reads the receiver's JSON views and renders them (textContent only, never HTML). */
export const PAGE_JS = `'use strict';
const el = (tag, text, className) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; if (className) node.className = className; return node; };
const when = (ms) => new Date(ms).toLocaleTimeString();
async function json(url) { const response = await fetch(url); return response.json(); }

async function showIssues() {
  const [summary, issues] = await Promise.all([json('/api/summary'), json('/api/issues')]);
  document.getElementById('summary').textContent = summary.issues + ' issues · ' + summary.events + ' events · ' + summary.logs + ' logs';
  const body = document.querySelector('#issues tbody');
  body.replaceChildren(...issues.map((issue) => {
    const row = el('tr');
    row.dataset.id = issue.id;
    row.append(el('td', issue.title), el('td', issue.level, 'level-' + issue.level), el('td', String(issue.count)), el('td', when(issue.firstSeen)), el('td', when(issue.lastSeen)));
    row.addEventListener('click', () => showIssue(issue.id));
    return row;
  }));
}

async function showIssue(id) {
  const issue = await json('/api/issues/' + id);
  if (!Array.isArray(issue.events)) return;
  const box = document.getElementById('issue');
  box.replaceChildren(el('h3', issue.title));
  for (const event of issue.events.slice(0, 5)) {
    const article = el('article');
    article.append(el('h4', 'Event ' + event.event_id));
    const stack = [];
    for (const exception of [...(event.exception?.values ?? [])].reverse()) {
      stack.push(exception.type + ': ' + exception.value);
      for (const frame of [...(exception.stacktrace?.frames ?? [])].reverse()) {
        stack.push('    at ' + (frame.function ?? '?') + ' (' + frame.filename + ':' + frame.lineno + ':' + (frame.colno ?? '') + ')');
        if (frame.context_line) stack.push('        > ' + frame.context_line.trim());
      }
    }
    article.append(el('pre', stack.join('\\n'), 'stack'));
    const crumbs = el('ol', undefined, 'breadcrumbs');
    for (const crumb of event.breadcrumbs ?? []) crumbs.append(el('li', (crumb.category ?? '') + ' ' + (crumb.message ?? JSON.stringify(crumb.data ?? {}))));
    article.append(crumbs);
    box.append(article);
  }
}

async function showLogs(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams(new FormData(document.getElementById('log-filter')));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  const logs = await json('/api/logs?' + params);
  document.getElementById('logs').replaceChildren(...logs.slice(-200).reverse().map((log) =>
    el('li', when(log.timestamp) + ' ' + log.level.toUpperCase() + ' ' + log.body + (log.traceId ? ' trace=' + log.traceId : ''), 'level-' + log.level)));
}

document.getElementById('log-filter').addEventListener('submit', showLogs);
showIssues();
showLogs();
setInterval(showIssues, 2000);`;
