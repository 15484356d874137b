/** The receiver's page: no inline script or style, so it works under `default-src 'self'`. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Faultline dev</title>
    <link rel="stylesheet" href="/page.css" />
  </head>
  <body>
    <header><h1>Faultline dev</h1><p id="summary"></p></header>
    <main>
      <section>
        <h2>Issues</h2>
        <table id="issues"><thead><tr><th>Issue</th><th>Level</th><th>Events</th><th>First seen</th><th>Last seen</th></tr></thead><tbody></tbody></table>
        <div id="issue"></div>
      </section>
      <section>
        <h2>Logs</h2>
        <form id="log-filter">
          <select name="level"><option value="">any level</option><option>trace</option><option>debug</option><option>info</option><option>warn</option><option>error</option><option>fatal</option></select>
          <input name="trace_id" placeholder="trace id" />
          <input name="q" placeholder="text" />
          <button>Filter</button>
        </form>
        <ol id="logs"></ol>
      </section>
    </main>
    <script src="/page.js"></script>
  </body>
</html>`;
