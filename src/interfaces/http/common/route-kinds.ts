import type { CommandContext } from '../../../application/shared/command-context';
import { defineRoute, type HandlerInput, type ParameterSchema, type RouteDefinition } from '../shared';
import type { z } from 'zod';
import { commandContext, written, type CommandEdge } from './command-context.mapping';
import { awaitReadSide, type ReadSide } from './read-side';

type Params = ParameterSchema | undefined;
type Body = z.ZodType | undefined;
type RouteSpec<P extends Params, Q extends Params, B extends Body> = Omit<RouteDefinition<P, Q, B>, 'handler'>;

/** A read: waits for the read side when the client names a position, then answers 200 with `read`'s result. */
export const queryRoute = <P extends Params = undefined, Q extends Params = undefined>(
  readSide: ReadSide,
  spec: Omit<RouteSpec<P, Q, undefined>, 'method'>,
  read: (input: HandlerInput<P, Q, undefined>) => Promise<unknown>,
): RouteDefinition<P, Q, undefined> =>
  defineRoute<P, Q, undefined>({
    ...spec,
    method: 'get',
    handler: async (input) => {
      await awaitReadSide(readSide, input.context);
      return { status: 200, body: await read(input) };
    },
  });

export interface CommandSpec<P extends Params, Q extends Params, B extends Body> extends RouteSpec<P, Q, B> {
  readonly status: 200 | 201;
  /** What identifies the request for its Idempotency-Key; defaults to params and body. Leave secrets out. */
  readonly fingerprint?: (input: HandlerInput<P, Q, B>) => unknown;
}

/**
 * A change: binds any Idempotency-Key to this exact request, runs the command and answers with the body
 * and the global position it wrote (body `position`, header `Opsledger-Position`).
 */
export const commandRoute = <P extends Params = undefined, Q extends Params = undefined, B extends Body = undefined>(
  edge: CommandEdge,
  { status, fingerprint, ...spec }: CommandSpec<P, Q, B>,
  run: (input: HandlerInput<P, Q, B>, command: CommandContext) => Promise<{ readonly position: number }>,
): RouteDefinition<P, Q, B> =>
  defineRoute<P, Q, B>({
    ...spec,
    handler: async (input) => {
      const request = fingerprint ? fingerprint(input) : { params: input.params, body: input.body };
      const command = await edge.idempotency.bind(commandContext(input.context), spec.operationId, request);
      return written(status, await run(input, command));
    },
  });
