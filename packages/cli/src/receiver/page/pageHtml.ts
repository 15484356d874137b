/**
 * The receiver's page: no inline script or style, so it works under `default-src 'self'`, and nothing
 * from another origin, so it works offline. Home is a grid of `section.panel`s (issues, logs, release health
 * per release); a panel added later (SDK health) is one more section in `#home`, and the grid places it.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Faultline dev</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/page.css" />
  </head>
  <body>
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a class="brand" href="#/">Faultline dev</a>
      <p id="summary"></p>
      <p id="live" role="status" aria-live="polite">connecting…</p>
    </header>
    <main id="main" tabindex="-1">
      <div id="home" class="panels">
        <section class="panel" id="issues-panel" aria-labelledby="issues-heading">
          <div class="panel-head">
            <h2 id="issues-heading" tabindex="-1">Issues</h2>
            <div class="sort" role="group" aria-label="Sort issues by">
              <span class="muted">Sort by</span>
              <button type="button" data-sort="lastSeen" aria-pressed="true">Last seen</button>
              <button type="button" data-sort="count" aria-pressed="false">Events</button>
            </div>
          </div>
          <table id="issues">
            <colgroup><col class="c-title" /><col class="c-level" /><col class="c-count" /><col class="c-spark" /><col class="c-seen" /></colgroup>
            <thead><tr><th scope="col">Issue</th><th scope="col">Level</th><th scope="col" data-col="count">Events</th><th scope="col">Last hour</th><th scope="col" data-col="lastSeen">Last seen</th></tr></thead>
            <tbody></tbody>
          </table>
          <p id="no-issues" class="muted" hidden>No issues yet. Point a DSN at this receiver and capture an error.</p>
        </section>
        <section class="panel" id="logs-panel" aria-labelledby="logs-heading">
          <div class="panel-head"><h2 id="logs-heading" tabindex="-1">Logs</h2><p id="logs-count" class="muted"></p></div>
          <form id="log-filter" role="search" aria-label="Filter logs">
            <label><span>Level</span>
              <select name="level"><option value="">any</option><option>trace</option><option>debug</option><option>info</option><option>warn</option><option>error</option><option>fatal</option></select>
            </label>
            <label><span>Trace id</span><input name="trace_id" autocomplete="off" spellcheck="false" /></label>
            <label><span>Text</span><input name="q" type="search" autocomplete="off" /></label>
            <div class="form-buttons"><button>Filter</button><button type="reset">Clear</button></div>
          </form>
          <ol id="logs"></ol>
        </section>
        <section class="panel" id="releases-panel" aria-labelledby="releases-heading">
          <div class="panel-head"><h2 id="releases-heading" tabindex="-1">Releases</h2><p id="releases-count" class="muted"></p></div>
          <table id="releases">
            <colgroup><col class="c-release" /><col class="c-sessions" /><col class="c-rate" /><col class="c-rate" /><col class="c-rate" /></colgroup>
            <thead><tr><th scope="col">Release</th><th scope="col" class="num">Sessions</th><th scope="col" class="num">Crash-free sessions</th><th scope="col" class="num">Crash-free users</th><th scope="col" class="num">Errored</th></tr></thead>
            <tbody></tbody>
          </table>
          <p id="no-releases" class="muted" hidden>No sessions yet. The SDKs send them when <code>init</code> has a <code>release</code>.</p>
        </section>
        <section class="panel" id="sdk-panel" aria-labelledby="sdk-heading">
          <div class="panel-head"><h2 id="sdk-heading" tabindex="-1">SDK health</h2><p id="sdk-count" class="muted"></p></div>
          <table id="sdk-health">
            <colgroup><col class="c-sdk" /><col class="c-release" /><col class="c-lost" /><col class="c-reasons" /><col class="c-seen" /></colgroup>
            <thead><tr><th scope="col">SDK</th><th scope="col">Release</th><th scope="col">Lost</th><th scope="col">By reason</th><th scope="col">Last report</th></tr></thead>
            <tbody></tbody>
          </table>
          <p id="no-sdk-health" class="muted" hidden>No client reports yet. An SDK reports what it lost (sampled out, dropped by beforeSend, a full queue, a refusal) with a later envelope.</p>
        </section>
      </div>
      <div id="issue-view" hidden></div>
    </main>
    <script src="/page.js"></script>
  </body>
</html>`;
