// Public page (no login) reached from the code on a certificate of service: shows its figures as issued.
import { List, NavBar, Result } from 'antd-mobile';
import { useParams } from 'react-router-dom';
import { verifyCertificate } from '../../../api/activities.ts';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

export function MVerify() {
  const t = useT();
  const { code = '' } = useParams();
  const got = useApi((signal) => verifyCertificate(code, signal), [code]);
  const f = got.data?.figures;
  return (
    <div className="m-page" data-testid="m-verify">
      <NavBar backIcon={false} className="m-navbar">
        {t('verify.title')}
      </NavBar>
      {got.error ? (
        <MError error={got.error} />
      ) : !f ? (
        <MLoading />
      ) : (
        <>
          <Result status="success" title={<span data-testid="m-verify-valid">{t('verify.valid')}</span>} description={`${t('verify.code')} ${got.data!.code}`} />
          <List className="m-list">
            <List.Item extra={f.name}>{t('vol.name')}</List.Item>
            {f.idNumber && <List.Item extra={f.idNumber}>{t('vol.idNumber')}</List.Item>}
            <List.Item extra={<span data-testid="m-verify-hours">{f.hours}</span>}>{t('vol.hours')}</List.Item>
            <List.Item extra={f.services}>{t('vol.services')}</List.Item>
            <List.Item extra={f.trainings}>{t('vol.trainings')}</List.Item>
            <List.Item extra={f.commendations}>{t('verify.commendations')}</List.Item>
            {f.firstService && <List.Item extra={`${f.firstService} — ${f.lastService}`}>{t('verify.period')}</List.Item>}
            <List.Item description={f.issuer}>{t('verify.issuer')}</List.Item>
            <List.Item extra={f.issuedAt}>{t('verify.issuedAt')}</List.Item>
          </List>
        </>
      )}
    </div>
  );
}
