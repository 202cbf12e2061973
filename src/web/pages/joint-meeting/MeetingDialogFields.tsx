import { DatePicker, Form, Input, Select } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** The fields of the meeting page's dialogs: hold the meeting, record minutes, assign an action item. */
export function MeetingDialogFields({
  dialog,
  meeting,
}: {
  dialog: 'hold' | 'minutes' | 'item' | null;
  meeting: Schemas['Meeting'];
}) {
  const { t } = useI18n();
  const members = meeting.participants.filter((p) => p.role === 'member');
  return (
    <>
      {dialog === 'hold' && (
        <>
          <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="present" label={t('meeting.present')}>
            <Select
              mode="multiple"
              options={meeting.participants.map((p) => ({
                value: p.organisationId,
                label: p.organisationName,
              }))}
            />
          </Form.Item>
        </>
      )}
      {dialog === 'minutes' && (
        <>
          <Form.Item name="minutes" label={t('meeting.minutes')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={6} data-testid="minutes-text" />
          </Form.Item>
          <Form.Item name="decisions" label={t('meeting.decisions')} extra={t('meeting.topicsHint')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
      {dialog === 'item' && (
        <>
          <Form.Item name="organisationId" label={t('item.unit')} rules={[{ required: true }]}>
            <Select
              data-testid="item-unit"
              options={members.map((p) => ({ value: p.organisationId, label: p.organisationName }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('item.title')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="item-title" />
          </Form.Item>
          <Form.Item name="description" label={t('item.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="deadline" label={t('item.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </>
      )}
    </>
  );
}
