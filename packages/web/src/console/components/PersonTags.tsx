import { Tag } from 'antd';
import { useDictionaries } from '../../lib/labels.ts';
import { useT } from '../../i18n/index.tsx';

export function PersonTags({ tags }: { tags: string[] }) {
  const dict = useDictionaries();
  if (!tags.length) return <span className="gz-muted">—</span>;
  return (
    <span className="gz-tags">
      {tags.map((c) => (
        <Tag key={c} color={dict.isSensitive(c) ? 'magenta' : 'gold'} variant="outlined">
          {dict.tagLabel(c)}
        </Tag>
      ))}
    </span>
  );
}

export function PartyTag({ partyMember }: { partyMember: boolean }) {
  const t = useT();
  return partyMember ? (
    <Tag color="red" variant="solid" className="gz-party-tag">
      {t('person.partyMember')}
    </Tag>
  ) : (
    <span className="gz-muted">—</span>
  );
}
