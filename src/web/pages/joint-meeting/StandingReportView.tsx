import { Alert, Col, Row, Statistic, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';

type Report = Schemas['StandingReport'];
type ReportChart = Report['sections'][number]['charts'][number];

function optionOf(chart: ReportChart): ChartOption {
  if (chart.type === 'pie')
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: chart.categories.map((name, i) => ({ name, value: chart.values[i] })),
        },
      ],
    };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: [{ type: chart.type, data: chart.values, smooth: chart.type === 'line' }],
  };
}

/** A standing report (J 附件1 二): figures and charts per data source, or "no data submitted". */
export function StandingReportView({ report }: { report: Report }) {
  const { t } = useI18n();
  return (
    <div>
      {report.sections.map((section) => (
        <div key={section.source} style={{ marginBottom: 16 }} data-testid={`section-${section.source}`}>
          <Typography.Title level={5}>{t(`reportSource.${section.source}`)}</Typography.Title>
          {section.status === 'no_data' ? (
            <Alert type="warning" showIcon title={t('report.noData', { year: report.year })} />
          ) : (
            <>
              <Row gutter={16}>
                {section.figures.map((f) => (
                  <Col key={f.key} xs={12} md={6}>
                    <Statistic title={f.label} value={f.value} suffix={f.unit} />
                  </Col>
                ))}
              </Row>
              <Row gutter={16}>
                {section.charts.map((c) => (
                  <Col key={c.key} xs={24} md={12}>
                    <Typography.Text type="secondary">{c.title}</Typography.Text>
                    <Chart option={optionOf(c)} height={220} />
                  </Col>
                ))}
              </Row>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
