import { useMemo, useState, type ReactNode } from 'react';
import { CascaderView, List, Popup, SearchBar, type CascaderOption } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AppstoreOutlinedSvg from '@ant-design/icons-svg/es/asn/AppstoreOutlined';
import BulbOutlinedSvg from '@ant-design/icons-svg/es/asn/BulbOutlined';
import CarOutlinedSvg from '@ant-design/icons-svg/es/asn/CarOutlined';
import DeleteOutlinedSvg from '@ant-design/icons-svg/es/asn/DeleteOutlined';
import InboxOutlinedSvg from '@ant-design/icons-svg/es/asn/InboxOutlined';
import ShopOutlinedSvg from '@ant-design/icons-svg/es/asn/ShopOutlined';
import SoundOutlinedSvg from '@ant-design/icons-svg/es/asn/SoundOutlined';
import ToolOutlinedSvg from '@ant-design/icons-svg/es/asn/ToolOutlined';
import WarningOutlinedSvg from '@ant-design/icons-svg/es/asn/WarningOutlined';
import { useI18n } from '../../../i18n/index.tsx';
import { searchCatalogue, useCatalogue, type CatalogueNode } from '../../../lib/cases.ts';

const AppstoreOutlined = phoneIcon(AppstoreOutlinedSvg);
const BulbOutlined = phoneIcon(BulbOutlinedSvg);
const CarOutlined = phoneIcon(CarOutlinedSvg);
const DeleteOutlined = phoneIcon(DeleteOutlinedSvg);
const InboxOutlined = phoneIcon(InboxOutlinedSvg);
const ShopOutlined = phoneIcon(ShopOutlinedSvg);
const SoundOutlined = phoneIcon(SoundOutlinedSvg);
const ToolOutlined = phoneIcon(ToolOutlinedSvg);
const WarningOutlined = phoneIcon(WarningOutlinedSvg);

function Drop() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">
      <path d="M12 2.5c-.3 0-.6.2-.8.4C9.6 5 5 11 5 15a7 7 0 0 0 14 0c0-4-4.6-10-6.2-12.1-.2-.2-.5-.4-.8-.4Zm0 17.5a5 5 0 0 1-5-5c0-.6.4-.9.9-.9.5 0 .9.4.9.9a3.2 3.2 0 0 0 3.2 3.2c.5 0 .9.4.9.9s-.4.9-.9.9Z" />
    </svg>
  );
}

/** What residents report most, first: friendly words for catalogue types (the codes of GB/T 30428 and 9+X). */
export const COMMON_TYPES: { code: string; icon: ReactNode; colour: string }[] = [
  { code: 'B0110', icon: <BulbOutlined />, colour: '#d48806' },
  { code: '0102', icon: <DeleteOutlined />, colour: '#389e0d' },
  { code: '0402', icon: <ShopOutlined />, colour: '#c41d7f' },
  { code: '0404', icon: <CarOutlined />, colour: '#1d5fa8' },
  { code: 'G0202', icon: <SoundOutlined />, colour: '#722ed1' },
  { code: 'G0803', icon: <InboxOutlined />, colour: '#d46b08' },
  { code: '0506', icon: <WarningOutlined />, colour: '#cf1322' },
  { code: 'B0210', icon: <ToolOutlined />, colour: '#595959' },
  { code: '0502', icon: <Drop />, colour: '#0e7fc0' },
];

