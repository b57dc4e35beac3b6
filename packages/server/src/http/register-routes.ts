import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SessionUserDto } from '../api-types.ts';
import { decideAccess } from '../auth/access.ts';
import { resolveSession, SESSION_COOKIE, type SessionContext } from '../auth/sessions.ts';
import type { AuditActor } from '../audit/audit-log.ts';
import type { AppContext } from './app-context.ts';
import { AppError } from './app-error.ts';
import { FileResponse } from './file-response.ts';
import type { AnyRoute, RouteRequest } from './route.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    ssjSession?: SessionContext | null;
  }
}

/**
 * The path of the first string holding a NUL character (U+0000) in a request value, or null. PostgreSQL stores no
 * NUL in text or jsonb, so such input is refused here with its field named, not by the database with a 500.
 */
function findNulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulPath(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== null) return found;
  }
  return null;
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  const nul = findNulPath(value);
  if (nul !== null) {
    const field = nul.join('.') || where;
    throw new AppError('validation_failed', `请求${where}不符合要求：${field} 含有空字符（U+0000）`, [
      { path: nul, message: 'contains U+0000' },
    ]);
  }
  if (schema === undefined) return value as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      `请求${where}不符合要求：${parsed.error.issues.map((i) => `${i.path.join('.') || where} ${i.message}`).join('；')}`,
      parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  return parsed.data;
}

/** The session behind the request's cookie, resolved once per request. */
export async function loadSession(ctx: AppContext, request: FastifyRequest): Promise<SessionContext | null> {
  if (request.ssjSession !== undefined) return request.ssjSession;
  const token = request.cookies[SESSION_COOKIE];
  const session = token === undefined || token === '' ? null : await resolveSession(ctx.db, token, ctx.now());
  request.ssjSession = session;
  return session;
}

/**
 * Cross-site request defence, on every state-changing request:
 * - with a session, the `x-csrf-token` header must equal the session's token (synchroniser token);
 * - always, an `Origin` header, when the browser sends one, must name this host;
 * - bodies are JSON or multipart only (no text/plain or form parser is registered), which a cross-site HTML form
 *   cannot send without a CORS preflight that this server never grants.
 */
function checkCsrf(request: FastifyRequest, session: SessionContext | null): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError('csrf_failed', '请求来源无效');
    }
    if (originHost !== request.headers.host) throw new AppError('csrf_failed', '跨站请求已被拒绝');
  } else if (origin === 'null') {
    throw new AppError('csrf_failed', '跨站请求已被拒绝');
  }
  if (session !== null && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('csrf_failed', '安全校验失败，请刷新页面后重试');
  }
}

function actorOf(user: SessionUserDto | null, requestId: string): AuditActor {
  return {
    userId: user?.id ?? null,
    role: user?.role ?? 'public',
    departmentId: user?.departmentId ?? null,
    requestId,
  };
}

export function registerRoutes(app: FastifyInstance, ctx: AppContext, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    // Login is rate limited per client address (on top of the per-account lockout in features/auth/login.ts).
    const config: Record<string, unknown> =
      route.url === '/api/auth/login'
        ? { rateLimit: { max: ctx.loginRateLimit.max, timeWindow: ctx.loginRateLimit.windowMs } }
        : {};
    app.route({
      method: route.method,
      url: route.url,
      config,
      handler: async (request, reply) => {
        const session = route.access.kind === 'public' ? null : await loadSession(ctx, request);
        const user = session?.user ?? null;
        if (route.access.kind !== 'public' && user === null) {
          throw new AppError('unauthenticated', '请先登录');
        }
        checkCsrf(request, session);
        // Role before input: a user who may not call the route learns nothing about its input or its records.
        if (decideAccess(route.access, user, null) === 'forbidden_role') {
          throw new AppError('forbidden', '当前角色无权执行此操作');
        }
        const req: RouteRequest<unknown, unknown, unknown> = {
          params: parseWith(route.params, request.params, '路径参数'),
          query: parseWith(route.query, request.query, '查询参数'),
          body: parseWith(route.body, request.body, '内容'),
          user,
          actor: actorOf(user, request.id),
          raw: request,
          reply,
        };
        const region =
          route.access.kind === 'staff' && route.access.jurisdiction !== 'none' && route.region !== undefined
            ? await route.region(ctx, req)
            : null;
        const decision = decideAccess(route.access, user, region);
        if (decision === 'unauthenticated') throw new AppError('unauthenticated', '请先登录');
        if (decision === 'forbidden_role') throw new AppError('forbidden', '当前角色无权执行此操作');
        if (decision === 'forbidden_region') throw new AppError('forbidden', '无权访问其他地区的数据');
        const result: unknown = await route.handler(ctx, req);
        const status = route.status ?? 200;
        reply.status(status);
        if (result instanceof FileResponse) {
          return reply
            .header('content-type', result.contentType)
            .header('content-disposition', result.contentDisposition())
            .send(Buffer.from(result.bytes));
        }
        if (status === 204) return reply.send();
        return reply.send(result);
      },
    });
  }
}
