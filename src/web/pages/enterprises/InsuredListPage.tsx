import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';

/** 公示参保人员名单 (KI-2): a dust-hazard employer's insured persons, masked, ready to print and post. */
export default function InsuredListPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { data: list, error } = useQuery({
    queryKey: ['enterprises', id, 'insured-persons'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/enterprises/{id}/insured-persons', { params: { path: { id: Number(id) } }, signal }),
      ),
  });

  if (error) return <LoadFailed error={error} />;
  if (!list) return <Card loading />;
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
