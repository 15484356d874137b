import { checkOptionLayers, type OptionLayer, type OptionsReport } from '@faultline/core';
import { NODE_OPTION_CHECKS, type NodeOptions } from '../nodeOptions';
import { configFileLayer } from './configFileLayer';
import { environmentLayer, misspelledVariables, SENTRY_VARIABLES } from './environmentLayer';

/**
 * The options `init` runs with: those given to it, over `FAULTLINE_*` variables, over the config file,
 * over defaults. Every value is checked where it came from; what is invalid is left out (the next
 * source or the default applies) and reported, so that `initAndBind` prints one message for all.
 * `fromSentry` names the `SENTRY_*` variables that set an option (no `FAULTLINE_*` one, nor init, did).
 */
export function resolveNodeOptions(
  options: NodeOptions | undefined,
  env: NodeJS.ProcessEnv,
): { options: NodeOptions; report: OptionsReport; dsnSources: string[]; fromSentry: string[] } {
  const given: unknown = options ?? {};
  const environment = environmentLayer(env);
  const layers: OptionLayer[] = [{ options: given, source: 'init option' }, environment];
  const problems = misspelledVariables(env);
  const fromInit = typeof given === 'object' && given !== null ? (given as NodeOptions).configFile : undefined;
  const [file, namedBy] =
    typeof fromInit === 'string' && fromInit !== ''
      ? [fromInit, 'init option']
      : [environment.options.configFile as string | undefined, 'FAULTLINE_CONFIG'];
  if (file !== undefined) {
    const { layer, problem } = configFileLayer(file, namedBy);
    if (problem) problems.push(problem);
    if (layer) layers.push(layer);
  }
  const checked = checkOptionLayers(layers, NODE_OPTION_CHECKS);
  // A SENTRY_* variable counts as used when init did not give the option itself.
  const initOptions = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const fromSentry = environment.fromSentry.filter((name) => initOptions[SENTRY_VARIABLES[name]!] === undefined);
  return {
    options: checked.options as NodeOptions,
    report: { problems: [...problems, ...checked.problems], unsupported: checked.unsupported, fatal: checked.fatal },
    // Where a DSN was looked for, in order, for the warning when none was found.
    dsnSources: [
      'the `dsn` init option',
      'FAULTLINE_DSN',
      'SENTRY_DSN',
      file === undefined ? 'a config file (none named by `configFile` or FAULTLINE_CONFIG)' : `config file ${file}`,
    ],
    fromSentry,
  };
}
