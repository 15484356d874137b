/**
 * The SDK health panel: per SDK name, version and release, what its client reports say it lost (the items,
 * by reason and data category) and when it last reported, from `/api/sdk-health`.
 */
export const PAGE_SDK_HEALTH_JS = String.raw`
async function loadSdkHealth() {
  const rows = await json('/api/sdk-health');
  const lost = rows.reduce((sum, row) => sum + row.dropped, 0);
  $('#sdk-count').textContent = rows.length === 0 ? '' : plural(lost, 'item') + ' lost · ' + plural(rows.reduce((sum, row) => sum + row.reports, 0), 'report');
  const body = $('#sdk-health tbody');
  keepFocus(body, () => body.replaceChildren(...rows.map(sdkRow)));
  $('#sdk-health').hidden = rows.length === 0;
  $('#no-sdk-health').hidden = rows.length > 0;
}

function sdkRow(row) {
  const reasons = Object.entries(isObject(row.drops) ? row.drops : {})
    .map(([reason, byCategory]) => [reason, Object.entries(isObject(byCategory) ? byCategory : {}).filter(([, n]) => n > 0)])
    .filter(([, categories]) => categories.length > 0);
  return h('tr', { 'data-key': text(row.sdk) + ' ' + text(row.version) + ' ' + text(row.release), class: row.dropped > 0 ? 'has-drops' : undefined },
    h('td', {}, h('span', { class: 'sdk-name', text: text(row.sdk) }), h('span', { class: 'sub', text: text(row.version) })),
    h('td', { text: row.release ? text(row.release) : '—' }),
    h('td', { class: 'num', text: String(row.dropped) }),
    h('td', {}, reasons.length === 0
      ? h('span', { class: 'muted', text: 'nothing lost' })
      : h('ul', { class: 'drops' }, reasons.map(([reason, categories]) =>
          h('li', {}, h('span', { class: 'reason', text: text(reason) }), ' ',
            categories.map(([category, n]) => text(category) + ' ' + n).join(', '))))),
    h('td', {}, timeEl(row.lastSeen, { ago: true })));
}
`;
