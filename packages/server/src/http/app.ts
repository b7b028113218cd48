import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import './zod-zh.ts';
import { DomainError } from '@gongzhi/domain';
import { ErrorResponse, Health, isContractOperation, PublicConfig } from '@gongzhi/domain/contract';
import { firstFrames, pageCopy, routeDocuments, routePages, scriptHashSource, type FirstFrame } from './route-hints.ts';
import { renderedPages, SSR_DIR } from './rendered-pages.ts';
import type { AppContext } from '../services/context.ts';
import { authenticate } from '../services/auth.ts';
import { errorHandler, toErrorResponse } from './errors.ts';
import { clientErrorHandler } from './client-errors.ts';
import { isHttps, SESSION_COOKIE } from './request.ts';
import { tileOrigins } from '../config.ts';
import { authRoutes } from '../routes/auth.ts';
import { areaRoutes } from '../routes/areas.ts';
import { peopleRoutes } from '../routes/people.ts';
import { adminRoutes } from '../routes/admin.ts';
import { workTimeRoutes } from '../routes/work-time.ts';
import { caseMeetingRoutes } from '../routes/case-meetings.ts';
import { caseAssessmentRoutes } from '../routes/case-assessments.ts';
import { receptionRoutes } from '../routes/reception.ts';
import { caseRoutes } from '../routes/cases.ts';
import { suggestRoutes } from '../routes/suggest.ts';
import { catalogueRoutes } from '../routes/catalogue.ts';
import { open311Routes, sendOpen311Error } from '../routes/open311.ts';
import { pointsRoutes } from '../routes/points.ts';
import { statsRoutes } from '../routes/stats.ts';
import { wishRoutes } from '../routes/wishes.ts';
import { surveyRoutes } from '../routes/surveys.ts';
import { activityRoutes } from '../routes/activities.ts';
import { deliberationRoutes } from '../routes/deliberations.ts';
import { deliberationMeetingRoutes } from '../routes/deliberation-meetings.ts';
import { conventionRoutes } from '../routes/conventions.ts';
import { projectRoutes } from '../routes/projects.ts';
import { fourListRoutes } from '../routes/four-lists.ts';
import { propertyRoutes } from '../routes/property.ts';
import { orderRoutes } from '../routes/orders.ts';
import { partyRoutes } from '../routes/party.ts';
import { staffingRoutes } from '../routes/staffing.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { emergencyRoutes } from '../routes/emergencies.ts';
import { evacuationRoutes } from '../routes/evacuation.ts';
import { directoryRoutes } from '../routes/directory.ts';
import { cadreRoutes } from '../routes/cadres.ts';
import { cockpitRoutes } from '../routes/cockpit.ts';
import { exportRoutes } from '../routes/exports.ts';
import { importRoutes } from '../routes/imports.ts';
import { bulletinRoutes } from '../routes/bulletins.ts';
import { todoRoutes } from '../routes/todo.ts';
import { burdenRoutes } from '../routes/burden.ts';
import { chainRoutes } from '../routes/chains.ts';

