// The phone's 我们的村规民约 / 居民公约: the caller's own village or community's convention in force,
// with the date it was adopted and the vote that adopted it.
import { NavBar } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import BookOutlinedSvg from '@ant-design/icons-svg/es/asn/BookOutlined';
import { useNavigate } from 'react-router-dom';
import { myConvention } from '../../../api/conventions.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MTiles } from '../wishes/common.tsx';
import '../wishes/wishes.css';

const BookOutlined = phoneIcon(BookOutlinedSvg);

/** The home page's tile, for anyone whose account lies in a village or community. */
export function MConventionEntry() {
  const t = useT();
  const { can, me } = useAuth();
  const navigate = useNavigate();
  if (!can('conventions.mine')) return null;
  const kind = me && Number(me.scope.code.slice(9, 12)) >= 200 ? t('conv.kind.village') : t('conv.kind.community');
  return (
    <MTiles
      title={t('conv.title')}
      testId="m-conv-entry"
      tiles={[{ key: 'conv', icon: <BookOutlined />, title: t('conv.m.tile', { kind }), desc: t('conv.m.tileDesc'), onClick: () => navigate('/m/convention'), tone: 'm-wo-green' }]}
    />
  );
}

export function MConvention() {
  const t = useT();
  const navigate = useNavigate();
  const res = useApi((signal) => myConvention(signal), []);
  const v = res.data?.version;
  const c = res.data?.convention;
  return (
    <div className="m-page" data-testid="m-convention">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {c ? `${c.areaName ?? ''}${c.kindLabel}` : t('conv.m.title')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !res.data ? (
        <MLoading />
      ) : !v || !c ? (
        <div className="m-wo-empty" data-testid="m-conv-empty">
          {t('conv.m.empty')}
        </div>
      ) : (
        <div className="m-card" style={{ margin: 12 }}>
          <h2 style={{ fontSize: 18, margin: '4px 0 8px' }} data-testid="m-conv-title">
            {v.title}
          </h2>
          <div style={{ color: 'var(--adm-color-weak)', fontSize: 13, marginBottom: 12 }}>
            <div data-testid="m-conv-adopted">{t('conv.m.adoptedOn', { date: fmtDate(v.adoptedOn) })}</div>
            {v.deliberation ? <div>{t('conv.m.by', { title: `${v.deliberation.bodyLabel}·${v.deliberation.title}` })}</div> : v.paperNote ? <div>{t('conv.m.by', { title: v.paperNote })}</div> : null}
          </div>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="m-conv-articles">
            {v.articles.map((a, i) => {
              const head = a.chapter && a.chapter !== (v.articles[i - 1]?.chapter ?? null) ? a.chapter : null;
              return (
                <li key={a.id} style={{ marginBottom: 10, lineHeight: 1.7 }}>
                  {head && <h3 style={{ fontSize: 15, margin: '14px 0 6px' }}>{head}</h3>}
                  <strong>{t('conv.article', { n: i + 1 })}</strong> {a.text}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
