// Where activities meet the phone's home page: one card of tiles for everyone with a home community.
import { phoneIcon } from '../../icon.tsx';
import CalendarOutlinedSvg from '@ant-design/icons-svg/es/asn/CalendarOutlined';
import CheckSquareOutlinedSvg from '@ant-design/icons-svg/es/asn/CheckSquareOutlined';
import SmileOutlinedSvg from '@ant-design/icons-svg/es/asn/SmileOutlined';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { MTiles } from '../wishes/common.tsx';

const CalendarOutlined = phoneIcon(CalendarOutlinedSvg);
const CheckSquareOutlined = phoneIcon(CheckSquareOutlinedSvg);
const SmileOutlined = phoneIcon(SmileOutlinedSvg);

const UNIT_ROLES = ['merchant', 'department-handler', 'property-manager'];

export function MActivityEntry() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  if (me.roles.length > 0 && me.roles.every((r) => UNIT_ROLES.includes(r))) return null;
  const go = (to: string) => () => navigate(to);
  return (
    <MTiles
      title={t('m.act.entryTitle')}
      testId="m-activity-entry"
      tiles={[
        { key: 'list', icon: <CalendarOutlined />, title: t('m.act.list'), desc: t('m.act.listDesc'), onClick: go('/m/activities'), tone: 'm-wo-red' },
        { key: 'mine', icon: <CheckSquareOutlined />, title: t('m.act.mine'), desc: t('m.act.mineDesc'), onClick: go('/m/activities?tab=mine'), tone: 'm-wo-orange' },
        { key: 'volunteer', icon: <SmileOutlined />, title: t('m.act.volunteer'), desc: t('m.act.volunteerDesc'), onClick: go('/m/volunteer'), tone: 'm-wo-green' },
      ]}
    />
  );
}
