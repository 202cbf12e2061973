import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Setting = Schemas['SettingItem'];
type Change = Schemas['SettingChange'];

/** The menu's name of each module that declares settings. */
const MODULE_LABELS: Record<string, string> = {
  enterprises: 'nav.enterprises',
  'joint-meeting': 'nav.jointMeeting',
  analytics: 'nav.analytics',
  projects: 'nav.prevention',
  experts: 'nav.experts',
  training: 'nav.training',
};

/** Which input a value's JSON Schema gets: a number, a choice, a line of text, or JSON. */
type Kind =
  | { kind: 'number'; isInteger: boolean; min?: number; max?: number }
  | { kind: 'choice'; values: string[] }
  | { kind: 'text' }
  | { kind: 'json' };

function kindOf(schema: Record<string, unknown>): Kind {
  const type = schema.type;
  if (type === 'integer' || type === 'number')
    return {
      kind: 'number',
      isInteger: type === 'integer',
      min: typeof schema.minimum === 'number' ? schema.minimum : undefined,
      max: typeof schema.maximum === 'number' ? schema.maximum : undefined,
    };
  if (type === 'string' && Array.isArray(schema.enum))
    return { kind: 'choice', values: schema.enum.map(String) };
  if (type === 'string') return { kind: 'text' };
  return { kind: 'json' };
}

