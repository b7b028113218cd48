// Where the wish and order pages meet the phone's home page: two cards of tiles.
import { phoneIcon } from '../../icon.tsx';
import CarryOutOutlinedSvg from '@ant-design/icons-svg/es/asn/CarryOutOutlined';
import EditOutlinedSvg from '@ant-design/icons-svg/es/asn/EditOutlined';
import HeartOutlinedSvg from '@ant-design/icons-svg/es/asn/HeartOutlined';
import ProfileOutlinedSvg from '@ant-design/icons-svg/es/asn/ProfileOutlined';
import ShoppingOutlinedSvg from '@ant-design/icons-svg/es/asn/ShoppingOutlined';
import SolutionOutlinedSvg from '@ant-design/icons-svg/es/asn/SolutionOutlined';
import StarOutlinedSvg from '@ant-design/icons-svg/es/asn/StarOutlined';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { MTiles } from './common.tsx';

const CarryOutOutlined = phoneIcon(CarryOutOutlinedSvg);
const EditOutlined = phoneIcon(EditOutlinedSvg);
const HeartOutlined = phoneIcon(HeartOutlinedSvg);
const ProfileOutlined = phoneIcon(ProfileOutlinedSvg);
const ShoppingOutlined = phoneIcon(ShoppingOutlinedSvg);
const SolutionOutlined = phoneIcon(SolutionOutlinedSvg);
const StarOutlined = phoneIcon(StarOutlinedSvg);

const MEMBER_ROLES = ['party-member', 'cadre'];
const UNIT_ROLES = ['merchant', 'department-handler', 'property-manager'];

/** The 微心愿 and 点单服务 cards: what each kind of account uses on the phone. */
export function MWishOrderEntry() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const member = me.roles.some((r) => MEMBER_ROLES.includes(r));
  const unit = me.roles.some((r) => UNIT_ROLES.includes(r));
  const go = (to: string) => () => navigate(to);
  const wishTiles = [
    { key: 'wall', icon: <HeartOutlined />, title: t('m.wish.wall'), desc: t('m.wish.wallDesc'), onClick: go('/m/wishes'), tone: 'm-wo-red' },
    can('wishes.proxy')
      ? { key: 'post', icon: <EditOutlined />, title: t('m.wish.postFor'), desc: t('m.wish.postForDesc'), onClick: go('/m/wishes/new'), tone: 'm-wo-orange' }
      : !unit
        ? { key: 'post', icon: <EditOutlined />, title: t('m.wish.post'), desc: t('m.wish.postDesc'), onClick: go('/m/wishes/new'), tone: 'm-wo-orange' }
        : null,
    !unit ? { key: 'mine', icon: <ProfileOutlined />, title: t('m.wish.mine'), desc: t('m.wish.mineDesc'), onClick: go('/m/wishes?tab=mine'), tone: 'm-wo-blue' } : null,
    member || unit ? { key: 'claimed', icon: <StarOutlined />, title: t('m.wish.claimed'), desc: t('m.wish.claimedDesc'), onClick: go('/m/wishes?tab=claimed'), tone: 'm-wo-green' } : null,
  ].filter((x) => x !== null);
  const orderTiles = unit
    ? []
    : [
        { key: 'menu', icon: <ShoppingOutlined />, title: t('m.order.menu'), desc: t('m.order.menuDesc'), onClick: go('/m/orders/menu'), tone: 'm-wo-red' },
        { key: 'mine', icon: <SolutionOutlined />, title: t('m.order.mine'), desc: t('m.order.mineDesc'), onClick: go('/m/orders?tab=mine'), tone: 'm-wo-orange' },
        ...(member || can('people.read') ? [{ key: 'assigned', icon: <CarryOutOutlined />, title: t('m.order.assigned'), desc: t('m.order.assignedDesc'), onClick: go('/m/orders?tab=assigned'), tone: 'm-wo-blue' }] : []),
      ];
  return (
    <>
      <MTiles title={t('m.wish.entryTitle')} testId="m-wish-entry" tiles={wishTiles} />
      <MTiles title={t('m.order.entryTitle')} testId="m-order-entry" tiles={orderTiles} />
    </>
  );
}
