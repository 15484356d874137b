import { isSentryOnlyOption } from './sentryOnlyOptions';
import { suggestOption } from './suggestOption';

// Replaced by bundlers: a production browser bundle leaves the help below out, unless a platform gives it.
declare const process: { env: { NODE_ENV?: string } };

/** What turns an unknown option into a useful warning: "did you mean", and Sentry's option list. */
export interface OptionHelp {
  /** The known option an unknown key was most likely meant to be. */
  suggest(key: string, known: Iterable<string>): string | undefined;
  /** Whether a key is a Sentry option Faultline ignores (said under `debug`, not warned about). */
  isSentryOnly(key: string): boolean;
}

/** The full help: what development builds use, and what Node provides whatever its NODE_ENV says. */
const OPTION_HELP: OptionHelp = { suggest: suggestOption, isSentryOnly: isSentryOnlyOption };

let provided: OptionHelp | undefined;

/**
 * Keeps the option help whatever `process.env.NODE_ENV` says at run time (`false` withdraws it). In Node
 * it names the app's environment, not a build, and a production service still deserves its unknown-option
 * warning: the Node and CLI packages call this before they check options. Browser bundles do not, so a
 * production bundle leaves the help out.
 */
export function provideOptionHelp(provide = true): void {
  provided = provide ? OPTION_HELP : undefined;
}

/** The help in effect: always in development builds, in production only where a platform provided it. */
export function optionHelp(): OptionHelp | undefined {
  return process.env.NODE_ENV !== 'production' ? OPTION_HELP : provided;
}
