import { Segmented } from 'antd';
import { useI18n, type Locale } from '../../i18n/index.tsx';

export function LangSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      className={className}
      data-testid="lang-switch"
      value={locale}
      onChange={(v) => setLocale(v)}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
