// The phone's micro-wish and service-order pages (behind the session).
import { Route } from 'react-router-dom';
import { MWishes } from './MWishes.tsx';
import { MWishNew } from './MWishNew.tsx';
import { MWish } from './MWish.tsx';
import { MOrders } from '../orders/MOrders.tsx';
import { MOrderMenu } from '../orders/MOrderMenu.tsx';
import { MOrder } from '../orders/MOrder.tsx';

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
