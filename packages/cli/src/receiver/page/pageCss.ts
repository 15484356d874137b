/**
 * The page's style. Every panel may shrink to its column (`min-width: 0`, text wraps anywhere), so nothing
 * is cut off from 700 px up; text colours keep a contrast of at least 4.5:1 on their backgrounds.
 */
export const PAGE_CSS = String.raw`*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2433; background: #f2f4f7; }
a { color: #1d4ed8; } a:hover { color: #1e3a8a; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.top :focus-visible { outline-color: #fff; }
h2, h3, h4 { margin: 0; line-height: 1.25; overflow-wrap: anywhere; } h2 { font-size: 17px; } h3 { font-size: 15px; } h4 { font-size: 14px; margin: 14px 0 6px; }
code, pre, .mono { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 12px; }
.muted { color: #4b5563; }
.skip { position: absolute; left: -9999px; top: 8px; background: #fff; color: #1d4ed8; padding: 6px 10px; z-index: 2; }
.skip:focus { left: 8px; }
.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; padding: 10px 16px; background: #1d2433; color: #fff; }
.top p { margin: 0; color: #d0d5dd; }
.brand { color: #fff; font-size: 18px; font-weight: 700; text-decoration: none; }
.brand:hover { color: #fff; text-decoration: underline; }
#live { margin-left: auto; }
#live.on::before { content: '●'; color: #6ce9a6; margin-right: 6px; }
main { padding: 16px; outline: none; }
.panels { display: grid; gap: 16px; align-items: start; grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); }
@media (min-width: 1000px) { .panels { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.panel { min-width: 0; background: #fff; border: 1px solid #d0d5dd; border-radius: 6px; padding: 12px 16px; }
.panel-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 6px 12px; margin-bottom: 8px; }
.panel-head p { margin: 0; }
button, .button, select, input { font: inherit; font-size: 13px; color: #1d2433; }
button, .button { background: #fff; border: 1px solid #98a2b3; border-radius: 4px; padding: 3px 10px; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: #eef4ff; color: #1d2433; }
button[aria-pressed='true'] { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:disabled { color: #4b5563; background: #f2f4f7; cursor: default; }
.sort { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 6px 6px; border-bottom: 1px solid #eaecf0; overflow-wrap: anywhere; }
th { font-size: 12px; font-weight: 600; color: #4b5563; }
#issues .c-level { width: 5.5em; } #issues .c-count { width: 4.2em; } #issues .c-spark { width: 22%; } #issues .c-seen { width: 6.2em; }
#issues td.num { font-variant-numeric: tabular-nums; }
#issues tr.is-new { background: #eef4ff; }
#releases-panel { grid-column: 1 / -1; }
#releases .c-sessions { width: 6em; } #releases .c-rate { width: 17%; }
#releases th.num, #releases td.num { text-align: right; font-variant-numeric: tabular-nums; }
.release { font-weight: 600; }
.rate.good { color: #05603a; } .rate.bad { color: #912018; font-weight: 600; }
.issue-link { font-weight: 600; }
.sub { display: block; font-size: 12px; color: #4b5563; }
.badge, .level, .source { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 11px; font-weight: 600; line-height: 18px; white-space: nowrap; }
.badge.new { background: #1d4ed8; color: #fff; margin-left: 6px; }
.badge.in-app { background: #dcfae6; color: #05603a; }
.level { background: #eaecf0; color: #344054; text-transform: lowercase; }
.level-error { background: #fee4e2; color: #912018; } .level-fatal { background: #912018; color: #fff; }
.level-warning, .level-warn { background: #fef0c7; color: #7a2e0e; } .level-info { background: #e0eaff; color: #1e3a8a; }
.source-sentry { background: #f4ebff; color: #53389e; } .source-loki { background: #ffead5; color: #7a2e0e; }
svg.bars { display: block; width: 100%; height: 60px; }
svg.bars.spark { height: 22px; }
svg.bars .bar { fill: #1d4ed8; } svg.bars .baseline { fill: #98a2b3; }
#log-filter { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px; margin-bottom: 10px; }
#log-filter label { display: flex; flex-direction: column; flex: 1 1 9em; min-width: 0; font-size: 12px; color: #4b5563; }
#log-filter label:first-child { flex: 0 1 7em; }
#log-filter input, #log-filter select { width: 100%; min-width: 0; padding: 3px 6px; border: 1px solid #98a2b3; border-radius: 4px; background: #fff; }
.form-buttons { display: flex; gap: 6px; }
#logs { list-style: none; margin: 0; padding: 0; }
.log { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; padding: 5px 0; border-bottom: 1px solid #eaecf0; font-size: 12px; }
.log time, .log .trace { font-family: ui-monospace, Menlo, Consolas, monospace; }
.log .service { font-weight: 600; }
.log .sources { display: inline-flex; align-items: baseline; gap: 3px; }
.log .trace { overflow-wrap: anywhere; min-width: 0; }
.log .message { flex: 1 1 100%; min-width: 0; font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
#issue-view { display: grid; gap: 16px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5em, 1fr)); gap: 8px 16px; margin: 12px 0; }
.facts dt { font-size: 12px; color: #4b5563; } .facts dd { margin: 0; overflow-wrap: anywhere; }
.charts { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); }
figure.chart { margin: 0; min-width: 0; } figcaption { font-size: 12px; margin-bottom: 4px; }
.axis { display: flex; justify-content: space-between; font-size: 11px; }
.event-meta { margin: 4px 0 0; overflow-wrap: anywhere; }
.event-nav { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
.exception h4 { overflow-wrap: anywhere; }
.exc-type { color: #912018; }
ol.frames { list-style: none; margin: 0; padding: 0; }
.frame { border: 1px solid #eaecf0; border-radius: 4px; margin: 6px 0; min-width: 0; }
.frame-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; padding: 4px 8px; background: #f9fafb; }
.frame.in-app { border-color: #84caa0; } .frame.in-app .frame-head { background: #ecfdf3; }
.frame-head .where { color: #4b5563; font-size: 12px; overflow-wrap: anywhere; min-width: 0; }
.frame-head .fn { font-weight: 600; overflow-wrap: anywhere; }
details.library > summary { cursor: pointer; padding: 2px 0; color: #4b5563; font-size: 12px; }
.code { background: #f6f8fa; padding: 4px 0; }
.code .line { display: flex; min-width: 0; }
.code .ln { flex: 0 0 3.5em; padding-right: 10px; text-align: right; color: #4b5563; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; user-select: none; }
.code code { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.code .current { background: #fef0c7; }
table.crumbs .c-time { width: 7.2em; } table.crumbs .c-cat { width: 7em; } table.crumbs .c-lvl { width: 5.5em; } table.crumbs .c-data { width: 34%; }
table.crumbs td { font-size: 12px; }
table.crumbs code { white-space: pre-wrap; overflow-wrap: anywhere; }
.cards { display: grid; gap: 12px; margin-top: 14px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); }
.card { min-width: 0; border: 1px solid #eaecf0; border-radius: 4px; padding: 6px 10px; }
.card h4 { margin: 0 0 6px; }
.card[data-card='request'] { grid-column: 1 / -1; }
dl.kv { margin: 0; font-size: 12px; }
.kv-row { display: grid; grid-template-columns: minmax(4em, 30%) minmax(0, 1fr); gap: 8px; padding: 2px 0; border-bottom: 1px solid #f2f4f7; }
.kv-row dt { color: #4b5563; overflow-wrap: anywhere; } .kv-row dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.kv-row dd dl.kv { border-left: 2px solid #eaecf0; padding-left: 6px; }
#sdk-health .c-release { width: 22%; } #sdk-health .c-lost { width: 3.8em; } #sdk-health .c-reasons { width: 34%; } #sdk-health .c-seen { width: 6.2em; }
#sdk-health td.num { font-variant-numeric: tabular-nums; } #sdk-health tr.has-drops td.num { color: #912018; font-weight: 600; }
.sdk-name { font-weight: 600; } ul.drops { list-style: none; margin: 0; padding: 0; font-size: 12px; } ul.drops .reason { font-family: ui-monospace, Menlo, Consolas, monospace; }`;
