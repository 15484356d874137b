/**
 * The home view: issues (sortable by last seen or count, with a sparkline of the last hour, new ones
 * marked) and logs (level, time, service, each way the record arrived, trace id, message; filtered through
 * the URL, so a trace's logs have a link).
 */
export const PAGE_HOME_JS = String.raw`
const state = { route: { name: 'home', params: new URLSearchParams() }, issues: [], sort: 'lastSeen', known: undefined, fresh: new Set() };
const LOGS_SHOWN = 200;

async function loadIssues() {
  const [summary, issues] = await Promise.all([json('/api/summary'), json('/api/issues')]);
  // An issue this page had not seen when it last listed them arrived while it was open: it is marked new.
  if (state.known) for (const issue of issues) if (!state.known.has(issue.id)) state.fresh.add(issue.id);
  state.known = new Set(issues.map((issue) => issue.id));
  state.issues = issues;
  $('#summary').textContent = plural(summary.issues, 'issue') + ' · ' + plural(summary.events, 'event') + ' · ' + plural(summary.logs, 'log');
  renderIssues();
}

function renderIssues() {
  const key = state.sort;
  const issues = [...state.issues].sort((a, b) => b[key] - a[key] || b.lastSeen - a.lastSeen);
  for (const button of document.querySelectorAll('[data-sort]')) button.setAttribute('aria-pressed', String(button.dataset.sort === key));
  for (const th of document.querySelectorAll('#issues th[data-col]')) {
    if (th.dataset.col === key) th.setAttribute('aria-sort', 'descending');
    else th.removeAttribute('aria-sort');
  }
  const body = $('#issues tbody');
  keepFocus(body, () => body.replaceChildren(...issues.map(issueRow)));
  $('#issues').hidden = issues.length === 0;
  $('#no-issues').hidden = issues.length > 0;
  document.title = (state.fresh.size > 0 ? '(' + state.fresh.size + ' new) ' : '') + 'Faultline dev';
}

function issueRow(issue) {
  const fresh = state.fresh.has(issue.id);
  const where = [issue.release, issue.environment].filter((value) => typeof value === 'string').join(' · ');
  return h('tr', { class: fresh ? 'is-new' : undefined, 'data-id': issue.id, 'data-key': issue.id },
    h('td', {},
      h('a', { class: 'issue-link', href: '#/issue/' + encodeURIComponent(issue.id) }, text(issue.title)),
      fresh ? h('span', { class: 'badge new', text: 'New' }) : null,
      where ? h('span', { class: 'sub', text: where }) : null),
    h('td', {}, levelBadge(issue.level)),
    h('td', { class: 'num', text: String(issue.count) }),
    h('td', {}, issue.series ? barChart(issue.series.hour, 'hour', 'spark') : null),
    h('td', {}, timeEl(issue.lastSeen, { ago: true })));
}

async function loadLogs() {
  const params = new URLSearchParams();
  for (const key of ['level', 'trace_id', 'q']) {
    const value = state.route.params.get(key);
    if (value) params.set(key, value);
  }
  const filtered = [...params.keys()].length > 0;
  params.set('limit', String(LOGS_SHOWN));
  const logs = await json('/api/logs?' + params);
  const rows = logs.map((log, i) => [log, i]).sort((a, b) => b[0].timestamp - a[0].timestamp || b[1] - a[1]).map(([log]) => log);
  const trace = state.route.params.get('trace_id');
  $('#logs-heading').textContent = trace ? 'Logs of trace ' + trace : 'Logs';
  $('#logs-count').textContent = (rows.length === LOGS_SHOWN ? 'the latest ' : '') + plural(rows.length, 'row') + (filtered ? ' matching' : '');
  keepFocus($('#logs'), () => $('#logs').replaceChildren(...rows.map(logRow)));
}

function logRow(log) {
  const sources = list(log.sources).length > 0 ? log.sources : [log.source];
  const how = sources.length > 1 ? 'the same record arrived through the DSN and through Loki' : 'arrived through ' + (sources[0] === 'loki' ? 'Loki' : 'the DSN');
  const key = log.timestamp + ' ' + text(log.traceId) + ' ' + text(log.body).slice(0, 80);
  return h('li', { class: 'log', 'data-sources': sources.join(' '), 'data-key': key },
    levelBadge(log.level),
    timeEl(log.timestamp, { ms: true }),
    log.service ? h('span', { class: 'service', text: text(log.service) }) : null,
    h('span', { class: 'sources', title: how }, sources.map((source) => h('span', { class: 'source source-' + token(source), text: text(source) }))),
    log.traceId ? h('a', { class: 'trace', href: '#/?trace_id=' + encodeURIComponent(log.traceId), title: 'Only the logs of this trace' }, 'trace ' + text(log.traceId)) : null,
    h('span', { class: 'message', text: text(log.body) }));
}

function fillFilter(params) {
  const form = $('#log-filter');
  for (const key of ['level', 'trace_id', 'q']) form.elements[key].value = params.get(key) || '';
}

$('#log-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(event.target)) if (value) params.set(key, String(value));
  location.hash = '#/' + (params.toString() ? '?' + params : '');
});
$('#log-filter').addEventListener('reset', () => { location.hash = '#/'; });
for (const button of document.querySelectorAll('[data-sort]')) {
  button.addEventListener('click', () => { state.sort = button.dataset.sort; renderIssues(); });
}
`;
