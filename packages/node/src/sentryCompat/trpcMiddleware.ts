import { captureException } from '@faultline/core';

type TrpcResult = { ok: boolean; error?: unknown };
type TrpcMiddlewareArgs<R extends TrpcResult> = {
  path?: string;
  type?: string;
  next(): Promise<R>;
  rawInput?: unknown;
  getRawInput?(): Promise<unknown>;
};

/**
 * Sentry's tRPC middleware: `t.procedure.use(trpcMiddleware())`. A procedure that fails is captured
 * (mechanism `trpc`, unhandled) with `contexts.trpc` naming it (and, with `attachRpcInput`, its input).
 */
export function trpcMiddleware(options: { attachRpcInput?: boolean; forceTransaction?: boolean } = {}) {
  return async function faultlineTrpcMiddleware<R extends TrpcResult>(args: TrpcMiddlewareArgs<R>): Promise<R> {
    const trpc: Record<string, unknown> = { procedure_path: args.path, procedure_type: args.type };
    if (options.attachRpcInput) {
      try {
        trpc.input = args.getRawInput ? await args.getRawInput() : args.rawInput;
      } catch {
        // no input to attach
      }
    }
    const result = await args.next();
    if (!result.ok && result.error !== undefined) {
      captureException(result.error, { mechanism: { handled: false, type: 'trpc' }, contexts: { trpc } });
    }
    return result;
  };
}
