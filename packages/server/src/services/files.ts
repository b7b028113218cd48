import crypto from 'node:crypto';
import { DomainError, invalid, notFound } from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import * as repo from '../repositories/cases.ts';
import type { AppContext } from './context.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Accepted uploads, recognised by their first bytes (the declared type is not trusted). */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/heic', test: (b) => b.subarray(4, 12).toString('latin1').startsWith('ftyphei') || b.subarray(4, 12).toString('latin1').startsWith('ftypmif1') },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export function sniffMime(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(data))?.mime ?? null;
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

export async function saveUpload(ctx: AppContext, actor: Actor | null, name: string, data: Buffer) {
  if (data.length === 0) throw invalid('empty_file', '文件为空', { field: 'file' });
  if (data.length > MAX_FILE_BYTES) throw new DomainError('too_large', 'file_too_large', `文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const mime = sniffMime(data);
  if (!mime) throw invalid('unsupported_file_type', '只支持 JPEG、PNG、WebP、GIF、HEIC 图片和 PDF 文件', { field: 'file' });
  const safeName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || 'file';
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
