// How every console screen is mounted: behind the ability its menu entry asks for (无权访问 without it, as a typed-in
// address would otherwise show a page whose every request the server refuses), with the page spinner while its lazily
// loaded code arrives.
import { Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ForbiddenPage } from './ErrorResult.tsx';

export function Gate({ ability, dark, children }: { ability?: string; dark?: boolean; children: ReactNode }) {
  const { can } = useAuth();
  // One loading boundary per section (/cases and /cases/:id share one): opening another section shows its spinner at
  // once rather than keeping the previous section's page, scrolled where it was, on screen until the new code arrives.
  const section = useLocation().pathname.split('/')[1];
  if (ability !== undefined && !can(ability)) return <ForbiddenPage />;
  return (
    <Suspense
      key={section}
      fallback={
        <div className={dark ? 'gz-page-loading gz-sc-loading' : 'gz-page-loading'}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
