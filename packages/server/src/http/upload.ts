import { DomainError, invalid } from '@gongzhi/domain';
import type { FastifyRequest } from 'fastify';

/**
 * The one way an upload route reads its file (multipart field `file`): every way a multipart body can
 * be wrong — not multipart, no boundary, cut off, too large, no file — ends as a 4xx in the contract's
 * shape (the error mapping in errors.ts knows busboy's and @fastify/multipart's errors).
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) {
    throw Object.assign(new Error('请使用 multipart/form-data 上传文件（字段名 file）'), { code: 'FST_INVALID_MULTIPART_CONTENT_TYPE', statusCode: 415 });
  }
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
  if (!part) throw invalid('missing_file', '请选择要上传的文件（字段名 file）', { field: 'file' });
  const data = await part.toBuffer();
  if (part.file.truncated) throw tooLarge(maxBytes);
  return { filename: part.filename || 'upload', data };
}

export const tooLarge = (maxBytes: number) => new DomainError('too_large', 'payload_too_large', `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
