import { Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { yuan } from './format';

type Line = Schemas['ProjectBudgetLine'];

/**
 * A declaration's budget lines with the payment standard each was priced against (PP-11): the
 * reviewers (HRSS and the drawn experts) see which lines lie above it and the applicant's reason.
 */
export function BudgetLinesTable({ lines }: { lines: Line[] }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={lines}
      data-testid="budget-lines"
      columns={[
        { title: t('pp.line.item'), dataIndex: 'item' },
        {
          title: t('pp.line.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => yuan(v),
        },
        {
          title: t('pp.line.standard'),
          key: 'standard',
          render: (_, l) =>
            l.standardFen === undefined
              ? '—'
              : `${l.quantity} × ${yuan(l.unitPriceFen ?? 0)} = ${yuan(l.standardFen)}（${l.standardDefinedAt}）`,
        },
        {
          title: t('pp.line.overReason'),
          key: 'over',
          render: (_, l) =>
            l.standardFen !== undefined && l.amountFen > l.standardFen ? (
              <span data-testid="over-standard">
                <Tag color="red">{t('pp.line.over', { over: yuan(l.amountFen - l.standardFen) })}</Tag>
                <Typography.Text>{l.overStandardReason}</Typography.Text>
              </span>
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}
