import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AutoComplete, Input, Tree, type TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { get } from '../../api/client.ts';
import type { AreaLevel, AreaSearch as AreaSearchAnswer, AreaSummary } from '../../api/types.ts';
import { useLabels } from '../../lib/labels.ts';
import { useT } from '../../i18n/index.tsx';
import type { useAreaTree } from '../../lib/useAreaTree.ts';

interface Props {
  root: { code: string; name: string; level: AreaLevel };
  tree: ReturnType<typeof useAreaTree>;
  selected: string | undefined;
  /** Codes from the root down to the selected area's parent, to expand. */
  ancestors: string[];
  onSelect: (code: string) => void;
}

/**
 * Brings the selected node into view inside the tree's own scroll box. Not `scrollIntoView`, which
 * scrolls every scrolling ancestor too and so moved the whole page down as it opened.
 */
function revealInBox(node: HTMLElement, box: HTMLElement): void {
  const n = node.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (n.top < b.top) box.scrollTop -= b.top - n.top;
  else if (n.bottom > b.bottom) box.scrollTop += n.bottom - b.bottom;
}

export function AreaTree({ root, tree, selected, ancestors, onSelect }: Props) {
  const t = useT();
  const labels = useLabels();
  const [expanded, setExpanded] = useState<string[]>([root.code]);
  const { children, ensureChildren, ensurePath } = tree;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void ensureChildren(root.code).catch(() => undefined);
  }, [root.code, ensureChildren]);

  // Opening an area by URL expands the tree down to it.
  const ancestorKey = ancestors.join(',');
  useEffect(() => {
    if (!ancestorKey) return;
    const codes = ancestorKey.split(',');
    let cancelled = false;
    ensurePath(codes)
      .then(() => {
        if (cancelled) return;
        setExpanded((prev) => Array.from(new Set([...prev, ...codes])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [ancestorKey, ensurePath]);

  useEffect(() => {
    if (!selected) return;
    const id = window.setTimeout(() => {
      const node = box.current?.querySelector<HTMLElement>(`[data-testid="tree-node-${selected}"]`);
      if (node && box.current) revealInBox(node, box.current);
    }, 50);
    return () => window.clearTimeout(id);
  }, [selected, expanded]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const build = (a: { code: string; name: string; level: AreaLevel; childCount?: number }): TreeDataNode => {
      const kids = children[a.code];
      return {
        key: a.code,
        title: (
          <span className="gz-tree-title" data-testid={`tree-node-${a.code}`}>
            <span className="gz-tree-name">{a.name}</span>
            <span className="gz-tree-level">{labels.level(a.level)}</span>
          </span>
        ),
        isLeaf: a.level === 'unit' || a.childCount === 0,
        children: kids?.map((k: AreaSummary) => build(k)),
      };
    };
    return [build(root)];
  }, [children, root, labels]);

  return (
    <div className="gz-area-tree" data-testid="area-tree">
      <AreaSearch onPick={onSelect} placeholder={t('area.treeSearch')} />
      <div className="gz-area-tree-scroll" ref={box}>
        <Tree
          blockNode
          showLine={{ showLeafIcon: false }}
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected] : []}
          onSelect={(_keys, info) => {
            // Selecting an area also opens it, so a click drills down one level.
            const k = String(info.node.key);
            if (!info.node.isLeaf) {
              void ensureChildren(k)
                .then(() => setExpanded((prev) => (prev.includes(k) ? prev : [...prev, k])))
                .catch(() => undefined);
            }
            onSelect(k);
          }}
          loadData={async (node) => {
            await ensureChildren(String(node.key));
          }}
        />
      </div>
    </div>
  );
}

/** Name search within the caller's scope (`GET /api/areas?q=`). */
export function AreaSearch({ onPick, placeholder }: { onPick: (code: string) => void; placeholder: string }) {
  const labels = useLabels();
  const [options, setOptions] = useState<{ value: string; label: ReactNode }[]>([]);
  const [text, setText] = useState('');

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const ctrl = new AbortController();
    const id = window.setTimeout(() => {
      get<AreaSearchAnswer>('/api/areas', { q }, ctrl.signal)
        .then((r) =>
          setOptions(
            r.items.slice(0, 30).map((a) => ({
              value: a.code,
              label: (
                <span className="gz-search-hit">
                  <span>{a.name}</span>
                  <span className="gz-tree-level">{labels.level(a.level)}</span>
                </span>
              ),
            })),
          ),
        )
        .catch(() => undefined);
    }, 250);
    return () => {
      ctrl.abort();
      window.clearTimeout(id);
    };
  }, [text, labels]);

  return (
    <AutoComplete
      className="gz-area-search"
      options={text.trim() ? options : []}
      value={text}
      onChange={setText}
      onSelect={(code: string) => {
        setText('');
        onPick(code);
      }}
      popupMatchSelectWidth={280}
    >
      <Input prefix={<SearchOutlined />} placeholder={placeholder} allowClear data-testid="area-search" />
    </AutoComplete>
  );
}