/** A friendly type picker: common types as big buttons, everything else in a searchable cascade. */
export function MTypePicker({ value, onChange }: { value?: string; onChange: (code: string) => void }) {
  const { t, tx } = useI18n();
  const cat = useCatalogue();
  const [more, setMore] = useState(false);
  // The popup is mounted at the first tap on 更多, not with the page: closed, its springs and gestures still ran at load
  // (~80 ms of the report page's first render on the phone Lighthouse models). Mounted closed, then opened a frame
  // later, it slides in as before.
  const [mounted, setMounted] = useState(false);
  const openMore = () => {
    setMounted(true);
    requestAnimationFrame(() => setMore(true));
  };
  const [q, setQ] = useState('');
  // Until the catalogue is here the common types all show (their names are in the dictionary), so the grid does not
  // grow by a row under the resident's eyes when it arrives.
  const common = cat.loaded ? COMMON_TYPES.filter((c) => cat.byCode.get(c.code)?.active) : COMMON_TYPES;
  const chosen = value ? cat.byCode.get(value) : undefined;
  const chosenIsCommon = common.some((c) => c.code === value);

  const options = useMemo<CascaderOption[]>(() => {
    const build = (n: CatalogueNode): CascaderOption => ({
      label: n.name,
      value: n.code,
      children: n.children.length ? n.children.filter((c) => c.active).map(build) : undefined,
    });
    return cat.roots.filter((r) => r.active).map(build);
  }, [cat.roots]);
  const hits = useMemo(() => searchCatalogue(cat, q), [cat, q]);

  const pick = (code: string) => {
    onChange(code);
    setMore(false);
    setQ('');
  };

  return (
    <>
      <div className="m-types" data-testid="m-types">
        {common.map((c) => (
          <button
            key={c.code}
            type="button"
            className={`m-type${value === c.code ? ' m-type-on' : ''}`}
            onClick={() => onChange(c.code)}
            data-testid={`m-type-${c.code}`}
            aria-pressed={value === c.code}
          >
            <span className="m-type-icon" style={{ color: c.colour, background: `${c.colour}14` }}>
              {c.icon}
            </span>
            <span className="m-type-name">{tx(`m.case.type.${c.code}`, cat.name(c.code))}</span>
          </button>
        ))}
        <button type="button" className={`m-type${chosen && !chosenIsCommon ? ' m-type-on' : ''}`} onClick={openMore} data-testid="m-type-more">
          <span className="m-type-icon m-type-icon-more">
            <AppstoreOutlined />
          </span>
          <span className="m-type-name">{t('m.case.moreTypes')}</span>
        </button>
      </div>
      {chosen && (
        <div className="m-type-chosen" data-testid="m-type-chosen">
          {t('m.case.typeChosen')}
          <strong>{chosen.path.join(' / ')}</strong>
        </div>
      )}
      {mounted && (
        <Popup visible={more} onMaskClick={() => setMore(false)} onClose={() => setMore(false)} bodyClassName="m-type-popup" destroyOnClose>
          <div className="m-popup-title">{t('m.case.chooseType')}</div>
          <div className="m-type-search">
            <SearchBar placeholder={t('m.case.searchType')} value={q} onChange={setQ} data-testid="m-type-search" />
          </div>
          {q.trim() ? (
            <List className="m-type-hits">
              {hits.length === 0 ? (
                <List.Item>
                  <span className="m-muted">{t('m.case.noType')}</span>
                </List.Item>
              ) : (
                hits.map((h) => (
                  <List.Item key={h.code} onClick={() => pick(h.code)} description={h.path.slice(0, -1).join(' / ')} extra={<span className="m-mono m-muted">{h.code}</span>} data-testid="m-type-hit">
                    {h.name}
                  </List.Item>
                ))
              )}
            </List>
          ) : (
            <CascaderView
              options={options}
              value={chosen ? codesOf(chosen, cat.byCode) : []}
              onChange={(v) => {
                const last = v[v.length - 1];
                const node = typeof last === 'string' ? cat.byCode.get(last) : undefined;
                if (node?.leaf) pick(node.code);
              }}
              placeholder={t('m.case.choose')}
              style={{ '--height': '56vh' }}
            />
          )}
        </Popup>
      )}
    </>
  );
}

function codesOf(n: CatalogueNode, byCode: Map<string, CatalogueNode>): string[] {
  const out: string[] = [];
  let cur: CatalogueNode | undefined = n;
  while (cur) {
    out.unshift(cur.code);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return out;
}
