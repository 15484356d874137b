export type CommandName = 'dev' | 'test' | 'validate';

const OVERVIEW = `faultline: a local receiver for Sentry envelopes and Loki pushes, and checks for real destinations.

Usage:
  faultline dev [--port 8787] [--dir .faultline] [--source-maps DIR]…
  faultline test [--dsn <dsn>] [--loki <push url>] [--timeout 10]
  faultline validate <config.json>
  faultline help [command] | faultline --version

Commands:
  dev       Receive events and logs on 127.0.0.1 while you develop: printed, stored as NDJSON, shown on a page
  test      Send a test event and log to a DSN and/or a Loki URL, and say what each answered
  validate  Check a JSON config (the options of init) and list every problem

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
  --source-maps DIR  A folder of .map files that resolve minified browser frames (repeatable)
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
};

/** What `faultline --help` (no command) or `faultline <command> --help` prints. */
export function helpText(command?: CommandName): string {
  return command ? COMMANDS[command] : OVERVIEW;
}

export const isCommand = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);
