import { App, AutoComplete, Button, Form, Modal, Popconfirm, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type Identity = Schemas['Identity'];

/**
 * The unified identities (统一身份认证) linked to one user: link by the configured claim's value
 * (typed, or picked from the identities queued for linking) and unlink. Every change is audited.
 */
export function UserIdentitiesModal({
  user,
  canManage,
  onClose,
}: {
  user: { id: number; username: string } | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<Identity[]>([]);
  const [pending, setPending] = useState<Identity[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<{ subject: string }>();

  const load = useCallback(async () => {
    if (!user) return;
    try {
      const path = { id: user.id };
      setItems((await unwrap(api.GET('/api/users/{id}/identities', { params: { path } }))).items);
      if (canManage) setPending((await unwrap(api.GET('/api/identities/pending'))).items);
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  }, [user, canManage, message]);

  useEffect(() => {
    form.resetFields();
    load();
  }, [load, form]);

  const link = async () => {
    if (!user) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/users/{id}/identities', { params: { path: { id: user.id } }, body: values }),
      );
      form.resetFields();
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  const unlink = async (identity: Identity) => {
    if (!user) return;
    try {
      await unwrap(
        api.DELETE('/api/users/{id}/identities/{identityId}', {
          params: { path: { id: user.id, identityId: identity.id } },
        }),
      );
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`${t('identities.title')} · ${user?.username ?? ''}`}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('identities.roleNote')}</Typography.Paragraph>
      <Table<Identity>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('identities.none') }}
        columns={[
          { title: t('identities.subject'), dataIndex: 'subject' },
          { title: t('identities.issuer'), dataIndex: 'issuer', ellipsis: true },
          {
            title: t('identities.lastSignIn'),
            dataIndex: 'lastSignInAt',
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('common.none')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, identity) =>
              canManage && (
                <Popconfirm title={t('identities.unlinkConfirm')} onConfirm={() => unlink(identity)}>
                  <Button type="link" size="small" danger>
                    {t('identities.unlink')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {canManage && items.length === 0 && (
        <Form form={form} layout="inline" style={{ marginTop: 16 }} onFinish={link}>
          <Form.Item
            name="subject"
            label={t('identities.subject')}
            tooltip={t('identities.subjectHint')}
            rules={[
              { required: true, message: t('validation.required', { field: t('identities.subject') }) },
            ]}
            style={{ flex: 1 }}
          >
            <AutoComplete
              data-testid="identity-subject"
              options={pending.map((p) => ({
                value: p.subject,
                label: `${p.subject}${p.displayHint ? ` · ${p.displayHint}` : ''} (${t('identities.pending')})`,
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {t('identities.link')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
