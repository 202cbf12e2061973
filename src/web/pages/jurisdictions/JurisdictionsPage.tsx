import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Input, Row, Table, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { buildTree, useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Detail = Schemas['JurisdictionDetail'];

export default function JurisdictionsPage() {
  const { t } = useI18n();
  const { all, current, setCurrent } = useJurisdiction();
  const [search, setSearch] = useState('');
  const selected = current?.code;
  // The chosen jurisdiction's record (its code in the key); a failure leaves the panel empty, as before.
  const detailQuery = useQuery({
    queryKey: ['jurisdictions', 'detail', selected],
    enabled: selected !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/jurisdictions/{code}', { params: { path: { code: selected as string } }, signal }),
      ),
  });
  const detail: Detail | null = detailQuery.data ?? null;

  const tree = useMemo(() => {
    if (!search) return buildTree(all);
    // Keep matches and their ancestors.
    const matched = all.filter((j) => j.name.includes(search));
    const keep = new Set(matched.flatMap((j) => j.path.split('/')));
    return buildTree(all.filter((j) => keep.has(j.code)));
  }, [all, search]);

  return (
    <Row gutter={16}>
      <Col xs={24} md={9}>
        <Card title={t('jurisdictions.title')}>
          <Input.Search
            placeholder={t('jurisdictions.searchPlaceholder')}
            allowClear
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 12 }}
          />
          {tree.length > 0 && (
            <Tree
              key={search}
              treeData={tree}
              selectedKeys={selected ? [selected] : []}
              defaultExpandedKeys={search ? all.map((j) => j.code) : selected ? [selected] : []}
              onSelect={(keys) => keys[0] && setCurrent(String(keys[0]))}
              height={560}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={15}>
        <Card title={detail ? `${detail.name}（${detail.code}）` : ''}>
          {detail ? (
            <>
              <Typography.Paragraph type="secondary">
                {detail.ancestors.map((a) => a.name).join(' / ')}
                {detail.ancestors.length > 0 ? ' / ' : ''}
                {detail.name}
              </Typography.Paragraph>
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t('jurisdictions.code')}>{detail.code}</Descriptions.Item>
                <Descriptions.Item label={t('jurisdictions.level')}>
                  {t(`level.${detail.level}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('jurisdictions.kind')}>
                  <Tag color={detail.kind === 'gbt2260' ? 'blue' : 'orange'}>{t(`kind.${detail.kind}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('jurisdictions.source')}>{detail.source}</Descriptions.Item>
                <Descriptions.Item label={t('jurisdictions.path')} span={2}>
                  <code>{detail.path}</code>
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('jurisdictions.children')}（{detail.children.length}）
              </Typography.Title>
              <Table
                size="small"
                rowKey="code"
                dataSource={detail.children}
                pagination={false}
                onRow={(row) => ({ onClick: () => setCurrent(row.code), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('jurisdictions.code'), dataIndex: 'code', width: 110 },
                  { title: t('jurisdictions.name'), dataIndex: 'name' },
                  {
                    title: t('jurisdictions.level'),
                    dataIndex: 'level',
                    render: (v: string) => t(`level.${v}`),
                  },
                  {
                    title: t('jurisdictions.kind'),
                    dataIndex: 'kind',
                    render: (v: string) => (
                      <Tag color={v === 'gbt2260' ? 'blue' : 'orange'}>{t(`kind.${v}`)}</Tag>
                    ),
                  },
                ]}
              />
            </>
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
    </Row>
  );
}
