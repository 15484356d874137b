/**
 * The page script's helpers: elements are built with `h` (text is always a text node or `textContent`,
 * attributes go through `setAttribute`, never HTML), times are shown in the browser's time zone.
 */
export const PAGE_DOM_JS = String.raw`
const $ = (selector) => document.querySelector(selector);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
/** Any received value as text: strings as they are, anything else as JSON. */
const text = (value) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
/** A received value made safe for a class name (levels, sources). */
const token = (value) => String(value).toLowerCase().replace(/[^a-z0-9-]/g, '');
const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');

function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const key in props || {}) {
    const value = props[key];
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(2)) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Renders a list again without taking the keyboard focus from the row (\`data-key\`) it was on. */
function keepFocus(list, render) {
  const active = document.activeElement;
  const row = active && list.contains(active) ? active.closest('[data-key]') : null;
  render();
  const again = row && list.querySelector('[data-key="' + CSS.escape(row.dataset.key) + '"] a');
  if (again) again.focus();
}

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

const pad = (n, width) => String(n).padStart(width || 2, '0');
/** Seconds (Sentry's timestamps) or an RFC 3339 string, as milliseconds. */
function toMs(timestamp) {
  if (typeof timestamp === 'number') return timestamp * 1000;
  if (typeof timestamp === 'string') return /^[\d.]+$/.test(timestamp) ? Number(timestamp) * 1000 : Date.parse(timestamp);
  return NaN;
}
function clock(ms, withMs) {
  const d = new Date(ms);
  return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + (withMs ? '.' + pad(d.getMilliseconds(), 3) : '');
}
function dateTime(ms) {
  const d = new Date(ms);
  const today = d.toDateString() === new Date().toDateString();
  return (today ? '' : d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ') + clock(ms);
}
function ago(ms) {
  const seconds = Math.round((Date.now() - ms) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.floor(seconds / 3600) + ' h ago';
  return Math.floor(seconds / 86400) + ' d ago';
}
/** A <time> showing the time (and the date when not today), or "?" for a time that cannot be read. */
function timeEl(ms, options) {
  if (!Number.isFinite(ms)) return h('span', { text: '?' });
  const shown = options && options.ms ? clock(ms, true) : dateTime(ms);
  return h('time', { datetime: new Date(ms).toISOString(), title: new Date(ms).toString(), text: options && options.ago ? ago(ms) : shown });
}
function levelBadge(level) {
  const name = text(level || 'error');
  return h('span', { class: 'level level-' + token(name), text: name });
}
`;
