import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { get } from '../../api/client.ts';
import type { AreaDetail, AreaSearch } from '../../api/types.ts';
import { useLabels } from '../../lib/labels.ts';

interface Option {
  value: string;
  label: string;
}

/** Picks an area by typing part of its name (`GET /api/areas?q=`); shows the current code's name. */
export function AreaSearchSelect({ id, value, onChange, placeholder, testId }: { id?: string; value?: string; onChange?: (v: string) => void; placeholder?: string; testId?: string }) {
  const labels = useLabels();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [current, setCurrent] = useState<Option | null>(null);

  const toOption = (a: { code: string; name: string; level: string }): Option => ({
    value: a.code,
    label: `${a.name}（${labels.level(a.level)} ${a.code}）`,
  });

  useEffect(() => {
    if (!value) return;
    const ctrl = new AbortController();
    get<AreaDetail>(`/api/areas/${value}`, undefined, ctrl.signal)
      .then((a) => setCurrent({ value: a.code, label: `${a.path.map((p) => p.name).join(' / ')}（${a.code}）` }))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const ctrl = new AbortController();
    const id = window.setTimeout(() => {
      get<AreaSearch>('/api/areas', { q }, ctrl.signal)
        .then((r) => setOptions(r.items.slice(0, 50).map(toOption)))
        .catch(() => undefined);
    }, 250);
    return () => {
      ctrl.abort();
      window.clearTimeout(id);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const shown = current && current.value === value && !options.some((o) => o.value === value) ? [current, ...options] : options;

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={shown}
      aria-label={placeholder} placeholder={placeholder}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}
