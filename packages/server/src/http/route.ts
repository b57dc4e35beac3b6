import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SessionUserDto } from '../api-types.ts';
import type { AccessRule } from '../auth/access.ts';
import type { AuditActor } from '../audit/audit-log.ts';
import type { AppContext } from './app-context.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The logged-in user, or null on public routes. */
  readonly user: SessionUserDto | null;
  readonly actor: AuditActor;
  readonly raw: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * A route declares its method, path, access rule and zod schemas; http/register-routes.ts validates input, checks
 * access (role, then jurisdiction through `region`) and serialises the answer. Declaring routes as values keeps the
 * table inspectable: the jurisdiction matrix test walks it.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  readonly method: HttpMethod;
  readonly url: string;
  readonly access: AccessRule;
  readonly summary: string;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Status of a successful answer (default 200; 204 sends no body). */
  readonly status?: number;
  /**
   * For routes with `jurisdiction` other than `none`: the region the request touches, resolved from the input
   * (and the database when the input names an entity). null = no particular region (the list is filtered instead).
   */
  readonly region?: (ctx: AppContext, req: RouteRequest<P, Q, B>) => Promise<string | null>;
  readonly handler: (ctx: AppContext, req: RouteRequest<P, Q, B>) => Promise<R>;
}

/** Identity function that keeps the type parameters inferred at the call site. */
export function defineRoute<P = unknown, Q = unknown, B = unknown, R = unknown>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous route table
export type AnyRoute = RouteSpec<any, any, any, any>;
