import { App, Button, Card, InputNumber, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type BulletinList = Schemas['BulletinList'];
type Candidates = Schemas['BulletinCandidates'];

export const STATUS_COLORS = { draft: 'default', approved: 'orange', published: 'green' } as const;

function DraftModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { current } = useJurisdiction();
  const [year, setYear] = useState<number | undefined>();
  const [accidentIds, setAccidentIds] = useState<number[]>([]);
  const [injuryIds, setInjuryIds] = useState<number[]>([]);
  const [isSaving, setSaving] = useState(false);
  const code = current?.code;
  // While the dialog is open, for the header's jurisdiction and the year chosen (both in the key).
  const candidatesQuery = useListQuery({
    queryKey: ['bulletins', 'candidates', code, year],
    enabled: open && code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/bulletins/candidates', { params: { query: { jurisdiction: code, year } }, signal }),
      ),
  });
  const candidates: Candidates | null = candidatesQuery.data ?? null;
  const submit = async () => {
    if (!current) return;
    setSaving(true);
    try {
      const b = await unwrap(
        api.POST('/api/bulletins', { body: { jurisdictionCode: current.code, accidentIds, injuryIds } }),
      );
      navigate(`/analysis/bulletins/${b.id}`);
    } catch (e) {
      showError(e, (m) => message.error(m));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      width={960}
      title={t('bulletin.chooseRecords', { year: candidates?.year ?? '' })}
      onCancel={onClose}
      onOk={submit}
      okText={t('bulletin.draft')}
      okButtonProps={{ disabled: accidentIds.length + injuryIds.length === 0 }}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Space style={{ marginBottom: 12 }}>
        <span>{t('rank.year')}</span>
        <InputNumber
          min={2000}
          max={2100}
          value={year ?? candidates?.year}
          onChange={(v) => setYear(v ?? undefined)}
        />
      </Space>
      <Tabs
        items={[
          {
            key: 'accidents',
            label: `${t('bulletin.accidents')} (${candidates?.accidents.length ?? 0})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={{ pageSize: 8 }}
                dataSource={candidates?.accidents ?? []}
                rowSelection={{
                  selectedRowKeys: accidentIds,
                  onChange: (k) => setAccidentIds(k as number[]),
                }}
                data-testid="candidate-accidents"
                columns={[
                  { title: t('bulletin.date'), dataIndex: 'occurredOn', width: 110 },
                  { title: t('bulletin.employer'), dataIndex: 'employerName' },
                  { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 90 },
                  { title: t('bulletin.category'), dataIndex: 'categoryName', width: 100 },
                  { title: t('bulletin.deaths'), dataIndex: 'deaths', width: 60 },
                  { title: t('bulletin.serious'), dataIndex: 'seriousInjuries', width: 60 },
                ]}
              />
            ),
          },
          {
            key: 'injuries',
            label: `${t('bulletin.injuries')} (${candidates?.injuries.length ?? 0})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={{ pageSize: 8 }}
                dataSource={candidates?.injuries ?? []}
                rowSelection={{ selectedRowKeys: injuryIds, onChange: (k) => setInjuryIds(k as number[]) }}
                data-testid="candidate-injuries"
                columns={[
                  { title: t('bulletin.date'), dataIndex: 'occurredOn', width: 110 },
                  { title: t('bulletin.employer'), dataIndex: 'employerName' },
                  { title: t('bulletin.person'), dataIndex: 'personName', width: 80 },
                  { title: t('bulletin.post'), dataIndex: 'post', width: 90 },
                  { title: t('bulletin.category'), dataIndex: 'categoryName', width: 100 },
                  {
                    title: t('bulletin.severity'),
                    dataIndex: 'isDeath',
                    width: 80,
                    render: (v: boolean, r) =>
                      v
                        ? t('bulletin.deaths')
                        : r.severity === 'serious'
                          ? t('bulletin.serious')
                          : r.severity,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

/** 典型事故通报 (AN-4): bulletins of one's scope and those published from above. */
export default function BulletinsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [isDrafting, setDrafting] = useState(false);
  const list = useListQuery({
    queryKey: ['bulletins', 'list', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/bulletins', { params: { query: { page, pageSize: 20 } }, signal })),
  });
  const data: BulletinList | null = list.data ?? null;
  return (
    <Card
      title={t('nav.bulletins')}
      extra={
        can('bulletins:draft') && (
          <Button type="primary" onClick={() => setDrafting(true)} data-testid="bulletin-new">
            {t('bulletin.new')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        data-testid="bulletins"
        onRow={(b) => ({
          onClick: () => navigate(`/analysis/bulletins/${b.id}`),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        columns={[
          { title: t('bulletin.title'), dataIndex: 'title' },
          {
            title: t('bulletin.jurisdiction'),
            dataIndex: 'jurisdictionName',
            width: 140,
            render: (v: string, b) => (
              <>
                {v} {!b.isInScope && <Tag color="purple">{t('bulletin.fromAbove')}</Tag>}
              </>
            ),
          },
          {
            title: t('bulletin.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: keyof typeof STATUS_COLORS) => (
              <Tag color={STATUS_COLORS[v]}>{t(`bulletin.status.${v}`)}</Tag>
            ),
          },
          { title: t('bulletin.draftedBy'), dataIndex: 'draftedBy', width: 130 },
          {
            title: t('bulletin.publishedAt'),
            dataIndex: 'publishedAt',
            width: 170,
            render: (v: string | null) => (v ? new Date(v).toLocaleString() : '—'),
          },
        ]}
      />
      <DraftModal open={isDrafting} onClose={() => setDrafting(false)} />
    </Card>
  );
}
