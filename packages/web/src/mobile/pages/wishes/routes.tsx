// The phone's micro-wish and service-order pages (behind the session), each loaded on its own.
import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazyPage.tsx';

const MWishes = lazyPage(() => import('./MWishes.tsx'), 'MWishes');
const MWishNew = lazyPage(() => import('./MWishNew.tsx'), 'MWishNew');
const MWish = lazyPage(() => import('./MWish.tsx'), 'MWish');
const MOrders = lazyPage(() => import('../orders/MOrders.tsx'), 'MOrders');
const MOrderMenu = lazyPage(() => import('../orders/MOrderMenu.tsx'), 'MOrderMenu');
const MOrder = lazyPage(() => import('../orders/MOrder.tsx'), 'MOrder');

export const wishOrderRoutes = (
  <>
    <Route path="wishes" element={<MWishes />} />
    <Route path="wishes/new" element={<MWishNew />} />
    <Route path="wishes/:id" element={<MWish />} />
    <Route path="orders" element={<MOrders />} />
    <Route path="orders/menu" element={<MOrderMenu />} />
    <Route path="orders/:id" element={<MOrder />} />
  </>
);
