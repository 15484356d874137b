/**
 * The issue view: title, level, count, first and last seen, release and environment, the charts of its
 * events over time, then one of its kept events (the latest first) with links to the older ones.
 */
export const PAGE_ISSUE_JS = String.raw`
function fact(label, value) {
  return h('div', { class: 'fact', 'data-fact': label.toLowerCase() }, h('dt', { text: label }), h('dd', {}, value));
}

function alsoSeen(latest, all) {
  const others = list(all).filter((value) => value !== latest);
  return [typeof latest === 'string' ? latest : '—', others.length > 0 ? h('span', { class: 'sub', text: 'also ' + others.join(', ') }) : null];
}

function issueHead(issue) {
  return h('section', { class: 'panel', id: 'issue-head', 'aria-labelledby': 'issue-title' },
    h('h2', { id: 'issue-title', tabindex: '-1', text: text(issue.title) }),
    h('dl', { class: 'facts' },
      fact('Level', levelBadge(issue.level)),
      fact('Events', String(issue.count)),
      fact('First seen', timeEl(issue.firstSeen)),
      fact('Last seen', timeEl(issue.lastSeen)),
      fact('Release', alsoSeen(issue.release, issue.releases)),
      fact('Environment', alsoSeen(issue.environment, issue.environments))),
    issue.series ? h('div', { class: 'charts' }, chartFigure(issue.series.hour, 'hour'), chartFigure(issue.series.day, 'day')) : null);
}

function eventNav(issue, index, total) {
  const go = (label, to) =>
    to >= 0 && to < total
      ? h('a', { class: 'button', href: '#/issue/' + encodeURIComponent(issue.id) + '/' + to }, label)
      : h('button', { type: 'button', disabled: true }, label);
  return h('div', { class: 'event-nav' }, go('Newer', index - 1), h('span', { class: 'muted', text: (index + 1) + ' of ' + total + ' kept' }), go('Older', index + 1));
}

function renderIssue(issue, index) {
  const events = list(issue.events).filter(isObject);
  const shown = Math.min(Math.max(0, index), Math.max(0, events.length - 1));
  state.issue = { id: issue.id, count: issue.count, index: shown };
  $('#issue-view').replaceChildren(
    h('nav', { 'aria-label': 'Back' }, h('a', { href: '#/' }, '← All issues')),
    issueHead(issue),
    events.length > 0
      ? eventSection(events[shown], shown === 0 ? 'Latest event' : 'Event ' + (shown + 1) + ' of the ' + events.length + ' kept', eventNav(issue, shown, events.length))
      : h('p', { class: 'panel muted', text: 'No event of this issue is kept in memory any more; they are all in events.ndjson.' }));
}

async function showIssue(id, index) {
  let issue;
  try {
    issue = await json('/api/issues/' + encodeURIComponent(id));
  } catch {
    state.issue = undefined;
    $('#issue-view').replaceChildren(h('p', { class: 'panel' }, 'This issue is not kept any more (the receiver keeps the 1,000 seen last). ', h('a', { href: '#/' }, 'All issues')));
    return;
  }
  state.fresh.delete(issue.id);
  renderIssue(issue, index);
}

/** A new event of the issue on screen: its counts and charts change; the event shown stays until asked. */
async function refreshIssue() {
  const current = state.issue;
  if (!current) return;
  const issue = await json('/api/issues/' + encodeURIComponent(current.id));
  if (!state.issue || state.issue.id !== issue.id) return;
  $('#issue-head').replaceWith(issueHead(issue));
  const added = issue.count - current.count;
  if (added <= 0) return;
  const newer = h('button', { type: 'button', class: 'newer' }, plural(added, 'newer event') + ': show the latest');
  newer.addEventListener('click', () => {
    renderIssue(issue, 0);
    $('#event-heading').focus();
  });
  $('#event .newer')?.remove();
  $('#event .panel-head')?.append(newer);
}
`;
