import { Alert, App, Button, Card, Drawer, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Person = Schemas['Person'];
type Profile = Schemas['EmployerProfile'];

/** 数据查询: injury determinations, masked unless permitted; a person or an employer across domains. */
export default function RecordsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState<number | undefined>();
  const [search, setSearch] = useState<string | undefined>();
  const [person, setPerson] = useState<Person | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const fail = useCallback((e: unknown) => showError(e, (m) => message.error(m)), [message]);

  const code = current?.code;
  // The key holds the jurisdiction, filters and page: a late answer for earlier ones cannot fill the table.
  const list = useListQuery({
    queryKey: ['injuries', code, year, search, page],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/injuries', {
          params: { query: { jurisdiction: code as string, year, search, page, pageSize: 20 } },
          signal,
        }),
      ),
  });
  const data = list.data ?? { items: [], total: 0 };

  const openPerson = (idNumber: string) =>
    unwrap(api.GET('/api/persons/{idNumber}', { params: { path: { idNumber } } }))
      .then(setPerson)
      .catch(fail);
  const openEmployer = (creditCode: string | null) =>
    creditCode &&
    unwrap(api.GET('/api/employers/{creditCode}/profile', { params: { path: { creditCode } } }))
      .then(setProfile)
      .catch(fail);

  const masked = data.items.some((i) => i.isMasked);
  return (
    <Card title={`${t('records.title')} · ${current?.name ?? ''}`}>
      {masked && <Alert type="info" showIcon title={t('records.masked')} style={{ marginBottom: 16 }} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <InputNumber
          placeholder={t('records.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? undefined)}
        />
        <Input.Search
          placeholder={t('records.search')}
          allowClear
          onSearch={(v) => setSearch(v || undefined)}
          style={{ width: 260 }}
        />
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            data-testid={`export-${format}`}
            onClick={() => {
              const query = new URLSearchParams({
                format,
                ...(current ? { jurisdiction: current.code } : {}),
              });
              if (year) query.set('year', String(year));
              if (search) query.set('search', search);
              downloadFile(`/api/injuries/export?${query}`).catch(fail);
            }}
          >
            {t(format === 'csv' ? 'records.exportCsv' : 'records.exportXlsx')}
          </Button>
        ))}
      </Space>
      <Table
        rowKey="id"
        size="small"
        dataSource={data.items}
        data-testid="injuries"
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        columns={[
          { title: t('records.caseNo'), dataIndex: 'caseNo', width: 230 },
          {
            title: t('records.person'),
            key: 'person',
            render: (_, r) =>
              r.isMasked || !can('personal-data:view') ? (
                `${r.personName} ${r.idNumber}`
              ) : (
                <Button type="link" size="small" onClick={() => openPerson(r.idNumber)}>
                  {r.personName} {r.idNumber}
                </Button>
              ),
          },
          { title: t('records.ageBand'), dataIndex: 'ageBand', width: 80 },
          {
            title: t('records.employer'),
            dataIndex: 'employerName',
            render: (v: string, r) => (
              <Button type="link" size="small" onClick={() => openEmployer(r.employerCreditCode)}>
                {v}
              </Button>
            ),
          },
          { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 90 },
          { title: t('records.occurred'), dataIndex: 'occurredOn', width: 110 },
          { title: t('records.ground'), dataIndex: 'ground', width: 80 },
          {
            title: t('records.severity'),
            dataIndex: 'severity',
            width: 80,
            render: (v: string) => (
              <Tag color={v === 'death' ? 'red' : v === 'serious' ? 'orange' : 'default'}>
                {t(`severity.${v}`)}
              </Tag>
            ),
          },
          {
            title: t('records.fund'),
            dataIndex: 'fundExpenditureFen',
            width: 120,
            render: (v: number) => (v / 100).toLocaleString(),
          },
        ]}
      />
      <Drawer
        open={person !== null}
        width={720}
        title={person ? t('records.personTitle', { name: person.personName }) : ''}
        onClose={() => setPerson(null)}
      >
        {person && (
          <>
            <Typography.Paragraph>
              {t('records.idNumber')}：<code>{person.idNumber}</code>
            </Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={person.injuries}
              columns={[
                { title: t('records.caseNo'), dataIndex: 'caseNo' },
                { title: t('records.employer'), dataIndex: 'employerName' },
                { title: t('records.occurred'), dataIndex: 'occurredOn' },
                {
                  title: t('records.severity'),
                  dataIndex: 'severity',
                  render: (v: string) => t(`severity.${v}`),
                },
              ]}
            />
            {person.diseases.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('records.diseases')}
                </Typography.Title>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={person.diseases}
                  columns={[
                    { title: t('records.caseNo'), dataIndex: 'caseNo' },
                    { title: t('records.diseases'), dataIndex: 'diseaseName' },
                    { title: t('records.employer'), dataIndex: 'employerName' },
                    { title: t('records.occurred'), dataIndex: 'diagnosedOn' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Drawer>
      <Drawer
        open={profile !== null}
        width={720}
        title={profile?.employer.name}
        onClose={() => setProfile(null)}
      >
        {profile && (
          <>
            <Typography.Paragraph>
              <code>{profile.employer.creditCode}</code> · {profile.employer.jurisdictionName} ·{' '}
              {profile.employer.industryCode}
              {profile.employer.insuranceStatus && ` · ${t(`insurance.${profile.employer.insuranceStatus}`)}`}
            </Typography.Paragraph>
            <Table
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={profile.years}
              columns={[
                { title: t('ledger.year'), dataIndex: 'year' },
                {
                  title: t('ledger.insured'),
                  dataIndex: 'averageInsured',
                  render: (v: number | null) => v ?? '—',
                },
                { title: t('ledger.injuries'), dataIndex: 'injuries' },
                { title: t('ledger.deaths'), dataIndex: 'deaths' },
                { title: t('ledger.accidents'), dataIndex: 'accidents' },
                { title: t('ledger.diseases'), dataIndex: 'diseases' },
              ]}
            />
          </>
        )}
      </Drawer>
    </Card>
  );
}
