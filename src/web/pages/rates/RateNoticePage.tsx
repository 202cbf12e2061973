import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { RateNoticeCard } from './RateNoticeCard';

/** An employer's rate notice, for officers: printable. */
export default function RateNoticePage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const [notice, setNotice] = useState<Schemas['RateNotice'] | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/rates/assignments/{id}', { params: { path: { id: Number(id) } } }))
      .then(setNotice)
      .catch((e) => showError(e, (m) => message.error(m)));
  }, [id, message]);
  return notice ? <RateNoticeCard notice={notice} /> : null;
}
