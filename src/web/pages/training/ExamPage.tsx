import { Alert, Button, Card, Checkbox, Radio, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type Attempt = Schemas['ExamAttempt'];
type ExamResult = Schemas['ExamResult'];

/** A learner's exam (TR-4): the paper the server drew, a countdown, answers scored by the server. */
export default function ExamPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const courseId = Number(id);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [choices, setChoices] = useState<Record<number, number[]>>({});
  const [result, setResult] = useState<ExamResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (!attempt) return;
    setLeft(attempt.secondsLeft);
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [attempt]);

  const start = async () => {
    setError(null);
    setResult(null);
    setChoices({});
    try {
      setAttempt(
        await unwrap(
          api.POST('/api/study/courses/{id}/exam-attempts', { params: { path: { id: courseId } } }),
        ),
      );
    } catch (e) {
      showError(e, setError);
    }
  };
  const submit = async () => {
    if (!attempt) return;
    try {
      setResult(
        await unwrap(
          api.POST('/api/study/exam-attempts/{id}/answers', {
            params: { path: { id: attempt.id } },
            body: {
              answers: attempt.questions.map((q) => ({ questionId: q.id, choice: choices[q.id] ?? [] })),
            },
          }),
        ),
      );
    } catch (e) {
      showError(e, setError);
    }
  };

  if (result)
    return (
      <Result
        status={result.isPassed ? 'success' : 'warning'}
        title={
          result.isPassed
            ? t('exam.passed', { score: result.score })
            : t('exam.failed', { score: result.score })
        }
        subTitle={t('exam.passMark', { mark: result.passMark })}
        extra={
          result.certificateNumber ? (
            <Link
              to={`/public/certificates?number=${result.certificateNumber}`}
              data-testid="exam-certificate"
            >
              {result.certificateNumber}
            </Link>
          ) : (
            <Button onClick={() => void start()}>{t('exam.retry')}</Button>
          )
        }
      />
    );
  return (
    <Card
      title={t('exam.title')}
      extra={
        attempt && (
          <Typography.Text>
            {t('exam.left', { minutes: Math.floor(left / 60), seconds: left % 60 })}
          </Typography.Text>
        )
      }
    >
      {error && <Alert style={{ marginBottom: 12 }} type="error" message={error} data-testid="exam-error" />}
      {!attempt ? (
        <Button type="primary" onClick={() => void start()} data-testid="exam-start">
          {t('exam.start')}
        </Button>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {attempt.questions.map((q, i) => (
            <div key={q.id} data-testid={`question-${i + 1}`}>
              <Typography.Paragraph strong>
                {`${i + 1}. ${q.stem}（${t(`exam.kind.${q.kind}`)}，${q.points} ${t('exam.points')}）`}
              </Typography.Paragraph>
              {q.kind === 'multiple' ? (
                <Checkbox.Group
                  value={choices[q.id] ?? []}
                  onChange={(v) => setChoices((c) => ({ ...c, [q.id]: (v as number[]).slice().sort() }))}
                  options={q.options.map((o, k) => ({ label: o, value: k }))}
                />
              ) : (
                <Radio.Group
                  value={choices[q.id]?.[0]}
                  onChange={(e) => setChoices((c) => ({ ...c, [q.id]: [e.target.value as number] }))}
                  options={q.options.map((o, k) => ({ label: o, value: k }))}
                />
              )}
            </div>
          ))}
          <Button type="primary" onClick={() => void submit()} data-testid="exam-submit">
            {t('exam.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
