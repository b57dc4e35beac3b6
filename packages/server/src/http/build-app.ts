import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { ErrorDto } from '../api-types.ts';
import type { AppContext } from './app-context.ts';
import { AppError, type AppErrorCode } from './app-error.ts';
import { registerRoutes } from './register-routes.ts';
import { ROUTES } from './routes.ts';

export interface BuildAppOptions {
  /** Folder with the built web app (index.html + assets); null serves the API only. */
  readonly webDistDir: string | null;
  /** Largest accepted JSON body. */
  readonly bodyLimit?: number;
}

/** The largest upload any route accepts (a plan file); routes set their own lower limits. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const CODE_BY_STATUS: Record<number, AppErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const MESSAGE_BY_CODE: Partial<Record<AppErrorCode, string>> = {
  payload_too_large: '上传内容超过大小限制',
  unsupported_media_type: '不支持的内容类型',
  rate_limited: '请求过于频繁，请稍后再试',
  not_found: '未找到',
  bad_request: '请求格式有误',
};

function toErrorBody(code: AppErrorCode, message: string, details?: unknown): ErrorDto {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Build the HTTP application: security plugins, the route table, errors mapped in one place, the web app. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = ctx.logger;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: false,
  });

  // Only JSON bodies (and multipart, where a feature registers it): a cross-site form cannot send these.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: ctx.secureCookies,
  });
  await app.register(fastifyCookie);
  // Upload limits: the largest file a route accepts is checked again per route (http/multipart.ts).
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 20, fieldSize: 1024 * 1024 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const err = new AppError(
        'rate_limited',
        `登录尝试过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
      );
      return err;
    },
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(error.status).send(toErrorBody(error.code, error.message, error.details));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    const code = CODE_BY_STATUS[status];
    if (code === undefined || status >= 500) {
      request.log.error({ err: error }, 'unexpected error');
      return reply.status(500).send(toErrorBody('internal', '服务器内部错误，请稍后重试'));
    }
    return reply.status(status).send(toErrorBody(code, MESSAGE_BY_CODE[code] ?? error.message));
  });

  registerRoutes(app, ctx, ROUTES);

  const webDir = options.webDistDir;
  const indexHtml = webDir === null ? null : path.join(webDir, 'index.html');
  const hasWeb = webDir !== null && indexHtml !== null && fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply
        .status(404)
        .send(toErrorBody('not_found', `没有这个接口：${request.method} ${request.url.split('?')[0] ?? ''}`));
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('网页尚未构建 (web app not built): run `npm run build:web`.');
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
