import { Alert, Card, Descriptions, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PortalLayout } from '../portal/PortalLayout';

type Check = Schemas['CertificateCheck'];

const COLOR = { valid: 'green', expired: 'orange', revoked: 'red' } as const;

/** Public: anyone checks a training certificate's number (TR-4); the holder's name is masked. */
export default function CertificateCheckPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async (number: string) => {
    setResult(null);
    setError(null);
    if (!number.trim()) return;
    setParams({ number: number.trim() });
    try {
      setResult(
        await unwrap(
          api.GET('/api/public/certificates/{number}', { params: { path: { number: number.trim() } } }),
        ),
      );
    } catch (e) {
      showError(e, setError);
    }
  };
  return (
    <PortalLayout title={t('training.checkTitle')}>
      <Card style={{ maxWidth: 640 }}>
        <Input.Search
          defaultValue={params.get('number') ?? ''}
          placeholder={t('training.certificateNumber')}
          enterButton={t('training.check')}
          onSearch={check}
          data-testid="certificate-number"
        />
        {error && (
          <Alert style={{ marginTop: 16 }} type="error" message={error} data-testid="certificate-error" />
        )}
        {result && (
          <Descriptions
            style={{ marginTop: 16 }}
            column={1}
            bordered
            size="small"
            data-testid="certificate-result"
          >
            <Descriptions.Item label={t('training.certificateNumber')}>
              {result.certificateNumber}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.personName')}>{result.personName}</Descriptions.Item>
            <Descriptions.Item label={t('training.courseTitle')}>{result.courseTitle}</Descriptions.Item>
            <Descriptions.Item label={t('training.completedOn')}>{result.completedOn}</Descriptions.Item>
            <Descriptions.Item label={t('training.hours')}>{result.hours}</Descriptions.Item>
            <Descriptions.Item label={t('training.validUntil')}>{result.validUntil}</Descriptions.Item>
            <Descriptions.Item label={t('training.certificateStatus')}>
              <Tag color={COLOR[result.status]}>{t(`training.certificate.${result.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('training.checkHint')}
        </Typography.Paragraph>
      </Card>
    </PortalLayout>
  );
}
