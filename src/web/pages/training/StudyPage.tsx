import { Alert, Button, Card, Descriptions, List, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type Courses = Schemas['StudyCourses'];
type Course = Schemas['StudyCourse'];
type Segment = Course['segments'][number];

/** The learner's courses (TR-6): each with where the learner stands. */
export function StudyListPage() {
  const { t } = useI18n();
  const [data, setData] = useState<Courses | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/study/courses')).then(setData, (e) => showError(e, setError));
  }, []);
  return (
    <Card title={t('study.title')}>
      {error && <Alert type="error" message={error} />}
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('study.noCourses') }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Link key="open" to={`/study/${c.id}`} data-testid={`study-open-${c.id}`}>
                {t('study.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={c.title}
              description={`${t(`study.form.${c.form}`)} · ${c.hours} ${t('training.hours')}`}
            />
            {c.standing.completion ? (
              <Tag color="green">{t('study.completed')}</Tag>
            ) : (
              <Tag>{`${c.standing.segmentsDone}/${c.standing.segments}`}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** How often the page beats: often enough for short segments, at most every 10 seconds. */
const beatEvery = (segment: Segment) =>
  Math.min(10_000, Math.max(1_000, (segment.durationSeconds * 1000) / 3));

/**
 * A course's study page: segments in order (later ones locked), a player, heartbeats to the server
 * while studying. The server decides what counts; the page only shows it.
 */
export default function StudyPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const courseId = Number(id);
  const navigate = useNavigate();
  const [course, setCourse] = useState<Course | null>(null);
  const [current, setCurrent] = useState<Segment | null>(null);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'info'; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(async () => {
    const data = await unwrap(api.GET('/api/study/courses/{id}', { params: { path: { id: courseId } } }));
    setCourse(data);
    return data;
  }, [courseId]);
  useEffect(() => {
    load().catch((e) => showError(e, (text) => setNotice({ type: 'error', text })));
    return () => {
      if (timer.current) clearInterval(timer.current);
    };
  }, [load]);

  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  const beat = async (session: number, segment: Segment) => {
    try {
      const result = await unwrap(
        api.POST('/api/study/sessions/{id}/heartbeat', {
          params: { path: { id: session } },
          body: { segmentId: segment.id },
        }),
      );
      if (result.certificateNumber)
        setNotice({ type: 'success', text: t('study.certificate', { number: result.certificateNumber }) });
      if (result.segment.isCompleted) {
        stop();
        const fresh = await load();
        const next = fresh.segments.find((s) => s.id === result.nextSegmentId) ?? null;
        setCurrent(next);
        if (next) startBeating(session, next);
      } else
        setCourse(
          (c) =>
            c && {
              ...c,
              segments: c.segments.map((s) =>
                s.id === segment.id ? { ...s, watchedSeconds: result.segment.watchedSeconds } : s,
              ),
            },
        );
    } catch (e) {
      stop();
      showError(e, (text) => setNotice({ type: 'error', text }));
    }
  };

  const startBeating = (session: number, segment: Segment) => {
    stop();
    timer.current = setInterval(() => void beat(session, segment), beatEvery(segment));
  };

  /** Starts (or restarts) studying a segment; a locked one is asked of the server, which refuses it. */
  const study = async (segment: Segment) => {
    setNotice(null);
    try {
      let session = sessionId;
      if (session === null) {
        session = (
          await unwrap(api.POST('/api/study/courses/{id}/sessions', { params: { path: { id: courseId } } }))
        ).id;
        setSessionId(session);
      }
      if (segment.isLocked) {
        // The server is the judge: it refuses a segment ahead of the first unfinished one.
        await beat(session, segment);
        return;
      }
      setCurrent(segment);
      startBeating(session, segment);
    } catch (e) {
      showError(e, (text) => setNotice({ type: 'error', text }));
    }
  };

  if (!course) return <Card loading>{notice && <Alert type={notice.type} message={notice.text} />}</Card>;
  const standing = course.standing;
  return (
    <Card
      title={course.course.title}
      extra={
        <Button
          type="primary"
          disabled={!standing?.isOnlineDone || standing.questions === 0 || standing.isExamPassed}
          onClick={() => navigate(`/study/${courseId}/exam`)}
          data-testid="study-exam"
        >
          {t('study.exam')}
        </Button>
      }
    >
      {notice && (
        <Alert
          style={{ marginBottom: 12 }}
          type={notice.type}
          message={notice.text}
          data-testid="study-notice"
        />
      )}
      {standing && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('study.progress')}>
            {`${standing.segmentsDone}/${standing.segments}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('study.credited')}>
            {t('study.seconds', { seconds: standing.onlineSeconds })}
          </Descriptions.Item>
          <Descriptions.Item label={t('study.offlineHours')}>
            {`${standing.offlineHours}/${standing.offlineHoursRequired}`}
          </Descriptions.Item>
          {standing.completion && (
            <Descriptions.Item label={t('training.certificateNumber')}>
              <Link to={`/public/certificates?number=${standing.completion.certificateNumber}`}>
                {standing.completion.certificateNumber}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {current?.hasVideo && (
        <video
          key={current.id}
          src={`/api/study/segments/${current.id}/video`}
          controls
          autoPlay
          muted
          style={{ width: '100%', maxHeight: 360, background: '#000' }}
        />
      )}
      <List
        dataSource={course.segments}
        renderItem={(s) => (
          <List.Item
            data-testid={`segment-${s.seq}`}
            actions={[
              <Button
                key="study"
                size="small"
                type={current?.id === s.id ? 'primary' : 'default'}
                onClick={() => void study(s)}
                data-testid={`segment-study-${s.seq}`}
              >
                {s.isCompleted ? t('study.review') : t('study.start')}
              </Button>,
            ]}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Typography.Text strong>{`${s.seq}. ${s.title}`}</Typography.Text>
                {s.isCompleted && <Tag color="green">{t('study.segmentDone')}</Tag>}
                {s.isLocked && <Tag>{t('study.locked')}</Tag>}
              </Space>
              <Progress
                percent={Math.round(
                  (Math.min(s.watchedSeconds, s.durationSeconds) * 100) / s.durationSeconds,
                )}
                size="small"
              />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
