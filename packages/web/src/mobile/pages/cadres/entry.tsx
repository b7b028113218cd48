// The phone's home page tiles of this module: the 15-minute service circle for everyone, 到社区报到 for cadres.
import { phoneIcon } from '../../icon.tsx';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import FlagOutlinedSvg from '@ant-design/icons-svg/es/asn/FlagOutlined';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { MTiles } from '../wishes/common.tsx';

const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);
const FlagOutlined = phoneIcon(FlagOutlinedSvg);

export function MServiceEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const tiles = [
    { key: 'circle', icon: <EnvironmentOutlined />, title: t('sp.m.tile'), desc: t('sp.m.tileDesc'), onClick: () => navigate('/m/service-circle'), tone: 'm-wo-green' },
    ...(can('cadres.self') ? [{ key: 'checkin', icon: <FlagOutlined />, title: t('cadre.m.checkin'), desc: t('cadre.m.checkinDesc'), onClick: () => navigate('/m/cadre'), tone: 'm-wo-red' }] : []),
  ];
  return <MTiles title={t('sp.m.entryTitle')} testId="m-service-entry" tiles={tiles} />;
}