/** A value as text: an object's fields one per line (`field: value`), anything else as it is. */
const show = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${k}: ${v === null ? '—' : String(v)}`)
          .join('\n')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

const Value = ({ value, isMuted }: { value: unknown; isMuted?: boolean }) => (
  <Typography.Text type={isMuted ? 'secondary' : undefined} style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
    <code>{show(value)}</code>
  </Typography.Text>
);

interface EditValues {
  value?: unknown;
  reason: string;
}

/** 参数设置: every setting of the chosen jurisdiction, where its value comes from, edit and history. */
export default function SettingsPage() {
  const { t, language } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [items, setItems] = useState<Setting[]>([]);
  const [isLoading, setLoading] = useState(false);
  const [editing, setEditing] = useState<{ setting: Setting; mode: 'edit' | 'reset' } | null>(null);
  const [history, setHistory] = useState<{ setting: Setting; items: Change[] } | null>(null);
  const [form] = Form.useForm<EditValues>();
  const code = current?.code;
  const canWrite = can('settings:write');

  const load = useCallback(async () => {
    if (!code) return;
    setLoading(true);
    try {
      setItems((await unwrap(api.GET('/api/settings', { params: { query: { jurisdiction: code } } }))).items);
    } catch (e) {
      showError(e, (m) => message.error(m));
    } finally {
      setLoading(false);
    }
  }, [code, message]);

  useEffect(() => {
    load();
  }, [load]);

  const openEdit = (setting: Setting, mode: 'edit' | 'reset') => setEditing({ setting, mode });

  const openHistory = async (setting: Setting) => {
    if (!code) return;
    try {
      const answer = await unwrap(
        api.GET('/api/settings/{jurisdiction}/{key}/history', {
          params: { path: { jurisdiction: code, key: setting.key } },
        }),
      );
      setHistory({ setting, items: answer.items });
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const submit = async () => {
    if (!editing || !code) return;
    let values: EditValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const path = { jurisdiction: code, key: editing.setting.key };
    try {
      if (editing.mode === 'reset') {
        await unwrap(
          api.DELETE('/api/settings/{jurisdiction}/{key}', {
            params: { path },
            body: { reason: values.reason },
          }),
        );
      } else {
        let value = values.value;
        if (kindOf(editing.setting.schema).kind === 'json') {
          try {
            value = JSON.parse(String(values.value));
          } catch {
            form.setFields([{ name: 'value', errors: [t('settingsPage.badJson')] }]);
            return;
          }
        }
        await unwrap(
          api.PUT('/api/settings/{jurisdiction}/{key}', {
            params: { path },
            body: { value, reason: values.reason },
          }),
        );
      }
      message.success(t('common.saved'));
      setEditing(null);
      load();
    } catch (e) {
      // A nested field (value.targetReductionPct) is shown on the value's input, naming the part.
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(
          e.fields.map((f) => {
            const [name = 'value', ...rest] = f.field.split('.');
            return { name, errors: [rest.length ? `${rest.join('.')}: ${f.message}` : f.message] };
          }),
        );
        return;
      }
      showError(e, (m) => message.error(m));
    }
  };

  const sourceTag = (s: Setting) =>
    s.source === 'own' ? (
      <Tag color="green">{t('settingsPage.own')}</Tag>
    ) : s.source === 'inherited' ? (
      <Tag color="blue">{t('settingsPage.inherited', { name: s.definedAt?.name ?? '' })}</Tag>
    ) : (
      <Tag>{t('settingsPage.default')}</Tag>
    );

  const columns: ColumnsType<Setting> = [
    {
      title: t('settingsPage.module'),
      dataIndex: 'module',
      width: 120,
      render: (v: string) => (MODULE_LABELS[v] ? t(MODULE_LABELS[v]) : v),
    },
    {
      title: t('settingsPage.setting'),
      key: 'setting',
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <span>{language === 'zh' ? s.description.zh : s.description.en}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{s.key}</code>
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('settingsPage.value'),
      dataIndex: 'value',
      width: 230,
      render: (v: unknown) => <Value value={v} />,
    },
    { title: t('settingsPage.source'), key: 'source', width: 160, render: (_, s) => sourceTag(s) },
    {
      title: t('settingsPage.defaultValue'),
      dataIndex: 'default',
      width: 230,
      render: (v: unknown) => <Value value={v} isMuted />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, s) => (
        <Space size={4} wrap>
          {canWrite && (
            <Button size="small" type="link" onClick={() => openEdit(s, 'edit')}>
              {t('common.edit')}
            </Button>
          )}
          {canWrite && s.source === 'own' && (
            <Button size="small" type="link" onClick={() => openEdit(s, 'reset')}>
              {t('settingsPage.reset')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => openHistory(s)}>
            {t('settingsPage.history')}
            {s.historyTotal ? ` (${s.historyTotal})` : ''}
          </Button>
        </Space>
      ),
    },
  ];

  const editKind = editing ? kindOf(editing.setting.schema) : null;
  return (
    <Card title={`${current?.name ?? ''} · ${t('settingsPage.title')}`}>
      <Alert type="info" showIcon title={t('settingsPage.intro')} style={{ marginBottom: 16 }} />
      <Table
        rowKey="key"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={items}
        columns={columns}
      />
      <Modal
        open={Boolean(editing)}
        title={
          editing
            ? `${editing.mode === 'reset' ? t('settingsPage.reset') : t('common.edit')} · ${
                language === 'zh' ? editing.setting.description.zh : editing.setting.description.en
              }`
            : ''
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            key={`${editing.setting.key}-${editing.mode}`}
            initialValues={{
              // The value that applies now is where an edit starts.
              value:
                editKind?.kind === 'json'
                  ? JSON.stringify(editing.setting.value, null, 2)
                  : editing.setting.value,
              reason: '',
            }}
          >
            <Typography.Paragraph type="secondary">
              <code>{editing.setting.key}</code> · {t('settingsPage.source')}: {sourceTag(editing.setting)} ·{' '}
              {t('settingsPage.defaultValue')}: <Value value={editing.setting.default} />
            </Typography.Paragraph>
            {editing.mode === 'reset' ? (
              <Alert
                type="warning"
                showIcon
                title={t('settingsPage.resetHint')}
                style={{ marginBottom: 16 }}
              />
            ) : (
              <Form.Item name="value" label={t('settingsPage.newValue')} rules={[{ required: true }]}>
                {editKind?.kind === 'number' ? (
                  <InputNumber
                    min={editKind.min}
                    max={editKind.max}
                    precision={editKind.isInteger ? 0 : undefined}
                    style={{ width: 200 }}
                  />
                ) : editKind?.kind === 'choice' ? (
                  <Select
                    options={editKind.values.map((v) => ({ value: v, label: v }))}
                    style={{ width: 240 }}
                  />
                ) : editKind?.kind === 'text' ? (
                  <Input style={{ width: 240 }} />
                ) : (
                  <Input.TextArea
                    rows={5}
                    style={{ fontFamily: 'monospace' }}
                    placeholder={t('settingsPage.json')}
                  />
                )}
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={t('settingsPage.reason')}
              rules={[
                { required: true, min: 2, whitespace: true, message: t('settingsPage.reasonRequired') },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Modal
        open={Boolean(history)}
        width={820}
        footer={null}
        title={history ? `${t('settingsPage.history')} · ${history.setting.key}` : ''}
        onCancel={() => setHistory(null)}
      >
        <Table
          rowKey={(r) => `${r.changedAt}-${show(r.newValue)}`}
          size="small"
          pagination={false}
          dataSource={history?.items ?? []}
          columns={[
            {
              title: t('settingsPage.changedAt'),
              dataIndex: 'changedAt',
              width: 160,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
            { title: t('settingsPage.changedBy'), dataIndex: 'changedBy', width: 110 },
            {
              title: t('settingsPage.oldValue'),
              dataIndex: 'oldValue',
              render: (v: unknown) => (v === null ? t('settingsPage.inheritedValue') : <Value value={v} />),
            },
            {
              title: t('settingsPage.newValue'),
              dataIndex: 'newValue',
              render: (v: unknown) => (v === null ? t('settingsPage.inheritedValue') : <Value value={v} />),
            },
            {
              title: t('settingsPage.reason'),
              dataIndex: 'reason',
              render: (v: string | null) => v ?? t('common.none'),
            },
          ]}
        />
      </Modal>
    </Card>
  );
}
