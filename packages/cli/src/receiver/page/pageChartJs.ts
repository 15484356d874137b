/**
 * The page's bar charts, drawn as inline SVG without a library: one bar per bucket of a series from the
 * read API (`{ start, step, counts }`), heights in proportion to the largest count. Each bar carries its
 * bucket (`data-start`, `data-count`) and a tooltip; the chart's label says the total and the peak.
 */
export const PAGE_CHART_JS = String.raw`
const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const key in attributes) node.setAttribute(key, String(attributes[key]));
  node.append(...children);
  return node;
}

const RANGES = {
  hour: { caption: 'Events per minute, last hour', unit: 'minute', from: '60 min ago' },
  day: { caption: 'Events per hour, last day', unit: 'hour', from: '24 h ago' },
};

function barChart(range, kind, className) {
  const counts = list(range && range.counts);
  const height = 60;
  const width = counts.length * 10;
  const max = Math.max(1, ...counts);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const { caption, unit } = RANGES[kind];
  const label = caption + ': ' + plural(total, 'event') + (total > 0 ? ', at most ' + max + ' in one ' + unit : '');
  const chart = svg('svg', { class: 'bars' + (className ? ' ' + className : ''), viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', role: 'img', 'aria-label': label });
  chart.append(svg('rect', { class: 'baseline', x: 0, y: height - 1, width, height: 1 }));
  counts.forEach((count, i) => {
    const start = range.start + i * range.step;
    const barHeight = count === 0 ? 0 : Math.max(1.5, (count / max) * (height - 2));
    const tip = plural(count, 'event') + ' · ' + dateTime(start).slice(0, -3) + (unit === 'hour' ? '–' + clock(start + range.step).slice(0, 5) : '');
    chart.append(svg('rect', { class: 'bar', x: i * 10 + 1, y: height - 1 - barHeight, width: 8, height: barHeight, 'data-start': start, 'data-count': count }, svg('title', {}, tip)));
  });
  return chart;
}

function chartFigure(range, kind) {
  const { caption, from } = RANGES[kind];
  const total = list(range && range.counts).reduce((sum, count) => sum + count, 0);
  return h('figure', { class: 'chart', 'data-range': kind },
    h('figcaption', {}, caption, h('span', { class: 'muted', text: ' · ' + total + ' in total' })),
    barChart(range, kind),
    h('div', { class: 'axis muted' }, h('span', { text: from }), h('span', { text: 'now' })));
}
`;
