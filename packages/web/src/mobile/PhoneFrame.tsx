// What every phone page runs in, whichever build draws it: the full app (MobileApp.tsx) or the public pages' own
// (public.tsx, docs/PERFORMANCE.md "The public pages' own build"). Importing it starts the phone app's services.
import { ConfigProvider, reduceMotion, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { createRoot, type Root } from 'react-dom/client';
import { useEffect, type ReactNode } from 'react';
import { useI18n, useT } from '../i18n/index.tsx';
import { ElderProvider, useElder } from './elder.tsx';
import { prefersReducedMotion, useNamedBackButtons } from '../lib/a11y.ts';
import { startOutbox } from '../lib/outbox.ts';
import { registerServiceWorker, useUpdateOnNavigation } from '../lib/sw.ts';
import { retirePreloaded } from '../api/preload.ts';
import './mobile.css';

// The phone app works without a connection (docs/OFFLINE.md): its files come from the service worker,
// and what is made offline waits in the 待发送 queue.
registerServiceWorker();
startOutbox();
// antd-mobile's springs (popups, swipes, tabs) off for users who asked their system for less motion.
if (prefersReducedMotion()) reduceMotion();

// antd-mobile 5 renders its imperative dialogs and toasts through this hook on React 19.
const roots = new WeakMap<Element | DocumentFragment, Root>();
unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});

/** The phone app's frame; in 长辈版 it carries the class the elder styles hang on. */
function MobileFrame({ children }: { children: ReactNode }) {
  const { elder } = useElder();
  return <div className={elder ? 'm-app m-elder' : 'm-app'}>{children}</div>;
}

/** antd-mobile in the visitor's language, 长辈版, named back buttons, the service worker's updates. */
export function PhoneFrame({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const t = useT();
  useNamedBackButtons(t('common.back'));
  useUpdateOnNavigation();
  // After the first render's effects (a parent's run after its children's): the page has taken what it arrived with.
  useEffect(() => retirePreloaded(), []);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <ElderProvider>
        <MobileFrame>{children}</MobileFrame>
      </ElderProvider>
    </ConfigProvider>
  );
}
