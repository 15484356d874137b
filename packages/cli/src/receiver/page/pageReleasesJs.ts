/**
 * The releases panel: per release and environment, its sessions, crash-free sessions and users, and the
 * share of sessions that had errors, from `/api/releases`. A rate with nothing to divide by (no user id
 * was ever sent, so no users are known) shows a dash that says why.
 */
export const PAGE_RELEASES_JS = String.raw`
async function loadReleases() {
  const releases = await json('/api/releases');
  $('#releases-count').textContent = releases.length > 0 ? plural(releases.length, 'release') : '';
  keepFocus($('#releases tbody'), () => $('#releases tbody').replaceChildren(...releases.map(releaseRow)));
  $('#releases').hidden = releases.length === 0;
  $('#no-releases').hidden = releases.length > 0;
}

/** A percentage, coloured by how healthy it is (higher is better unless 'lower'). */
function rateCell(value, why, lower) {
  if (typeof value !== 'number') return h('td', { class: 'num' }, h('span', { class: 'muted', title: why, text: '—' }));
  const good = lower ? value <= 1 : value >= 99;
  const bad = lower ? value > 10 : value < 90;
  return h('td', { class: 'num rate' + (bad ? ' bad' : good ? ' good' : '') }, value.toFixed(1) + ' %');
}

function releaseRow(release) {
  const name = text(release.release);
  const environment = text(release.environment);
  return h('tr', { 'data-key': name + ' ' + environment, title: plural(release.crashed, 'crashed session') + ', ' + plural(release.abnormal, 'abnormal session') },
    h('td', {}, h('span', { class: 'release', text: name }), h('span', { class: 'sub', text: environment })),
    h('td', { class: 'num', text: String(release.sessions) }),
    rateCell(release.crashFreeSessions, 'no sessions'),
    rateCell(release.crashFreeUsers, 'no user ids: sessions carry one when the app calls setUser({ id })'),
    rateCell(release.erroredRate, 'no sessions', true));
}
`;
