// The phone pages' icons: Ant Design's own drawings (@ant-design/icons-svg, plain data, one module per icon), drawn by
// this small component instead of @ant-design/icons' own. That one brings its context, its two-tone colour palette
// (computed when the module loads) and a stylesheet it injects at run time: ~8 KiB brotli that every phone page
// downloaded and ran before its first paint (docs/PERFORMANCE.md). The markup and class names are the library's, so
// the icons look the same; mobile.css carries the `.anticon` rules the library injected.
//
// The icons are decorative (hidden from screen readers): the library labelled each with its English name ("sound"),
// which a screen reader read out in the middle of Chinese text. Every control says what it does in words.
import { createElement, type CSSProperties, type ReactElement } from 'react';
import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';

export interface PhoneIconProps {
  className?: string;
  style?: CSSProperties;
}

/** An SVG attribute as React names it (`fill-rule` → `fillRule`, `class` → `className`). */
const propName = (attr: string) => (attr === 'class' ? 'className' : attr.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));

function draw(node: AbstractNode, key: string): ReactElement {
  const props: Record<string, string> = { key };
  for (const [k, v] of Object.entries(node.attrs)) props[propName(k)] = v;
  return createElement(node.tag, props, ...(node.children ?? []).map((child, i) => draw(child, `${key}-${i}`)));
}

/** A component for one of Ant Design's outlined or filled icons (two-tone ones are not used on the phone). */
export function phoneIcon(definition: IconDefinition) {
  const { name, icon } = definition;
  if (typeof icon === 'function') throw new Error(`phoneIcon: ${name} is a two-tone icon`);
  const { viewBox } = icon.attrs;
  const paths = (icon.children ?? []).map((child, i) => draw(child, String(i)));
  function PhoneIcon({ className, style }: PhoneIconProps) {
    return (
      <span className={className ? `anticon anticon-${name} ${className}` : `anticon anticon-${name}`} style={style} aria-hidden="true">
        <svg viewBox={viewBox} width="1em" height="1em" fill="currentColor" focusable="false" data-icon={name}>
          {paths}
        </svg>
      </span>
    );
  }
  PhoneIcon.displayName = definition.name;
  return PhoneIcon;
}
