import { App, Button, Card, Empty, Form, Input, Modal, Space, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap, uploadFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { RateNoticeCard } from './RateNoticeCard';

type Notice = Schemas['RateNotice'];

/** The employer's own rate notices (费率通知) with the projected rate, and its appeals. */
export default function OwnRatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<Notice[] | null>(null);
  const [appealing, setAppealing] = useState<Notice | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    unwrap(api.GET('/api/own-rates'))
      .then((r) => setItems(r.items))
      .catch((e) => showError(e, (m) => message.error(m)));
  }, [message]);
  useEffect(load, [load]);
  const submit = async () => {
    if (!appealing) return;
    const v = await form.validateFields();
    try {
      const appeal = await unwrap(
        api.POST('/api/own-rates/{id}/appeals', {
          params: { path: { id: appealing.assignment.id } },
          body: v,
        }),
      );
      await uploadAppealFiles(appeal.id, files);
      setAppealing(null);
      setFiles([]);
      form.resetFields();
      message.success(t('rates.appeal.submitted'));
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  if (items === null) return null;
  if (items.length === 0)
    return (
      <Card title={t('nav.ownRates')}>
        <Empty description={t('rates.own.none')} />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {items.map((n) => (
        <RateNoticeCard
          key={n.assignment.id}
          notice={n}
          extra={
            n.appeals.every((a) => a.status !== 'submitted') && (
              <Button onClick={() => setAppealing(n)} data-testid="rates-appeal">
                {t('rates.appeal.start')}
              </Button>
            )
          }
        />
      ))}
      <Modal
        open={appealing !== null}
        title={t('rates.appeal.start')}
        onCancel={() => setAppealing(null)}
        onOk={submit}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('rates.appeal.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="rates-appeal-reason" />
          </Form.Item>
          <Form.Item label={t('rates.appeal.files')}>
            <Upload
              multiple
              beforeUpload={(file) => {
                setFiles((f) => [...f, file]);
                return false;
              }}
              onRemove={(file) => setFiles((f) => f.filter((x) => x.name !== file.name))}
            >
              <Button>{t('rates.appeal.addFile')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Files of an appeal: uploaded one by one as raw bodies. */
async function uploadAppealFiles(appealId: number, files: File[]): Promise<void> {
  for (const file of files)
    await uploadFile(
      `/api/own-rates/appeals/${appealId}/files?fileName=${encodeURIComponent(file.name)}`,
      file,
    );
}