/** What a session whose password must be changed may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/session', '/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/health']);

export interface BuildOptions {
  logger?: boolean | { level: string };
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // The first frames (dist/first-frames.json), read once: the public phone pages' script's hash goes into the CSP, the
  // frames (those and the console's outline) into the pages.
  const frames = firstFrames(ctx.config.webDist);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For/-Proto are believed only from the configured reverse proxies (TRUST_PROXY);
    // from anyone else they are ignored, so a client cannot choose the address the audit log and
    // the login throttle see.
    trustProxy: ctx.config.trustProxy.length > 0 ? ctx.config.trustProxy : false,
    // Hostile URLs (overlong, odd encodings) end as 4xx in the contract's shape, never 5xx.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (err, req, reply) => {
      if (req.url.startsWith('/open311/')) {
        const { status } = toErrorResponse(err);
        return sendOpen311Error(reply, req.url, status, status === 414 ? 'URL too long' : 'bad URL');
      }
      return errorHandler(err, req, reply);
    },
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: no text/plain parser, so a cross-site form cannot post to the API.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  // JSON answers (and anything else compressible that is not pre-compressed on disk) go out as brotli or
  // gzip when the client accepts it, from 1 KiB up. Brotli at quality 4 keeps the CPU cost per answer
  // small; the built web assets are compressed at quality 11 once, at build time (see docs/PERFORMANCE.md).
  // Spreadsheet exports and uploaded photos are not compressible types and pass through as they are.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(helmet, {
    // The built app loads only its own scripts (Vite emits no inline script); the one inline script allowed is the one
    // that fits the public phone pages' first frame to the phone's stored choices, by its hash. antd 6 and antd-mobile
    // inject their CSS-in-JS as <style> elements at run time and Leaflet positions the map with style
    // attributes, so styles need 'unsafe-inline'; scripts never do. See docs/SECURITY.md.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...new Set(frames.filter((f) => f.script).map((f) => scriptHashSource(f.script)))],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The tiles of a configured base map (MAP_TILE_URL) come from its own server.
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(ctx.config.mapTiles)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only when the request came over HTTPS (see the hook below), never on plain HTTP.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongzhi 共治 API',
        version: '1.0.0',
        description: '党建引领基层治理平台接口。公开契约（API-CONTRACT）的接口在摘要后标“（公开契约）”，并带 x-public-contract: true；错误统一为 {"error":{"code","message"}}。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with a `meta({ id })` (the shared error shape) become components/schemas entries the operations refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const CONTRACT_MARK = '（公开契约）';

  // A route that declares its answers (`response: { 200: … }`, docs/API.md) answers its errors in the one shape of the
  // contract too: the error handler's body goes through the same serialiser, and the document shows both.
  app.addHook('onRoute', (route) => {
    // The public contract's operations (one list: CONTRACT_OPERATIONS) are marked in the document and on /api/docs.
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.schema && methods.some((m) => isContractOperation(m, route.url))) {
      const schema = route.schema as { summary?: string; 'x-public-contract'?: boolean };
      schema['x-public-contract'] = true;
      if (!schema.summary?.endsWith(CONTRACT_MARK)) schema.summary = `${schema.summary ?? ''}${CONTRACT_MARK}`;
    }
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!response) return;
    response['4xx'] ??= ErrorResponse;
    response['5xx'] ??= ErrorResponse;
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req, reply) => {
    if (isHttps(req, ctx)) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/open311/')) return;
    reply.header('Cache-Control', 'no-store');
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.actor = await authenticate(ctx, token);
      // After a reset or when the password is too old, nothing but changing it (or leaving) is allowed.
      if (req.actor?.passwordChange && !PASSWORD_CHANGE_ALLOWED.has(req.url.split('?')[0]!)) {
        throw new DomainError(
          'forbidden',
          'password_change_required',
          req.actor.passwordChange === 'reset' ? '密码已被管理员重置，请先修改密码' : `密码已使用超过 ${ctx.config.passwordMaxAgeDays} 天，请先修改密码`,
        );
      }
    }
  });

  app.get('/api/health', { schema: { tags: ['meta'], summary: '健康检查', response: { 200: Health } } }, async () => ({ status: 'ok' }));
  // What the web app needs before anyone logs in: the base map (MAP_TILE_*), null when none is set.
  app.get('/api/config', { schema: { tags: ['meta'], summary: '前端公开配置（底图）', security: [], response: { 200: PublicConfig } } }, async () => ({ map: { tiles: ctx.config.mapTiles } }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, ctx);
  areaRoutes(app, ctx);
  peopleRoutes(app, ctx);
  adminRoutes(app, ctx);
  suggestRoutes(app, ctx);
  caseRoutes(app, ctx);
  todoRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  workTimeRoutes(app, ctx);
  caseMeetingRoutes(app, ctx);
  caseAssessmentRoutes(app, ctx);
  receptionRoutes(app, ctx);
  pointsRoutes(app, ctx);
  await open311Routes(app, ctx);
  statsRoutes(app, ctx);
  wishRoutes(app, ctx);
  surveyRoutes(app, ctx);
  activityRoutes(app, ctx);
  orderRoutes(app, ctx);
  partyRoutes(app, ctx);
  staffingRoutes(app, ctx);
  burdenRoutes(app, ctx);
  campaignRoutes(app, ctx);
  emergencyRoutes(app, ctx);
  evacuationRoutes(app, ctx);
  directoryRoutes(app, ctx);
  cadreRoutes(app, ctx);
  cockpitRoutes(app, ctx);
  exportRoutes(app, ctx);
  importRoutes(app, ctx);
  bulletinRoutes(app, ctx);
  chainRoutes(app, ctx);
  deliberationRoutes(app, ctx);
  deliberationMeetingRoutes(app, ctx);
  conventionRoutes(app, ctx);
  projectRoutes(app, ctx);
  fourListRoutes(app, ctx);
  propertyRoutes(app, ctx);

  await serveWeb(app, ctx.config.webDist, frames);
  return app;
}

/** Headers that apply to a document only (helmet sets them on every answer). */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** A file under dist/assets/ (content-hashed by the build), whatever compressed variant of it is sent. */
export function isHashedAsset(dist: string, file: string): boolean {
  const rel = path.relative(dist, file).split(path.sep);
  return rel.length === 2 && rel[0] === 'assets';
}

