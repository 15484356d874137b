/**
 * One event as the issue view shows it: the exception chain (outermost first, each cause after it) with
 * frames (newest first, in-app ones with their source lines; library frames folded), breadcrumbs as a
 * timeline, tags, user, request and contexts (as sent, so as scrubbed), and a link to its trace's logs.
 */
export const PAGE_EVENT_JS = String.raw`
const CONTEXT_NAMES = { os: 'OS', client_os: 'Client OS', app: 'App', runtime: 'Runtime', device: 'Device', browser: 'Browser', trace: 'Trace', page: 'Page', cloud: 'Cloud' };
const CONTEXT_ORDER = ['trace', 'runtime', 'browser', 'os', 'client_os', 'device'];

function eventSection(event, heading, nav) {
  const contexts = isObject(event.contexts) ? event.contexts : {};
  const traceId = isObject(contexts.trace) && typeof contexts.trace.trace_id === 'string' ? contexts.trace.trace_id : undefined;
  const sdk = isObject(event.sdk) ? text(event.sdk.name) + ' ' + text(event.sdk.version) : undefined;
  return h('section', { class: 'panel', id: 'event', 'aria-labelledby': 'event-heading' },
    h('div', { class: 'panel-head' }, h('h3', { id: 'event-heading', tabindex: '-1', text: heading }), nav),
    h('p', { class: 'event-meta' },
      'Event ', h('code', { text: text(event.event_id) }), ' · ', timeEl(toMs(event.timestamp)),
      sdk ? h('span', { class: 'muted', text: ' · ' + sdk }) : null,
      traceId ? [' · ', h('a', { class: 'trace-logs', href: '#/?trace_id=' + encodeURIComponent(traceId) }, 'Logs of trace ' + traceId)] : null),
    exceptionBlock(event),
    breadcrumbBlock(event),
    h('div', { class: 'cards' },
      card('Tags', event.tags),
      card('User', event.user),
      card('Request', event.request),
      Object.keys(contexts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((name) => contextCard(name, contexts[name])),
      isObject(event.extra) && Object.keys(event.extra).length > 0 ? card('Extra', event.extra) : null));
}

const rank = (name) => (CONTEXT_ORDER.indexOf(name) + 1 || CONTEXT_ORDER.length + 1);

function exceptionBlock(event) {
  const values = list(isObject(event.exception) ? event.exception.values : undefined).filter(isObject);
  if (values.length === 0) {
    const message = isObject(event.message) ? event.message.formatted || event.message.message : event.message;
    return h('section', { class: 'exceptions' }, h('h4', { text: 'Message' }), h('p', { text: text(message) || '(none)' }));
  }
  return h('section', { class: 'exceptions', 'aria-label': 'Exception chain' },
    [...values].reverse().map((exception, i) => {
      const mechanism = isObject(exception.mechanism) ? exception.mechanism : undefined;
      return h('article', { class: 'exception' },
        h('h4', {}, i > 0 ? h('span', { class: 'muted', text: 'Caused by ' }) : null, h('span', { class: 'exc-type', text: text(exception.type || 'Error') }), ': ', h('span', { class: 'exc-value', text: text(exception.value) })),
        mechanism ? h('p', { class: 'muted mechanism', text: 'mechanism ' + text(mechanism.type) + (mechanism.handled === false ? ' · unhandled' : mechanism.handled === true ? ' · handled' : '') }) : null,
        frameList(exception));
    }));
}

function frameList(exception) {
  const frames = list(isObject(exception.stacktrace) ? exception.stacktrace.frames : undefined).filter(isObject);
  const shown = h('ol', { class: 'frames' });
  let library = [];
  const fold = () => {
    if (library.length === 0) return;
    shown.append(h('li', {}, h('details', { class: 'library' }, h('summary', { text: plural(library.length, 'library frame') }), h('ol', { class: 'frames' }, library.map(frameItem)))));
    library = [];
  };
  for (const frame of [...frames].reverse()) {
    if (frame.in_app === false) library.push(frame);
    else {
      fold();
      shown.append(frameItem(frame));
    }
  }
  fold();
  return shown;
}

function frameItem(frame) {
  const inApp = frame.in_app !== false;
  const file = text(frame.filename || frame.abs_path || frame.module || '?');
  const where = file + (frame.lineno !== undefined ? ':' + text(frame.lineno) + (frame.colno !== undefined ? ':' + text(frame.colno) : '') : '');
  return h('li', { class: 'frame' + (inApp ? ' in-app' : '') },
    h('div', { class: 'frame-head' }, h('code', { class: 'fn', text: text(frame.function || '?') }), h('span', { class: 'where', text: where }), inApp ? h('span', { class: 'badge in-app', text: 'in app' }) : null),
    sourceLines(frame));
}

function sourceLines(frame) {
  if (typeof frame.context_line !== 'string') return null;
  const before = list(frame.pre_context);
  const lines = [...before, frame.context_line, ...list(frame.post_context)];
  const first = Number(frame.lineno) - before.length;
  return h('div', { class: 'code', role: 'group', 'aria-label': 'Source around line ' + text(frame.lineno) },
    lines.map((line, i) => h('div', { class: 'line' + (i === before.length ? ' current' : '') },
      h('span', { class: 'ln', text: Number.isFinite(first) ? String(first + i) : '' }),
      h('code', { text: text(line) }))));
}

function breadcrumbBlock(event) {
  const crumbs = (isObject(event.breadcrumbs) ? list(event.breadcrumbs.values) : list(event.breadcrumbs)).filter(isObject);
  const title = h('h4', { text: 'Breadcrumbs (' + crumbs.length + ')' });
  if (crumbs.length === 0) return h('section', { class: 'breadcrumbs' }, title, h('p', { class: 'muted', text: 'None sent' }));
  return h('section', { class: 'breadcrumbs' }, title,
    h('table', { class: 'crumbs' },
      h('colgroup', {}, h('col', { class: 'c-time' }), h('col', { class: 'c-cat' }), h('col', { class: 'c-lvl' }), h('col', { class: 'c-msg' }), h('col', { class: 'c-data' })),
      h('thead', {}, h('tr', {}, ['Time', 'Category', 'Level', 'Message', 'Data'].map((name) => h('th', { scope: 'col', text: name })))),
      h('tbody', {}, crumbs.map((crumb) => h('tr', {},
        h('td', {}, timeEl(toMs(crumb.timestamp), { ms: true })),
        h('td', { text: text(crumb.category || crumb.type || '') }),
        h('td', {}, levelBadge(crumb.level || 'info')),
        h('td', { text: text(crumb.message) }),
        h('td', {}, crumb.data !== undefined ? h('code', { text: text(crumb.data) }) : null))))));
}

function card(title, value, note) {
  return h('section', { class: 'card', 'data-card': title.toLowerCase() },
    h('h4', {}, title, note ? h('span', { class: 'muted', text: ' · ' + note }) : null),
    pairs(value, 0));
}

function contextCard(name, value) {
  const derived = isObject(value) && typeof value.derived_from === 'string' ? value.derived_from : undefined;
  const shown = derived ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'derived_from')) : value;
  return card(CONTEXT_NAMES[name] || name, shown, derived ? 'from the ' + derived : undefined);
}

function pairs(value, depth) {
  if (!isObject(value) || Object.keys(value).length === 0) {
    return value === undefined || isObject(value) ? h('p', { class: 'muted', text: 'Not sent' }) : h('p', { text: text(value) });
  }
  return h('dl', { class: 'kv' }, Object.entries(value).map(([key, item]) =>
    h('div', { class: 'kv-row' }, h('dt', { text: key }), h('dd', {}, isObject(item) && depth < 2 ? pairs(item, depth + 1) : text(item)))));
}
`;
