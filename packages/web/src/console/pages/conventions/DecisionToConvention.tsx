// On a decided deliberation of a village or community by a body that may make its convention:
// 制定/修订公约 opens the convention's draft linked to that decision.
import { useState } from 'react';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CONVENTION_ADOPTING_BODIES, conventionKindOf } from '@gongzhi/domain/conventions';
import { errorMessage } from '../../../api/client.ts';
import { draftFromDeliberation } from '../../../api/conventions.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';

export function DecisionToConvention({ deliberation }: { deliberation: { id: string; areaCode: string; body: string } }) {
  const t = useT();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const kind = conventionKindOf(deliberation.areaCode);
  const own = !!me && (deliberation.areaCode.startsWith(me.scope.code) || me.scope.code.startsWith(deliberation.areaCode));
  if (!kind || !can('conventions.manage') || !own || !(CONVENTION_ADOPTING_BODIES[kind] as readonly string[]).includes(deliberation.body)) return null;
  const go = async () => {
    setBusy(true);
    try {
      const r = await draftFromDeliberation(deliberation.id);
      navigate(`/conventions/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={go} data-testid="delib-to-convention">
      {t('conv.fromDelib')}
    </Button>
  );
}
