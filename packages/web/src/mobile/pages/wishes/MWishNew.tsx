// 许个心愿: a resident posts their own micro-wish; a grid worker (or building leader, community
// worker) posts one for a resident of the registry they visit.
import { useRef, useState } from 'react';
import { Button, Form, Input, NavBar, SearchBar, TextArea, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { errorMessage, get } from '../../../api/client.ts';
import type { PeopleList, Person } from '../../../api/types.ts';
import { createWish, newKey } from '../../../api/wishes.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';

export function MWishNew() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const proxy = can('wishes.proxy');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [person, setPerson] = useState<Person | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());

  const search = async (value: string) => {
    if (!value.trim()) return setPeople([]);
    try {
      const r = await get<PeopleList>('/api/people', { q: value.trim(), pageSize: 8 });
      setPeople(r.items);
    } catch (e) {
      Toast.show({ content: errorMessage(e), icon: 'fail' });
    }
  };

  const submit = async () => {
    if (proxy && !person) return void Toast.show({ content: t('m.wish.err.person') });
    if (!title.trim()) return void Toast.show({ content: t('m.wish.err.title') });
    if (!description.trim()) return void Toast.show({ content: t('m.wish.err.desc') });
    setBusy(true);
    try {
      const r = await createWish({ title: title.trim(), description: description.trim(), ...(proxy && person ? { forPersonId: person.id } : {}) }, key.current);
      Toast.show({ content: t('m.wish.submitted'), icon: 'success' });
      navigate(`/m/wishes/${r.id}`, { replace: true });
    } catch (e) {
      Toast.show({ content: errorMessage(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="m-page" data-testid="m-wish-new-page">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {proxy ? t('m.wish.postFor') : t('m.wish.newTitle')}
      </NavBar>
      <Form layout="vertical" className="m-wo-form">
        {proxy && (
          <Form.Item label={t('m.wish.forLabel')}>
            <SearchBar placeholder={t('m.wish.forPlaceholder')} value={q} onChange={setQ} onSearch={search} data-testid="m-wish-person-search" />
            {(person ? [person] : people).map((p) => (
              <div key={p.id} className={`m-wo-person${person?.id === p.id ? ' selected' : ''}`} onClick={() => setPerson(person?.id === p.id ? null : p)} data-testid="m-wish-person">
                <span>
                  {p.name} <span className="m-muted">{p.age ?? ''}</span>
                </span>
                <span className="m-muted">{p.address ?? ''}</span>
              </div>
            ))}
          </Form.Item>
        )}
        <Form.Item label={t('m.wish.titleLabel')}>
          <Input value={title} onChange={setTitle} placeholder={t('m.wish.titlePlaceholder')} maxLength={60} clearable data-testid="m-wish-title" />
        </Form.Item>
        <Form.Item label={t('m.wish.descLabel')}>
          <TextArea value={description} onChange={setDescription} placeholder={t('m.wish.descPlaceholder')} rows={5} maxLength={1000} showCount data-testid="m-wish-desc" />
        </Form.Item>
      </Form>
      <div className="m-note" style={{ margin: '0 16px' }}>
        {t('m.wish.privacy')}
      </div>
      <div className="m-wo-form-actions">
        <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="m-wish-submit">
          {t('m.wish.submit')}
        </Button>
      </div>
    </div>
  );
}
