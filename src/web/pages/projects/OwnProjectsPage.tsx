import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { DocumentButton } from '../../components/DocumentButton';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { DeclareModal } from './DeclareModal';
import { STATUS_COLORS, yuan } from './format';

type Detail = Schemas['PreventionProjectDetail'];

const THIS_YEAR = currentYearInChina();

/** 我的项目: an applicant's declarations; the panel stays sealed until the review is over (PP-2, PP-3). */
export default function OwnProjectsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [items, setItems] = useState<Detail[]>([]);
  const [isDeclaring, setDeclaring] = useState(false);
  const [reporting, setReporting] = useState<Detail | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setItems((await unwrap(api.GET('/api/own-projects'))).items);
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  }, [message]);

  useEffect(() => {
    load();
  }, [load]);

  const report = async () => {
    if (!reporting) return;
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/projects/{id}/reports', {
          params: { path: { id: reporting.id } },
          body: { kind: 'progress', text: v.text },
        }),
      );
      message.success(t('common.saved'));
      setReporting(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  return (
    <Card
      title={t('pp.ownTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
          {t('pp.declare')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        dataSource={items}
        data-testid="own-projects"
        expandable={{
          expandedRowRender: (p) => (
            <div>
              {p.panel.length === 0 ? (
                <Tag>{t('pp.sealed')}</Tag>
              ) : (
                p.panel.map((m) => <Tag key={m.id}>{`${m.expertName} ${m.total ?? ''}`}</Tag>)
              )}
              <ul>
                {p.timeline.map((e) => (
                  <li
                    key={e.id}
                  >{`${new Date(e.at).toLocaleString()} ${t(`pp.event.${e.action}`)} ${e.reason ?? ''}`}</li>
                ))}
              </ul>
            </div>
          ),
        }}
        columns={[
          { title: t('pp.title'), dataIndex: 'title' },
          { title: t('pp.year'), dataIndex: 'year', width: 80 },
          { title: t('pp.jurisdiction'), key: 'j', render: (_, p) => p.jurisdiction.name },
          { title: t('pp.requested'), dataIndex: 'requestedFen', render: yuan },
          { title: t('pp.score'), dataIndex: 'reviewScore', render: (v: number | null) => v ?? '—' },
          {
            title: t('pp.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`pp.status.${v}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, p) => (
              <Space wrap>
                <DocumentButton
                  size="small"
                  url={`/api/own-projects/${p.id}/declaration`}
                  label={t('doc.declaration')}
                />
                {['contracted', 'in_progress', 'rectifying'].includes(p.status) && (
                  <Button size="small" onClick={() => setReporting(p)}>
                    {t('pp.progress')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DeclareModal
        open={isDeclaring}
        year={THIS_YEAR}
        keyFields={[]}
        jurisdictionCode={me?.jurisdiction.code}
        onClose={(saved) => {
          setDeclaring(false);
          if (saved) load();
        }}
      />
      <Modal
        open={Boolean(reporting)}
        title={t('pp.progress')}
        onOk={report}
        onCancel={() => setReporting(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={t('pp.reportText')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
