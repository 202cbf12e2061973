import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';
import { BudgetLinesTable } from './BudgetLinesTable';
import { yuan } from './format';

type Assignment = Schemas['ReviewAssignment'];

/** The criteria (评审标准) with maximum points, as the server checks them. */
const CRITERIA = [
  { code: 'necessity', max: 20 },
  { code: 'fit', max: 20 },
  { code: 'feasibility', max: 25 },
  { code: 'budget', max: 20 },
  { code: 'capacity', max: 15 },
] as const;

/** 专家评审: the projects the signed-in expert is drawn for, scored online against the criteria (PP-3). */
export default function ReviewsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [scoring, setScoring] = useState<Assignment | null>(null);
  const [form] = Form.useForm();

  const queryClient = useQueryClient();
  const list = useListQuery({
    queryKey: ['review-assignments'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/review-assignments', { signal })),
  });
  const items: Assignment[] = list.data?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['review-assignments'] });

  const submit = async () => {
    if (!scoring) return;
    const v = await form.validateFields();
    const { comment, ...scores } = v;
    try {
      await unwrap(
        api.POST('/api/review-assignments/{id}/score', {
          params: { path: { id: scoring.memberId } },
          body: { scores, comment: comment || undefined },
        }),
      );
      message.success(t('pp.scored'));
      setScoring(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  return (
    <Card title={t('pp.reviewsTitle')}>
      {items.length === 0 ? (
        <Empty description={t('pp.noAssignments')} />
      ) : (
        <Table
          rowKey="memberId"
          dataSource={items}
          data-testid="assignments-table"
          expandable={{
            expandedRowRender: (a) => (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('pp.summary')}>{a.project.summary}</Descriptions.Item>
                <Descriptions.Item label={t('pp.budgetLines')}>
                  <BudgetLinesTable lines={a.project.budgetLines} />
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('pp.title'), key: 'title', render: (_, a) => a.project.title },
            { title: t('pp.applicant'), key: 'applicant', render: (_, a) => a.project.applicantName },
            { title: t('pp.keyField'), key: 'kf', render: (_, a) => a.project.keyField },
            { title: t('pp.requested'), key: 'req', render: (_, a) => yuan(a.project.requestedFen) },
            { title: t('pp.field'), dataIndex: 'field', render: (v: string | null) => v ?? t('pp.openSlot') },
            {
              title: t('pp.total'),
              dataIndex: 'total',
              render: (v: number | null) =>
                v === null ? <Tag>{t('pp.notScored')}</Tag> : <Tag color="green">{v}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_, a) =>
                a.scoredAt === null && a.project.status === 'reviewing' ? (
                  <Button
                    type="primary"
                    size="small"
                    data-testid={`score-${a.memberId}`}
                    onClick={() => {
                      form.resetFields();
                      setScoring(a);
                    }}
                  >
                    {t('pp.score')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={Boolean(scoring)}
        title={scoring?.project.title}
        onOk={submit}
        onCancel={() => setScoring(null)}
        destroyOnHidden
      >
        <Form form={form} layout="horizontal" labelCol={{ span: 12 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {CRITERIA.map((c) => (
              <Form.Item
                key={c.code}
                name={c.code}
                label={`${t(`pp.criterion.${c.code}`)}（0–${c.max}）`}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={c.max} data-testid={`criterion-${c.code}`} />
              </Form.Item>
            ))}
            <Form.Item name="comment" label={t('pp.comment')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
