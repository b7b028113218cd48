import { useEffect, useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { RevealedNumber } from '@gongzhi/domain/contract';
import { post } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';

const SHOW_SECONDS = 30;

/**
 * A masked ID or phone number. With the reveal right, "查看" asks for confirmation (the view is audited),
 * then shows the full value for a short while.
 */
export function SensitiveNumber({ personId, field, masked, canReveal }: { personId: string; field: 'idNumber' | 'phone'; masked: string | null; canReveal: boolean }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (!value) return;
    const tick = window.setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    const hide = window.setTimeout(() => setValue(null), SHOW_SECONDS * 1000);
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(hide);
    };
  }, [value]);

  if (!masked) return <span className="gz-muted">—</span>;

  const reveal = () => {
    modal.confirm({
      title: t('reveal.title'),
      content: <span data-testid="reveal-confirm-text">{t('reveal.confirm')}</span>,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'reveal-confirm-ok' } as Record<string, string>,
      onOk: async () => {
        try {
          const r = await post<RevealedNumber>(`/api/people/${personId}/reveal`, { field });
          setValue(r.value);
          setLeft(SHOW_SECONDS);
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  };

  return (
    <span className="gz-sensitive">
      {value ? (
        <Tooltip title={t('reveal.shown', { s: left })}>
          <span className="gz-mono gz-revealed" data-testid={`revealed-${field}`}>
            {value}
          </span>
        </Tooltip>
      ) : (
        <span className="gz-mono" data-testid={`masked-${field}`}>
          {masked}
        </span>
      )}
      {canReveal &&
        (value ? (
          <Button type="link" size="small" icon={<EyeInvisibleOutlined />} onClick={() => setValue(null)}>
            {t('reveal.hide')}
          </Button>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={(e) => {
              e.stopPropagation();
              reveal();
            }}
            data-testid={`reveal-${field}`}
          >
            {t('reveal.action')}
          </Button>
        ))}
    </span>
  );
}
