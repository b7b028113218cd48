// The strip above every phone page while there is no connection or something waits to be sent (待发送). Its own module:
// the 待发送 page (MOutbox.tsx) brings lists, dialogs and tags that the pages showing the strip do not need.
import { useEffect, useState } from 'react';
import { phoneIcon } from '../../icon.tsx';
import CloudUploadOutlinedSvg from '@ant-design/icons-svg/es/asn/CloudUploadOutlined';
import DisconnectOutlinedSvg from '@ant-design/icons-svg/es/asn/DisconnectOutlined';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/index.tsx';
import { useOutbox } from '../../../lib/outbox.ts';
import './offline.css';

const CloudUploadOutlined = phoneIcon(CloudUploadOutlinedSvg);
const DisconnectOutlined = phoneIcon(DisconnectOutlinedSvg);

/** Whether the browser has a connection, live. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine); // no navigator: the build's first frame (firstFrame.tsx)
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The strip above a page: no connection, and/or how many records wait, with the way to the list. */
export function MOutboxBar() {
  const t = useT();
  const navigate = useNavigate();
  const online = useOnline();
  const { waiting } = useOutbox();
  if (online && waiting === 0) return null;
  return (
    <div className={`m-outbox-bar ${online ? '' : 'is-offline'}`} role="status" data-testid="m-outbox-bar">
      {online ? <CloudUploadOutlined /> : <DisconnectOutlined />}
      <span className="m-outbox-bar-text">
        {!online && t('offline.banner')}
        {waiting > 0 && (
          <span data-testid="m-outbox-bar-count" data-n={waiting}>
            {online ? '' : ' '}
            {t('offline.bannerWaiting', { n: waiting })}
          </span>
        )}
      </span>
      {waiting > 0 && (
        <a onClick={() => navigate('/m/outbox')} data-testid="m-outbox-bar-open">
          {t('offline.bannerOpen')}
        </a>
      )}
    </div>
  );
}
