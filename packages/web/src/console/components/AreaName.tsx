import { Tooltip } from 'antd';
import { get } from '../../api/client.ts';
import type { AreaDetail } from '../../api/types.ts';
import { useApi } from '../../lib/useApi.ts';

const cache = new Map<string, Promise<AreaDetail>>();

function areaOf(code: string): Promise<AreaDetail> {
  let p = cache.get(code);
  if (!p) {
    p = get<AreaDetail>(`/api/areas/${code}`);
    p.catch(() => cache.delete(code));
    cache.set(code, p);
  }
  return p;
}

/**
 * An area's name for a code in a table cell (the code stays in the tooltip); `full` shows the path
 * the caller may see (状元街居委会 / 第一网格 / 1幢). Falls back to the code.
 */
export function AreaName({ code, full }: { code: string | null | undefined; full?: boolean }) {
  const res = useApi(code ? () => areaOf(code) : null, [code]);
  if (!code) return <span className="gz-muted">—</span>;
  const a = res.data?.code === code ? res.data : undefined;
  const text = a ? (full ? a.path.map((p) => p.name).join(' / ') : a.name) : undefined;
  return (
    <Tooltip title={a ? `${a.path.map((p) => p.name).join(' / ')} · ${code}` : code}>
      <span>{text ?? <span className="gz-mono">{code}</span>}</span>
    </Tooltip>
  );
}
