import { Tag, Tooltip } from 'antd';
import { useLabels } from '../../lib/labels.ts';
import { RISK_COLOURS } from '../../lib/areas.ts';

/** Four-colour risk tag (四色分级): 红/橙/黄/蓝. */
export function RiskTag({ colour }: { colour: string | null | undefined }) {
  const labels = useLabels();
  if (!colour) return <span className="gz-muted">{labels.risk(null)}</span>;
  const c = RISK_COLOURS[colour];
  return (
    <Tooltip title={labels.riskLong(colour)}>
      <Tag color={c} variant="solid" className="gz-risk-tag" data-testid={`risk-${colour}`}>
        {labels.risk(colour)}
      </Tag>
    </Tooltip>
  );
}
