import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type InsuredList = Schemas['InsuredList'];

/** 公示参保人员名单 (KI-2): a dust-hazard employer's insured persons, masked, ready to print and post. */
export default function InsuredListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id } = useParams();
  const [list, setList] = useState<InsuredList | null>(null);

  useEffect(() => {
    unwrap(api.GET('/api/enterprises/{id}/insured-persons', { params: { path: { id: Number(id) } } }))
      .then(setList)
      .catch((e) => showError(e, (m) => message.error(m)));
  }, [id, message]);

  if (!list) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} className="printable">
      <style>
        {'@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } }'}
      </style>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="insured-list-title">
          {t('insuredList.title', { name: list.employer.name, year: list.year ?? '—' })}
        </Typography.Title>
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('insuredList.print')}
        </Button>
      </Space>
      <Typography.Paragraph>
        {t('insuredList.summary', {
          code: list.employer.creditCode ?? '—',
          place: list.employer.jurisdictionName,
          total: list.total,
          insured: list.averageInsured ?? '—',
          employees: list.employees ?? '—',
        })}
      </Typography.Paragraph>
      {list.year === null ? (
        <Empty description={t('insuredList.none')} />
      ) : (
        <Table
          size="small"
          rowKey="no"
          data-testid="insured-list"
          dataSource={list.items}
          pagination={{ pageSize: 100, hideOnSinglePage: true }}
          columns={[
            { title: t('insuredList.no'), dataIndex: 'no', width: 70 },
            { title: t('insuredList.name'), dataIndex: 'name' },
            { title: t('insuredList.idNumber'), dataIndex: 'idNumber' },
            { title: t('insuredList.from'), dataIndex: 'insuredFrom' },
          ]}
        />
      )}
      <Typography.Text type="secondary">{t('insuredList.note')}</Typography.Text>
    </Space>
  );
}
