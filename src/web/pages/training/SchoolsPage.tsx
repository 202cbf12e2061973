import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';

type Coverage = Schemas['SchoolCoverage'];
type ClassList = Schemas['SchoolClassList'];
type Students = Schemas['SchoolStudentList'];

/** Technical schools (TR-3): coverage per school, classes with their required course, students. */
export default function SchoolsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can, me } = useAuth();
  // A school's own account (training:school without training:read) records for itself only.
  const ownSchool = can('training:read') ? null : (me?.organisation ?? null);
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const [form] = Form.useForm();
  const code = current?.code;
  const query = { jurisdiction: code };
  const canRead = can('training:read');
  const canSchool = can('training:school');
  // Every key holds the jurisdiction: a late answer for an earlier one cannot fill the page.
  const coverageQuery = useListQuery({
    queryKey: ['training', 'schools', 'coverage', code],
    enabled: code !== undefined && canRead,
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/schools/coverage', { params: { query }, signal })),
  });
  // An officer picks from the jurisdiction's courses, a school's own account from those open to schools.
  const coursesQuery = useListQuery({
    queryKey: ['training', 'schools', 'courses', code, canRead],
    enabled: code !== undefined && (canRead || canSchool),
    queryFn: ({ signal }) =>
      canRead
        ? unwrap(api.GET('/api/training/courses', { params: { query }, signal }))
        : unwrap(api.GET('/api/training/school-courses', { params: { query }, signal })),
  });
  const classesQuery = useListQuery({
    queryKey: ['training', 'schools', 'classes', code],
    enabled: code !== undefined && canSchool,
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/school-classes', { params: { query }, signal })),
  });
  const studentsQuery = useListQuery({
    queryKey: ['training', 'schools', 'students', open],
    enabled: open !== null,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/school-classes/{id}/students', {
          params: { path: { id: open ?? 0 } },
          signal,
        }),
      ),
  });
  const coverage: Coverage | null = coverageQuery.data ?? null;
  const classes: ClassList | null = classesQuery.data ?? null;
  const courses: { id: number; title: string }[] = coursesQuery.data?.items ?? [];
  const students: Students | null = studentsQuery.data ?? null;
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['training', 'schools'] });
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {coverage && (
        <Card title={t('schools.coverage')}>
          <Table
            rowKey="schoolId"
            size="small"
            pagination={false}
            dataSource={coverage.items}
            data-testid="school-coverage"
            columns={[
              { title: t('schools.school'), dataIndex: 'schoolName' },
              { title: t('schools.area'), dataIndex: 'jurisdictionName' },
              { title: t('schools.classes'), dataIndex: 'classes' },
              { title: t('schools.students'), dataIndex: 'students' },
              { title: t('schools.passed'), dataIndex: 'passed' },
              { title: t('schools.placed'), dataIndex: 'placed' },
              {
                title: t('schools.coveragePct'),
                dataIndex: 'coveragePct',
                render: (v: number | null) =>
                  v === null ? '—' : <Tag color={v >= 100 ? 'green' : v >= 60 ? 'orange' : 'red'}>{v}%</Tag>,
              },
            ]}
          />
        </Card>
      )}
      {classes && (
        <Card title={t('schools.classesTitle')}>
          {can('training:school') && (
            <Form
              form={form}
              layout="inline"
              style={{ marginBottom: 16 }}
              data-testid="class-form"
              onFinish={(v) =>
                act(async () => {
                  const body = ownSchool ? { ...v, schoolId: ownSchool.id } : v;
                  await unwrap(api.POST('/api/training/school-classes', { body }));
                  form.resetFields();
                })
              }
            >
              {!ownSchool && (
                <Form.Item name="schoolId" rules={[{ required: true }]}>
                  <Select
                    placeholder={t('schools.school')}
                    style={{ width: 200 }}
                    options={coverage?.items.map((s) => ({ value: s.schoolId, label: s.schoolName }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="cohort" rules={[{ required: true }]}>
                <InputNumber placeholder={t('schools.cohort')} min={2000} max={2100} />
              </Form.Item>
              <Form.Item name="name" rules={[{ required: true }]}>
                <Input placeholder={t('schools.className')} />
              </Form.Item>
              <Form.Item name="courseId" rules={[{ required: true }]}>
                <Select
                  placeholder={t('schools.course')}
                  style={{ width: 220 }}
                  options={courses.map((c) => ({ value: c.id, label: c.title }))}
                />
              </Form.Item>
              <Button htmlType="submit" type="primary">
                {t('schools.addClass')}
              </Button>
            </Form>
          )}
          <Table
            rowKey="id"
            size="small"
            dataSource={classes.items}
            data-testid="school-classes"
            columns={[
              { title: t('schools.school'), dataIndex: 'schoolName' },
              { title: t('schools.cohort'), dataIndex: 'cohort' },
              { title: t('schools.className'), dataIndex: 'name' },
              { title: t('schools.course'), dataIndex: 'courseTitle' },
              { title: t('schools.students'), dataIndex: 'students' },
              { title: t('schools.passed'), dataIndex: 'passed' },
              { title: t('schools.placed'), dataIndex: 'placed' },
              {
                title: '',
                render: (_: unknown, row: { id: number }) => (
                  <Button size="small" onClick={() => setOpen(row.id)}>
                    {t('schools.studentsTitle')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={open !== null}
        width={900}
        footer={null}
        onCancel={() => setOpen(null)}
        title={t('schools.studentsTitle')}
      >
        <Form
          layout="inline"
          style={{ marginBottom: 12 }}
          onFinish={(v) =>
            act(() =>
              unwrap(
                api.POST('/api/training/school-classes/{id}/students', {
                  params: { path: { id: open ?? 0 } },
                  body: v,
                }),
              ),
            )
          }
        >
          <Form.Item name="personName" rules={[{ required: true }]}>
            <Input placeholder={t('schools.studentName')} />
          </Form.Item>
          <Form.Item name="idNumber" rules={[{ required: true }]}>
            <Input placeholder={t('schools.idNumber')} />
          </Form.Item>
          <Button htmlType="submit">{t('schools.addStudent')}</Button>
        </Form>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={students?.items ?? []}
          data-testid="school-students"
          columns={[
            { title: t('schools.studentName'), dataIndex: 'personName' },
            { title: t('schools.idNumber'), dataIndex: 'idNumber' },
            { title: t('schools.bestScore'), dataIndex: 'bestScore', render: (v: number | null) => v ?? '—' },
            {
              title: t('schools.assessment'),
              dataIndex: 'isPassed',
              render: (v: boolean) => (
                <Tag color={v ? 'green' : 'red'}>{v ? t('schools.pass') : t('schools.notPassed')}</Tag>
              ),
            },
            { title: t('schools.placedAt'), dataIndex: 'placedAt', render: (v: string | null) => v ?? '—' },
            {
              title: '',
              render: (_: unknown, s: { id: number }) => (
                <Space>
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    placeholder={t('schools.score')}
                    onPressEnter={(e) =>
                      act(() =>
                        unwrap(
                          api.POST('/api/training/school-students/{id}/assessments', {
                            params: { path: { id: s.id } },
                            body: {
                              assessedOn: todayInChina().format('YYYY-MM-DD'),
                              score: Number((e.target as HTMLInputElement).value),
                            },
                          }),
                        ),
                      )
                    }
                  />
                  <Input.Search
                    size="small"
                    placeholder={t('schools.host')}
                    enterButton={t('schools.place')}
                    onSearch={(hostName) =>
                      act(() =>
                        unwrap(
                          api.POST('/api/training/school-students/{id}/placements', {
                            params: { path: { id: s.id } },
                            body: { hostName, startsOn: todayInChina().format('YYYY-MM-DD') },
                          }),
                        ),
                      )
                    }
                  />
                </Space>
              ),
            },
          ]}
        />
      </Modal>
    </Space>
  );
}
