import crypto from 'node:crypto';
import { DomainError, invalid, notFound } from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import * as repo from '../repositories/cases.ts';
import type { AppContext } from './context.ts';
import { UsageLimiter } from '../lib/rate-limit.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Accepted uploads (photos of cases, wishes, orders and patrols; PDF documents), recognised by their
 * first bytes: the declared type and the file name are not trusted, the stored extension comes from here.
 */
const SIGNATURES: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'image/gif', ext: 'gif', test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  { mime: 'image/heic', ext: 'heic', test: (b) => /^ftyp(heic|heix|hevc|hevx|mif1|msf1)$/.test(b.subarray(4, 12).toString('latin1')) },
  { mime: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export function sniffMime(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(data))?.mime ?? null;
}

/** Images are shown in the page; every other type (PDF) is only ever downloaded. */
/** The media types a stored file may have. */
export const FILE_TYPES = SIGNATURES.map((s) => s.mime);

export const isInlineType = (mime: string) => /^image\/(jpeg|png|webp|gif|heic)$/.test(mime);

/** The stored name: the given base name, cleaned, with the extension of the detected type. */
export function storedName(given: string, mime: string): string {
  const ext = SIGNATURES.find((s) => s.mime === mime)?.ext ?? 'bin';
  const base = (given.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\.[^.]*$/, '')
    .replace(/\./g, '_')
    .trim()
    .slice(0, 80);
  return `${base || 'file'}.${ext}`;
}

// ---- anonymous uploads: only inside a QR report in progress -------------------------------------

/** A QR report form asks for one token when it opens: good for 30 minutes and MAX_FILES_PER_TOKEN files. */
export const UPLOAD_TOKEN_TTL_S = 30 * 60;
export const MAX_FILES_PER_TOKEN = 9;
/** Per source address: tokens issued and anonymous files stored per hour. */
const TOKENS_PER_SOURCE_PER_HOUR = 20;
const FILES_PER_SOURCE_PER_HOUR = 30;
const BYTES_PER_SOURCE_PER_HOUR = 60 * 1024 * 1024;

const tokenIssues = new UsageLimiter(TOKENS_PER_SOURCE_PER_HOUR, 3600_000);
const tokenUses = new UsageLimiter(MAX_FILES_PER_TOKEN, UPLOAD_TOKEN_TTL_S * 1000);
const sourceFiles = new UsageLimiter(FILES_PER_SOURCE_PER_HOUR, 3600_000);
const sourceBytes = new UsageLimiter(BYTES_PER_SOURCE_PER_HOUR, 3600_000);

function tokenSig(ctx: AppContext, body: string) {
  return crypto.createHmac('sha256', signingKey(ctx)).update(`upload-token.${body}`).digest('base64url');
}

/** `POST /api/files/upload-token`: issued to anyone, throttled per source address. */
export function issueUploadToken(ctx: AppContext, source: string) {
  tokenIssues.take(source, 1, '申请上传次数过多，请稍后再试');
  const exp = Math.floor(Date.now() / 1000) + UPLOAD_TOKEN_TTL_S;
  const body = `${exp}.${crypto.randomBytes(12).toString('base64url')}`;
  return { token: `${body}.${tokenSig(ctx, body)}`, expiresAt: new Date(exp * 1000).toISOString(), maxFiles: MAX_FILES_PER_TOKEN, maxBytes: MAX_FILE_BYTES };
}

function checkUploadToken(ctx: AppContext, token: string | undefined): string {
  const m = token ? /^(\d{10})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) throw new DomainError('unauthenticated', 'upload_token_required', '请先登录，或在扫码上报页面内上传照片（缺少上传凭证）');
  const body = `${m[1]}.${m[2]}`;
  const expected = Buffer.from(tokenSig(ctx, body));
  const given = Buffer.from(m[3]!);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected) || Number(m[1]) < Date.now() / 1000) {
    throw new DomainError('unauthenticated', 'upload_token_invalid', '上传凭证无效或已过期，请刷新上报页面后重试');
  }
  return m[2]!;
}

function signingKey(ctx: AppContext): Buffer {
  return Buffer.from(ctx.cipher.lookupHash('gongzhi/file-url-signing'), 'hex');
}

/** Links to files are signed and expire, so a page can show a photo without a session. */
export function fileUrl(ctx: AppContext, id: string, ttlSeconds = 3600): string {
  const exp = Math.floor(Date.now() / 1000 / 600) * 600 + ttlSeconds; // rounded so URLs stay cacheable a while
  const sig = crypto.createHmac('sha256', signingKey(ctx)).update(`${id}.${exp}`).digest('base64url');
  return `/api/files/${id}?exp=${exp}&sig=${sig}`;
}

export function verifyFileUrl(ctx: AppContext, id: string, exp: number, sig: string): boolean {
  if (!Number.isFinite(exp) || exp < Date.now() / 1000) return false;
  const expected = crypto.createHmac('sha256', signingKey(ctx)).update(`${id}.${exp}`).digest();
  const given = Buffer.from(sig, 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Stores one upload. Signed-in users upload freely; anonymous callers need the upload token of a
 * QR report in progress (`uploadToken`), and files are counted per token and per source address.
 */
export async function saveUpload(ctx: AppContext, actor: Actor | null, name: string, data: Buffer, anon: { uploadToken?: string; source: string } = { source: 'unknown' }) {
  const nonce = actor ? null : checkUploadToken(ctx, anon.uploadToken);
  if (data.length === 0) throw invalid('empty_file', '文件为空', { field: 'file' });
  if (data.length > MAX_FILE_BYTES) throw new DomainError('too_large', 'payload_too_large', `文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const mime = sniffMime(data);
  if (!mime) throw invalid('unsupported_file_type', '只支持 JPEG、PNG、WebP、GIF、HEIC 图片和 PDF 文件', { field: 'file' });
  if (nonce) {
    tokenUses.take(nonce, 1, `每次上报最多上传 ${MAX_FILES_PER_TOKEN} 个文件`);
    sourceFiles.take(anon.source, 1, '上传文件过多，请稍后再试');
    sourceBytes.take(anon.source, data.length, '上传文件过多，请稍后再试');
  }
  const safeName = storedName(name, mime);
  const row = await repo.insertFile(ctx.db, {
    uploaderId: actor?.id ?? null,
    name: safeName,
    mime,
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    data,
  });
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, url: fileUrl(ctx, row.id) };
}

export async function readFile(ctx: AppContext, id: string, exp: number, sig: string) {
  if (!verifyFileUrl(ctx, id, exp, sig)) throw notFound('文件');
  const f = await repo.findFile(ctx.db, id);
  if (!f) throw notFound('文件');
  return f;
}
