/**
 * The page's routes (`#/`, `#/?trace_id=…`, `#/issue/<id>/<n>`) and its live feed: the receiver's
 * server-sent events say when events, logs or sessions arrived and the page fetches only what changed;
 * when the feed is refused (too many pages following) or unavailable, it polls every 5 s instead.
 */
export const PAGE_LIVE_JS = String.raw`
function parseRoute() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/').split('?');
  const issue = /^\/issue\/([0-9a-f]+)(?:\/(\d+))?$/.exec(path);
  return issue ? { name: 'issue', id: issue[1], index: Number(issue[2] || 0) } : { name: 'home', params: new URLSearchParams(query || '') };
}

// Counts what the user does, so a view that loads slowly knows whether they moved on meanwhile.
let userActions = 0;
for (const type of ['keydown', 'pointerdown']) document.addEventListener(type, () => { userActions++; }, true);

/**
 * Shows the route in the URL. With moveFocus (the user followed a link), the focus goes to the new view's
 * heading once it has loaded — unless the user pressed a key or clicked meanwhile (a slow receiver makes
 * that likely) and the focus is still somewhere: it is theirs then. Where what they moved to went away with
 * the view it was in, it goes to the heading all the same, not left to <body>.
 */
async function route(moveFocus) {
  const actionsBefore = userActions;
  const lost = () => !document.activeElement || document.activeElement === document.body;
  const focusTo = (element) => { if (moveFocus && (userActions === actionsBefore || lost())) element.focus(); };
  state.route = parseRoute();
  const home = state.route.name === 'home';
  $('#home').hidden = !home;
  $('#issue-view').hidden = home;
  if (!home) {
    await showIssue(state.route.id, state.route.index);
    focusTo($('#issue-title') || $('#main'));
    return;
  }
  state.issue = undefined;
  fillFilter(state.route.params);
  await Promise.all([loadIssues(), loadLogs(), loadReleases(), loadSdkHealth()]);
  focusTo(state.route.params.get('trace_id') ? $('#logs-heading') : $('#issues-heading'));
}

const pending = new Set();
let refreshTimer;
/** Coalesces a burst of arrivals into one fetch of each view that changed. */
function changed(what) {
  pending.add(what);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 150);
}
async function refresh() {
  const what = new Set(pending);
  pending.clear();
  try {
    if (state.route.name === 'issue') {
      if (what.has('issues')) await refreshIssue();
    } else {
      await Promise.all([
        what.has('issues') ? loadIssues() : undefined,
        what.has('logs') ? loadLogs() : undefined,
        what.has('sessions') ? loadReleases() : undefined,
        what.has('reports') ? loadSdkHealth() : undefined,
      ]);
    }
  } catch {
    setLive('off', 'Cannot reach the receiver');
  }
}

function setLive(mode, label) {
  const live = $('#live');
  live.className = mode;
  live.textContent = label;
}

function follow() {
  let missed = true;
  const poll = () => {
    setLive('poll', 'Updating every 5 s');
    setInterval(() => { changed('issues'); changed('logs'); changed('sessions'); changed('reports'); }, 5000);
  };
  if (typeof EventSource !== 'function') return poll();
  const source = new EventSource('/api/stream');
  source.addEventListener('open', () => {
    setLive('on', 'Live');
    // What arrived while the feed was not connected (or before it first was) is fetched once.
    if (missed) { changed('issues'); changed('logs'); changed('sessions'); changed('reports'); }
    missed = false;
  });
  source.addEventListener('event', (message) => {
    try {
      const data = JSON.parse(message.data);
      if (data.isNew === true && typeof data.issue === 'string') state.fresh.add(data.issue);
    } catch {}
    changed('issues');
  });
  source.addEventListener('logs', () => changed('logs'));
  source.addEventListener('sessions', () => changed('sessions'));
  source.addEventListener('reports', () => changed('reports'));
  source.addEventListener('error', () => {
    missed = true;
    if (source.readyState === EventSource.CLOSED) poll();
    else setLive('off', 'Reconnecting…');
  });
}

window.addEventListener('hashchange', () => route(true));
// The skip link moves the focus only: as a hash it would be a route, reloading the view under the user.
$('.skip').addEventListener('click', (event) => { event.preventDefault(); $('#main').focus(); });
route(false).catch(() => setLive('off', 'Cannot reach the receiver'));
follow();
`;
