import { z } from 'zod';
import type { SessionDto } from '../../api-types.ts';
import { ALL_STAFF } from '../../auth/access.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { deleteSession, resolveSession, SESSION_COOKIE, SESSION_IDLE_MS } from '../../auth/sessions.ts';
import { AppError } from '../../http/app-error.ts';
import { loadSession } from '../../http/register-routes.ts';
import { defineRoute } from '../../http/route.ts';
import { logIn } from './login.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const authRoutes = [
  defineRoute<unknown, unknown, z.infer<typeof loginBody>, SessionDto>({
    method: 'POST',
    url: '/api/auth/login',
    access: { kind: 'public' },
    summary: 'Log in with username and password; sets the HTTP-only session cookie',
    body: loginBody,
    handler: async (ctx, req) => {
      const now = ctx.now();
      const result = await logIn(ctx.db, req.body.username, req.body.password, now, req.raw.id);
      if (!result.ok) {
        if (result.error.kind === 'locked') {
          throw new AppError('account_locked', '密码错误次数过多，账户已临时锁定，请 15 分钟后再试');
        }
        throw new AppError('invalid_credentials', '用户名或密码错误');
      }
      req.reply.setCookie(SESSION_COOKIE, result.value.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.secureCookies,
        path: '/',
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      const session = await resolveSession(ctx.db, result.value.token, now);
      if (session === null) throw new AppError('internal', '会话创建失败');
      return { user: session.user, csrfToken: session.csrfToken };
    },
  }),
  defineRoute<unknown, unknown, unknown, SessionDto>({
    method: 'GET',
    url: '/api/auth/session',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'The current user and the CSRF token for state-changing requests',
    handler: async (ctx, req) => {
      const session = await loadSession(ctx, req.raw);
      if (session === null) throw new AppError('unauthenticated', '请先登录');
      return { user: session.user, csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    access: { kind: 'staff', roles: ALL_STAFF, jurisdiction: 'none' },
    summary: 'End the session',
    status: 204,
    handler: async (ctx, req) => {
      const session = await loadSession(ctx, req.raw);
      if (session !== null) {
        await deleteSession(ctx.db, session.sessionId);
        await ctx.db.transaction().execute((trx) =>
          appendAudit(trx, req.actor, {
            action: 'auth.logout',
            entity: 'user',
            entityId: String(session.user.id),
          }),
        );
      }
      req.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return null;
    },
  }),
];
