import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { STATUS_COLORS } from './BulletinsPage';

type Bulletin = Schemas['Bulletin'];

/** One bulletin: edit while a draft, approve (not the drafter), publish, print. */
export default function BulletinPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [bulletin, setBulletin] = useState<Bulletin | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const load = useCallback(() => {
    unwrap(api.GET('/api/bulletins/{id}', { params: { path: { id: Number(id) } } }))
      .then((b) => {
        setBulletin(b);
        form.setFieldsValue({ title: b.title, body: b.body });
      })
      .catch(setLoadError);
  }, [id, form]);
  useEffect(load, [load]);
  if (loadError) return <LoadFailed error={loadError} />;
  if (!bulletin) return <Card loading />;
  const isEditable = bulletin.status === 'draft' && bulletin.isInScope && can('bulletins:draft');
  const act = (call: Promise<{ data?: Bulletin; error?: unknown; response: Response }>) =>
    unwrap(call)
      .then((b) => {
        setBulletin(b);
        message.success(t(`bulletin.status.${b.status}`));
      })
      .catch((e) => showError(e, (m) => message.error(m), form));
  const path = { params: { path: { id: bulletin.id } } };
  return (
    <Card
      title={
        <Space>
          <Link to="/analysis/bulletins">{t('bulletin.back')}</Link>
          <Tag color={STATUS_COLORS[bulletin.status]} data-testid="bulletin-status">
            {t(`bulletin.status.${bulletin.status}`)}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          {isEditable && (
            <Button
              onClick={async () => {
                const values = await form.validateFields();
                act(api.PUT('/api/bulletins/{id}', { ...path, body: values }));
              }}
            >
              {t('bulletin.save')}
            </Button>
          )}
          {bulletin.status === 'draft' && bulletin.isInScope && can('bulletins:approve') && (
            <Button
              type="primary"
              disabled={bulletin.isDraftedByMe}
              title={bulletin.isDraftedByMe ? t('bulletin.approveHint') : undefined}
              onClick={() => act(api.POST('/api/bulletins/{id}/approve', path))}
            >
              {t('bulletin.approve')}
            </Button>
          )}
          {bulletin.status === 'approved' && bulletin.isInScope && can('bulletins:approve') && (
            <Button type="primary" onClick={() => act(api.POST('/api/bulletins/{id}/publish', path))}>
              {t('bulletin.publish')}
            </Button>
          )}
          <Button
            icon={<PrinterOutlined />}
            href={`/analysis/bulletins/${bulletin.id}/print`}
            target="_blank"
          >
            {t('bulletin.print')}
          </Button>
        </Space>
      }
    >
      {bulletin.status === 'draft' && bulletin.isDraftedByMe && can('bulletins:approve') && (
        <Alert type="info" showIcon title={t('bulletin.approveHint')} style={{ marginBottom: 16 }} />
      )}
      {bulletin.status === 'published' && (
        <Alert
          type="success"
          showIcon
          title={t('bulletin.published', { name: bulletin.jurisdictionName })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('bulletin.jurisdiction')}>{bulletin.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('bulletin.draftedBy')}>
          {bulletin.draftedBy} · {new Date(bulletin.draftedAt).toLocaleString()}
        </Descriptions.Item>
        <Descriptions.Item label={t('bulletin.approvedBy')}>
          {bulletin.approvedBy
            ? `${bulletin.approvedBy} · ${new Date(bulletin.approvedAt ?? '').toLocaleString()}`
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      {isEditable ? (
        <Form form={form} layout="vertical" data-testid="bulletin-form">
          <Form.Item name="title" label={t('bulletin.title')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('bulletin.body')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea autoSize={{ minRows: 16 }} maxLength={20000} />
          </Form.Item>
        </Form>
      ) : (
        <div data-testid="bulletin-text">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {bulletin.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{bulletin.body}</Typography.Paragraph>
        </div>
      )}
      <Typography.Title level={5}>{t('bulletin.facts')}</Typography.Title>
      <ul>
        {bulletin.facts.accidents.map((a) => (
          <li key={`a${a.id}`}>
            {a.occurredOn} · {a.employerName} · {a.categoryName} · {t('bulletin.deaths')} {a.deaths} ·{' '}
            {t('bulletin.serious')} {a.seriousInjuries} · {a.accidentNo}
          </li>
        ))}
        {bulletin.facts.injuries.map((i) => (
          <li key={`i${i.id}`}>
            {i.occurredOn} · {i.employerName} · {i.personName} · {i.post} · {i.categoryName} · {i.caseNo}
          </li>
        ))}
      </ul>
    </Card>
  );
}