/** The built web app: console under `/`, mobile under `/m`, one SPA with client-side routes. */
async function serveWeb(app: FastifyInstance, dist: string, frames: FirstFrame[]) {
  const index = path.join(dist, 'index.html');
  const hasWeb = fs.existsSync(index);
  const documentFor = hasWeb ? routeDocuments(dist) : null;
  const pageFor = documentFor ? routePages(dist, frames, documentFor) : null;
  // 回音壁 drawn at request time with its data, by the app's own routes as a visitor without a session, and the cockpit's
  // outline with its heading for a visitor whose session may open it (rendered-pages.ts).
  const drawn = documentFor
    ? renderedPages(dist, frames, documentFor, async (url, headers) => app.inject({ method: 'GET', url, headers: { ...headers, accept: 'application/json' } }), app.log)
    : null;
  if (hasWeb) {
    // Vite names every file under assets/ by its content hash, so those never change: cached for a year
    // and immutable. Everything else (index.html, icons) is revalidated on each visit. The build writes
    // `.br` and `.gz` beside each asset; preCompressed serves the best one the client accepts.
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // The page renderer (dist/ssr/) is the server's, not a file to send; the public pages' document is sent only as
      // their page (route-hints.ts): opened as a file, its router would find no page of its own and reload for ever.
      allowedPath: (pathName: string) => !pathName.startsWith(`/${SSR_DIR}/`) && !pathName.startsWith('/public.html'),
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('Cache-Control', isHashedAsset(dist, file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // The document policies (CSP, framing, referrer, opener…) govern the page that index.html becomes, not the scripts
  // and styles it loads: a hashed asset keeps only nosniff and its resource policy. About 0.7 KiB less on each of the
  // ~60 assets of a cold phone page (docs/PERFORMANCE.md).
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 200 && req.url.startsWith('/assets/')) {
      for (const h of DOCUMENT_ONLY_HEADERS) reply.removeHeader(h);
    }
    return payload;
  });
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/open311/')) return sendOpen311Error(reply, url, 404, 'not found');
    if (url.startsWith('/api/') || url === '/api' || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${url.slice(0, 100)}` } });
    }
    if (/\.[a-z0-9]+$/i.test(url)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('404 文件不存在');
    }
    if (!pageFor) {
      return reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>共治</title><p>前端尚未构建，请运行 <code>npm run build</code>。</p>');
    }
    // index.html with the files this route loads first named in it (route-hints.ts), or the page drawn with its data
    // (rendered-pages.ts); revalidated by its ETag. Sent compressed, each encoding with its own ETag.
    // A console page carries the console's outline for a visitor with a session cookie (route-hints.ts `frameFor`).
    // The cockpit's outline carries its heading for a visitor whose session may open it (rendered-pages.ts).
    const signedIn = Boolean(req.cookies[SESSION_COOKIE]);
    const cookie = signedIn ? `${SESSION_COOKIE}=${req.cookies[SESSION_COOKIE]}` : undefined;
    const page = (drawn && (await drawn(url, req.url.slice(url.length), cookie))) ?? pageFor(url, signedIn);
    const copy = pageCopy(page, req.headers['accept-encoding']);
    reply.header('Cache-Control', 'no-cache').header('ETag', copy.etag).header('Vary', 'Accept-Encoding, Cookie');
    if (req.headers['if-none-match'] === copy.etag) return reply.status(304).send();
    if (copy.encoding) reply.header('Content-Encoding', copy.encoding);
    return reply.type('text/html; charset=utf-8').send(copy.body);
  });
}
