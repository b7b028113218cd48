import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import type { AreaLevel, AreaSummary } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useAreaTree } from '../../lib/useAreaTree.ts';

interface Node {
  value: string;
  key: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: Node[];
}

const PREFIX_LENGTHS = [6, 9, 12, 15, 18];

/** Codes of the areas between the scope and `code` (exclusive of `code`), whose children must be loaded to show it. */
function chainTo(code: string, scopeCode: string): string[] {
  return PREFIX_LENGTHS.filter((n) => n >= scopeCode.length && n < code.length).map((n) => code.slice(0, n));
}

/** Picks an area inside the caller's scope from a lazily loaded tree. */
export function AreaTreeSelect({
  id,
  value,
  onChange,
  placeholder,
  selectableLevels,
  allowClear = true,
  testId,
  style,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  selectableLevels?: AreaLevel[];
  allowClear?: boolean;
  testId?: string;
  style?: CSSProperties;
}) {
  const me = useMe();
  const t = useT();
  const labels = useLabels();
  const { children, ensureChildren, ensurePath } = useAreaTree();
  const [expanded, setExpanded] = useState<string[]>([me.scope.code]);

  useEffect(() => {
    void ensureChildren(me.scope.code).catch(() => undefined);
  }, [me.scope.code, ensureChildren]);

  useEffect(() => {
    if (!value || !value.startsWith(me.scope.code)) return;
    const chain = chainTo(value, me.scope.code);
    let cancelled = false;
    ensurePath(chain)
      .then(() => {
        if (!cancelled) setExpanded((prev) => Array.from(new Set([...prev, ...chain])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [value, me.scope.code, ensurePath]);

  const treeData = useMemo<Node[]>(() => {
    const build = (a: { code: string; name: string; level: AreaLevel; childCount?: number }): Node => ({
      value: a.code,
      key: a.code,
      label: a.name,
      title: (
        <span className="gz-tree-title">
          <span className="gz-tree-name">{a.name}</span>
          <span className="gz-tree-level">{labels.level(a.level)}</span>
        </span>
      ),
      isLeaf: a.level === 'unit' || a.childCount === 0,
      selectable: !selectableLevels || selectableLevels.includes(a.level),
      children: children[a.code]?.map((c: AreaSummary) => build(c)),
    });
    return [build(me.scope)];
  }, [children, me.scope, labels, selectableLevels]);

  return (
    <TreeSelect<string>
      id={id}
      style={style}
      value={value}
      onChange={(v) => onChange?.(v || undefined)}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        await ensureChildren(String(node.value));
      }}
      placeholder={placeholder}
      aria-label={placeholder ?? t('area.pickerLabel')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 300, maxHeight: 420 } } }}
      data-testid={testId}
    />
  );
}
