// 15分钟服务圈: the service points within 15 minutes' walk of home — the resident's household grid, a community they
// choose, or where the phone is. The walking time is an estimate (straight line × detour factor at 4.5 km/h) and
// the page says so.
import { useState } from 'react';
import { Button, List, NavBar, Picker, Space, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AimOutlinedSvg from '@ant-design/icons-svg/es/asn/AimOutlined';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import HomeOutlinedSvg from '@ant-design/icons-svg/es/asn/HomeOutlined';
import { useNavigate } from 'react-router-dom';
import { nearbyServicePoints, type NearbyQuery } from '../../../api/cadres.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const AimOutlined = phoneIcon(AimOutlinedSvg);
const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);
const HomeOutlined = phoneIcon(HomeOutlinedSvg);

type Home = { kind: 'home' } | { kind: 'area'; code: string } | { kind: 'location'; lat: number; lng: number };

export function MServiceCircle() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const [home, setHome] = useState<Home>({ kind: 'home' });
  const [picking, setPicking] = useState(false);
  const query: NearbyQuery = home.kind === 'area' ? { area: home.code } : home.kind === 'location' ? { lat: home.lat, lng: home.lng } : {};
  const res = useApi((signal) => nearbyServicePoints(query, signal), [JSON.stringify(query)]);
  const data = res.data;

  const locate = () => {
    if (!('geolocation' in navigator)) {
      Toast.show({ content: t('sp.m.locationFailed') });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => setHome({ kind: 'location', lat: p.coords.latitude, lng: p.coords.longitude }),
      () => Toast.show({ content: t('sp.m.locationFailed') }),
      { enableHighAccuracy: true, timeout: 12_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="m-page" data-testid="m-service-circle">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('sp.m.title')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !data ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-card-title" data-testid="m-sp-home">
              <EnvironmentOutlined /> {data.source === 'location' ? t('sp.m.homeLocation') : data.home ? t('sp.m.home', { place: data.areaName ?? '' }) : t('sp.m.homeUnknown')}
            </div>
            {data.home && data.homeAt && data.homeAt !== 'location' && (
              <div className="m-muted" data-testid="m-sp-home-at">
                {data.homeAt === 'building' ? t('sp.m.homeAtBuilding') : t('sp.m.homeAtCentre')}
              </div>
            )}
            <Space wrap>
              <Button size="small" onClick={locate} data-testid="m-sp-locate">
                <AimOutlined /> {t('sp.m.useLocation')}
              </Button>
              {data.choices.length > 0 && (
                <Button size="small" onClick={() => setPicking(true)} data-testid="m-sp-choose">
                  {t('sp.m.chooseArea')}
                </Button>
              )}
              {home.kind !== 'home' && (
                <Button size="small" onClick={() => setHome({ kind: 'home' })}>
                  <HomeOutlined /> {t('sp.m.useHome')}
                </Button>
              )}
            </Space>
            <div className="m-note" data-testid="m-sp-method">
              {t('sp.m.method', { f: data.method.detourFactor, v: data.method.speedKmh })}
            </div>
          </div>
          <List header={data.items.length ? t('sp.m.count', { n: data.items.length }) : undefined} className="m-list" data-testid="m-sp-list">
            {data.items.length === 0 ? (
              <List.Item>{t('sp.m.none')}</List.Item>
            ) : (
              data.items.map((p) => (
                <List.Item
                  key={p.id}
                  data-testid="m-sp-item"
                  description={
                    <div>
                      <div>{[p.hours, p.address].filter(Boolean).join(' · ')}</div>
                      {p.services.length > 0 && <div>{p.services.slice(0, 4).join('、')}</div>}
                      {p.contactPhone && <a href={`tel:${p.contactPhone}`}>{p.contactPhone}</a>}
                    </div>
                  }
                  extra={
                    <div style={{ textAlign: 'right' }}>
                      <div>
                        <strong>{t('sp.m.walk', { m: p.walkMinutes ?? 0 })}</strong>
                      </div>
                      <div className="m-note">{t('sp.m.metres', { d: p.metres ?? 0 })}</div>
                    </div>
                  }
                >
                  <Space wrap style={{ '--gap': '4px' }}>
                    <span>{p.name}</span>
                    <Tag fill="outline" color="primary">
                      {tx(`sp.kind.${p.kind}`, p.kindName)}
                    </Tag>
                  </Space>
                </List.Item>
              ))
            )}
          </List>
          <Picker
            visible={picking}
            onClose={() => setPicking(false)}
            columns={[data.choices.map((c) => ({ label: c.name, value: c.code }))]}
            onConfirm={(v) => v[0] && setHome({ kind: 'area', code: String(v[0]) })}
            title={t('sp.m.chooseArea')}
          />
        </>
      )}
    </div>
  );
}
