import type { Socket } from 'node:net';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a control character in a header,
 * an oversized header or query line, a malformed request line) still answer in the contract's
 * shape: `{"error":{"code","message"}}` under /api, GeoReport's `[{code, description}]` under
 * /open311 (found in the raw request line when there is one).
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout', '请求超时']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'header_too_large', '请求头或请求地址过长']
        : [400, 'Bad Request', 'bad_request', '请求格式不正确（请求行或请求头中含有非法字符）'];
  const line = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.subarray(0, 200).toString('latin1') : '';
  const open311 = /^[A-Z]+ \/open311\//.test(line);
  const xml = open311 && /^[A-Z]+ \S*\.xml/.test(line);
  const description = status === 431 ? 'request header or URL too large' : status === 408 ? 'request timeout' : 'bad request';
  const body = open311
    ? xml
      ? `<?xml version="1.0" encoding="utf-8"?><errors><error><code>${status}</code><description>${description}</description></error></errors>`
      : JSON.stringify([{ code: status, description }])
    : JSON.stringify({ error: { code, message } });
  const type = xml ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${type}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
