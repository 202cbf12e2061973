import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, message, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

type Segments = Schemas['SegmentList'];
type Sessions = Schemas['TrainingSessionList'];
type ImportResult = Schemas['QuestionImportResult'];

const raw = {
  bodySerializer: (body: unknown) => body as BodyInit,
  headers: { 'content-type': 'application/octet-stream' },
};

/** A course for officers: its online segments and videos, its question bank import, its offline sessions. */
export default function CourseDetailPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { id } = useParams();
  const courseId = Number(id);
  const path = { params: { path: { id: courseId } } };
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [segmentForm] = Form.useForm();
  const [sessionForm] = Form.useForm();
  const manage = can('training:manage');

  const queryClient = useQueryClient();
  const segmentList = useListQuery({
    queryKey: ['training', 'course', courseId, 'segments'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/courses/{id}/segments', { ...path, signal })),
  });
  const sessionList = useListQuery({
    queryKey: ['training', 'course', courseId, 'sessions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/courses/{id}/sessions', { ...path, signal })),
  });
  const questionList = useListQuery({
    queryKey: ['training', 'course', courseId, 'questions'],
    enabled: manage,
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/courses/{id}/questions', { ...path, signal })),
  });
  const segments: Segments['items'] = segmentList.data?.items ?? [];
  const sessions: Sessions['items'] = sessionList.data?.items ?? [];
  const questions: number | null = questionList.data?.total ?? null;
  const load = () => queryClient.invalidateQueries({ queryKey: ['training', 'course', courseId] });

  const addSegment = async (values: { title: string; durationSeconds: number }) => {
    try {
      await unwrap(api.POST('/api/training/courses/{id}/segments', { ...path, body: values }));
      segmentForm.resetFields();
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m), segmentForm);
    }
  };
  const uploadVideo = async (segmentId: number, file: File) => {
    try {
      await unwrap(
        api.POST('/api/training/segments/{id}/video', {
          params: { path: { id: segmentId }, query: { fileName: file.name } },
          body: file as never,
          ...raw,
        }),
      );
      message.success(t('common.saved'));
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  const importBank = async (file: File) => {
    try {
      setImported(
        await unwrap(
          api.POST('/api/training/courses/{id}/questions/import', {
            params: { path: { id: courseId }, query: { fileName: file.name } },
            body: file as never,
            ...raw,
          }),
        ),
      );
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  const addSession = async (values: {
    heldOn: string;
    place: string;
    hours: number;
    signInCode?: string;
  }) => {
    try {
      await unwrap(api.POST('/api/training/courses/{id}/sessions', { ...path, body: values }));
      sessionForm.resetFields();
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m), sessionForm);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('course.segments')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={segments}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('course.segmentTitle'), dataIndex: 'title' },
            { title: t('course.duration'), dataIndex: 'durationSeconds' },
            { title: t('course.video'), dataIndex: 'videoFileName', render: (v: string | null) => v ?? '—' },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'upload',
                    render: (_: unknown, s: Segments['items'][number]) => (
                      <Upload
                        accept="video/*"
                        showUploadList={false}
                        beforeUpload={(file) => {
                          void uploadVideo(s.id, file);
                          return false;
                        }}
                      >
                        <Button size="small">{t('course.uploadVideo')}</Button>
                      </Upload>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {manage && (
          <Form form={segmentForm} layout="inline" onFinish={addSegment} style={{ marginTop: 12 }}>
            <Form.Item name="title" rules={[{ required: true }]}>
              <Input placeholder={t('course.segmentTitle')} />
            </Form.Item>
            <Form.Item name="durationSeconds" rules={[{ required: true }]}>
              <InputNumber min={1} placeholder={t('course.duration')} />
            </Form.Item>
            <Button htmlType="submit">{t('common.create')}</Button>
          </Form>
        )}
      </Card>
      {manage && (
        <Card title={t('course.questions', { total: questions ?? 0 })}>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void importBank(file);
              return false;
            }}
          >
            <Button data-testid="question-import">{t('course.importQuestions')}</Button>
          </Upload>
          <div style={{ marginTop: 8, color: '#888' }}>{t('course.questionTemplate')}</div>
          {imported && (
            <Alert
              style={{ marginTop: 12 }}
              type={imported.rejected.length ? 'warning' : 'success'}
              message={t('course.imported', {
                imported: imported.imported,
                skipped: imported.alreadyInBank,
                rejected: imported.rejected.length,
              })}
              description={imported.rejected.map((r) => (
                <div key={r.line}>
                  {t('course.rejectedRow', {
                    line: r.line,
                    column: `${r.column}（${r.field}）`,
                    message: r.message,
                  })}
                </div>
              ))}
            />
          )}
        </Card>
      )}
      <Card title={t('course.sessions')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sessions}
          columns={[
            { title: t('course.heldOn'), dataIndex: 'heldOn' },
            { title: t('course.place'), dataIndex: 'place' },
            { title: t('training.hours'), dataIndex: 'hours' },
            { title: t('course.rostered'), dataIndex: 'rostered' },
            { title: t('course.attended'), dataIndex: 'attended' },
          ]}
        />
        {manage && (
          <Form form={sessionForm} layout="inline" onFinish={addSession} style={{ marginTop: 12 }}>
            <Form.Item name="heldOn" rules={[{ required: true }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="place" rules={[{ required: true }]}>
              <Input placeholder={t('course.place')} />
            </Form.Item>
            <Form.Item name="hours" rules={[{ required: true }]}>
              <InputNumber min={0.5} step={0.5} placeholder={t('training.hours')} />
            </Form.Item>
            <Form.Item name="signInCode">
              <Input placeholder={t('course.signInCode')} />
            </Form.Item>
            <Button htmlType="submit">{t('common.create')}</Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
