import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import { useCatalogue, type CatalogueNode } from '../../../lib/cases.ts';

interface Node {
  value: string;
  title: ReactNode;
  label: string;
  search: string;
  selectable: boolean;
  disabled?: boolean;
  children?: Node[];
}

/** Picks a catalogue type from the hierarchy; searchable by name, code and the words residents use. */
export function CategorySelect({
  id,
  value,
  onChange,
  placeholder,
  leafOnly,
  style,
  testId,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** Only leaves can be chosen (registering a case); a filter may take a whole branch. */
  leafOnly?: boolean;
  style?: CSSProperties;
  testId?: string;
}) {
  const cat = useCatalogue();
  // `branches`: the codes of the nodes with children. While a search is typed every branch is open, as the picker does
  // on its own — but it opens them only when the search text changes: words typed before the catalogue arrived (a slow
  // connection, a busy phone) left its branches closed and the matching types out of sight. Open here, they follow the
  // catalogue when it comes.
  const { treeData, branches } = useMemo(() => {
    const branches: string[] = [];
    const build = (n: CatalogueNode): Node => {
      const children = n.children.length ? n.children.filter((c) => c.active || !leafOnly).map(build) : undefined;
      if (children) branches.push(n.code);
      return {
        value: n.code,
        label: n.name,
        search: `${n.code} ${n.name} ${n.keywords.join(' ')}`,
        title: (
          <span className="gz-cat-option">
            <span>{n.name}</span>
            <span className="gz-cat-code">{n.code}</span>
          </span>
        ),
        selectable: !leafOnly || n.leaf,
        disabled: leafOnly && n.leaf && !n.active,
        children,
      };
    };
    return { treeData: cat.roots.filter((r) => r.active || !leafOnly).map(build), branches };
  }, [cat.roots, leafOnly]);
  const [searching, setSearching] = useState(false);
  const [searchExpanded, setSearchExpanded] = useState<string[] | null>(null);

  return (
    <TreeSelect<string>
      id={id}
      style={style}
      value={value}
      onChange={(v) => onChange?.(v || undefined)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{
        treeNodeFilterProp: 'search',
        onSearch: (text) => {
          setSearching(text !== '');
          setSearchExpanded(null);
        },
      }}
      onOpenChange={(open) => {
        if (!open) setSearching(false);
      }}
      // Searching, a branch can still be closed and opened by hand.
      treeExpandedKeys={searching ? (searchExpanded ?? branches) : undefined}
      onTreeExpand={(keys) => {
        if (searching) setSearchExpanded(keys.map(String));
      }}
      allowClear
      loading={!cat.loaded}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320, maxHeight: 460 } } }}
      data-testid={testId}
    />
  );
}
