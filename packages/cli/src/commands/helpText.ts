export type CommandName = 'dev' | 'test' | 'validate' | 'sourcemaps' | 'dashboard';

const OVERVIEW = `faultline: a local receiver for Sentry envelopes and Loki pushes, and checks for real destinations.

Usage:
  faultline dev [--port 8787] [--dir .faultline] [--source-maps DIR]…
  faultline test [--dsn <dsn>] [--loki <push url>] [--timeout 10]
  faultline validate <config.json>
  faultline sourcemaps inject <dir>… [--dry-run]
  faultline dashboard > faultline-dashboard.json
  faultline help [command] | faultline --version

Commands:
  dev       Receive events and logs on 127.0.0.1 while you develop: printed, stored as NDJSON, shown on a page
  test      Send a test event and log to a DSN and/or a Loki URL, and say what each answered
  validate  Check a JSON config (the options of init) and list every problem
  sourcemaps  Give built JavaScript files and their source maps debug IDs (as sentry-cli sourcemaps inject)
  dashboard   Print the Grafana dashboard for what Faultline sends to Loki and the SDK's Prometheus metrics

Run "faultline <command> --help" for a command's options.
`;

const COMMANDS: Record<CommandName, string> = {
  dev: `faultline dev [--port 8787] [--dir .faultline] [--source-maps DIR]…

Runs a receiver on 127.0.0.1 for development. Point a DSN (printed at start) and a Loki URL at it: each
event is printed as it arrives, everything is appended to NDJSON files, and http://127.0.0.1:<port>/ shows
issues and logs (also after a restart). Other origins may post to it but not read from it.

Options:
  --port N           Port to listen on (default 8787; 0 picks a free one)
  --dir DIR          Where events, logs and client reports are stored (default .faultline)
  --source-maps DIR  A build folder whose source maps resolve minified browser frames, by debug ID,
                     else by file name (repeatable)
  -h, --help         Show this help

Stops on Ctrl-C (SIGINT), SIGTERM or SIGHUP.
`,
  test: `faultline test [--dsn <dsn>] [--loki <push url>] [--timeout 10]

Sends one test event and one test log to a DSN's server (Sentry or any server that speaks its protocol)
and/or a Loki push URL, and says what each answered.

Options:
  --dsn DSN      The DSN to test
  --loki URL     The Loki push URL to test (e.g. https://logs.example.com/loki/api/v1/push)
  --timeout S    Seconds to wait for each answer (default 10)
  -h, --help     Show this help

Exit codes: 0 accepted, 1 other answer, 2 credentials refused (401/403), 3 rate limited (429),
4 unreachable or no answer in time, 64 wrong arguments.
`,
  validate: `faultline validate <config.json>

Checks a JSON file of init options with the rules the SDK applies at start, and lists every problem.

Options:
  -h, --help     Show this help

Exit codes: 0 valid, 1 problems found (listed on stderr), 64 wrong arguments.
`,
  sourcemaps: `faultline sourcemaps inject <dir>… [--dry-run]

Gives each built JavaScript file under the folders that has a source map (beside it, named by its
sourceMappingURL, or inline) a debug ID, in the format of sentry-cli sourcemaps inject and Sentry's
bundler plugins: a snippet on the first line that registers the ID for the browser SDK, //# debugId=
on the last, debugId and debug_id in the map. IDs come from the files' content, so the same build
gets the same IDs, and files that have one already keep it: a second run changes nothing. Upload the
folder with Sentry's or GlitchTip's command afterwards, or point faultline dev --source-maps at it.

Options:
  --dry-run      Say what would change, write nothing
  -h, --help     Show this help

Exit codes: 0 done, 1 a file could not be injected or no JavaScript file with a source map was found,
64 wrong arguments.
`,
  dashboard: `faultline dashboard

Prints, as JSON on stdout, the Grafana dashboard shipped with Faultline: errors over time by service and
level, top and new error fingerprints, the logs of one trace beside its errors and crash-free sessions per
release (from what Faultline sends to Loki), then the SDKs' health from their Prometheus metrics
(faultline_*: drops by reason, queue depth, durability, send latency). Import it in Grafana (Dashboards >
New > Import) or put it in a provisioning folder; pick the Loki and Prometheus datasources, the services
(the service_name label) and the scrape jobs in its variables.

Options:
  -h, --help     Show this help

Exit codes: 0 printed, 1 the file shipped with the CLI could not be read, 64 wrong arguments.
`,
};

/** What `faultline --help` (no command) or `faultline <command> --help` prints. */
export function helpText(command?: CommandName): string {
  return command ? COMMANDS[command] : OVERVIEW;
}

export const isCommand = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);
