import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Role = Schemas['TrainingRoles']['roles'][number];

/**
 * 培训配置 (TR-1): the key posts of a plan period — set by a province's officer, read by everyone
 * else — and the current jurisdiction's own coverage target and due date. Configuration, not code:
 * the 2026–2030 plan changed both.
 */
export function TrainingConfigTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [rolesForm] = Form.useForm<{ roles: Role[] }>();
  const [targetForm] = Form.useForm<{ coveragePct: number; dueDate: dayjs.Dayjs; source: string }>();
  const [saving, setSaving] = useState(false);
  const manage = can('training:manage');
  const provinceLevel = (me?.jurisdiction.path.split('/').length ?? 99) <= 2;

  const periods = useQuery({
    queryKey: ['plan-periods'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plan-periods', { signal })),
  });
  const roles = useQuery({
    queryKey: ['training', 'roles', period ?? 'current'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/roles', { params: { query: period ? { planPeriod: period } : {} }, signal }),
      ),
  });
  const coverage = useQuery({
    queryKey: ['training', 'coverage', current?.code, roles.data?.planPeriod],
    enabled: Boolean(current?.code && roles.data),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/coverage', {
          params: {
            query: { jurisdiction: current?.code as string, planPeriod: roles.data?.planPeriod },
          } as never,
          signal,
        }),
      ),
  });

  useEffect(() => {
    if (roles.data) rolesForm.setFieldsValue({ roles: roles.data.roles });
  }, [roles.data, rolesForm]);
  useEffect(() => {
    const target = coverage.data?.target;
    if (target)
      targetForm.setFieldsValue({
        coveragePct: target.coveragePct,
        dueDate: dayjs(target.dueDate),
        source: target.source,
      });
  }, [coverage.data, targetForm]);

  const saveRoles = async ({ roles: list }: { roles: Role[] }) => {
    if (!roles.data) return;
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/training/roles', { body: { planPeriod: roles.data.planPeriod, roles: list } }),
      );
      message.success(t('training.config.rolesSaved'));
      await queryClient.invalidateQueries({ queryKey: ['training'] });
    } catch (error) {
      showError(error, message.error);
    } finally {
      setSaving(false);
    }
  };

  const saveTarget = async (v: { coveragePct: number; dueDate: dayjs.Dayjs; source: string }) => {
    if (!current || !roles.data) return;
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/training/targets', {
          body: {
            jurisdiction: current.code,
            planPeriod: roles.data.planPeriod,
            coveragePct: v.coveragePct,
            dueDate: v.dueDate.format('YYYY-MM-DD'),
            source: v.source,
          },
        }),
      );
      message.success(t('training.config.targetSaved'));
      await queryClient.invalidateQueries({ queryKey: ['training'] });
    } catch (error) {
      showError(error, message.error, targetForm as never);
    } finally {
      setSaving(false);
    }
  };

  const editable = manage && provinceLevel;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('training.config.roles')}
        loading={roles.isLoading}
        extra={
          <Select
            style={{ width: 160 }}
            aria-label={t('training.config.period')}
            value={period ?? roles.data?.planPeriod}
            onChange={setPeriod}
            options={(periods.data?.items ?? []).map((p) => ({ value: p.code, label: p.code }))}
          />
        }
      >
        {!editable && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('training.config.rolesReadOnly')}
          />
        )}
        <Form form={rolesForm} onFinish={saveRoles} disabled={!editable} layout="vertical">
          <Form.List name="roles">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => {
                  const existing = roles.data?.roles.some(
                    (r) => r.code === rolesForm.getFieldValue(['roles', field.name, 'code']),
                  );
                  return (
                    <Space key={field.key} align="start" wrap data-testid={`role-row-${index}`}>
                      <Form.Item
                        name={[field.name, 'code']}
                        label={index === 0 ? t('training.config.code') : undefined}
                        rules={[
                          {
                            required: true,
                            pattern: /^[a-z_]{2,40}$/,
                            message: t('training.config.codeRule'),
                          },
                        ]}
                      >
                        <Input style={{ width: 190 }} maxLength={40} disabled={existing || !editable} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'nameZh']}
                        label={index === 0 ? t('training.config.nameZh') : undefined}
                        rules={[{ required: true, message: t('training.config.nameZh') }]}
                      >
                        <Input style={{ width: 220 }} maxLength={50} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'nameEn']}
                        label={index === 0 ? t('training.config.nameEn') : undefined}
                        rules={[{ required: true, message: t('training.config.nameEn') }]}
                      >
                        <Input style={{ width: 220 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'source']}
                        label={index === 0 ? t('training.config.source') : undefined}
                        rules={[{ required: true, min: 2, message: t('training.config.source') }]}
                      >
                        <Input style={{ width: 280 }} maxLength={200} />
                      </Form.Item>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Space>
                          <Button
                            icon={<ArrowUpOutlined />}
                            aria-label={t('training.config.up')}
                            disabled={!editable || index === 0}
                            onClick={() => move(index, index - 1)}
                          />
                          <Button
                            icon={<ArrowDownOutlined />}
                            aria-label={t('training.config.down')}
                            disabled={!editable || index === fields.length - 1}
                            onClick={() => move(index, index + 1)}
                          />
                          <Button
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('training.config.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      </Form.Item>
                    </Space>
                  );
                })}
                {editable && (
                  <Space>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ code: '', nameZh: '', nameEn: '', source: '' })}
                    >
                      {t('training.config.addRole')}
                    </Button>
                    <Popconfirm
                      title={t('training.config.confirmRoles')}
                      onConfirm={() => rolesForm.submit()}
                    >
                      <Button type="primary" loading={saving}>
                        {t('common.save')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )}
              </>
            )}
          </Form.List>
        </Form>
      </Card>
      <Card title={t('training.config.target', { name: current?.name ?? '' })} loading={coverage.isLoading}>
        <Form form={targetForm} onFinish={saveTarget} disabled={!manage} layout="inline">
          <Form.Item name="coveragePct" label={t('training.config.coveragePct')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('training.config.dueDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="source" label={t('training.config.source')} rules={[{ required: true, min: 2 }]}>
            <Input style={{ width: 360 }} maxLength={500} />
          </Form.Item>
          {manage && (
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
    </Space>
  );
}
