// Downloads a file the server generates (Excel ledgers, Word bulletins) with the session cookie,
// keeping the server's Chinese file name; a refusal arrives as an ApiError with its message.
import { ApiError, withQuery, type Query } from '../api/client.ts';

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain?.[1] ?? fallback;
}

async function save(res: Response, fallback: string): Promise<string> {
  if (!res.ok) {
    let err: { code?: string; message?: string } | undefined;
    try {
      err = ((await res.json()) as { error?: { code?: string; message?: string } }).error;
    } catch {
      err = undefined;
    }
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `下载失败（${res.status}）`);
  }
  const blob = await res.blob();
  const name = fileNameOf(res, fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

export async function downloadFile(path: string, query?: Query, fallback = 'download'): Promise<string> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  return save(res, fallback);
}

export async function downloadPost(path: string, body: unknown, fallback = 'download'): Promise<string> {
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return save(res, fallback);
}
