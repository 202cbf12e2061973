import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { downloadFile, showError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * One button for an official document the server renders (GB/T 9704 layout, decision 0034): a
 * click opens the printable page; its menu downloads the PDF or the Word file to edit in WPS.
 */
export function DocumentButton({ url, label, size }: { url: string; label: string; size?: 'small' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const download = (format: 'pdf' | 'docx') =>
    downloadFile(`${url}?format=${format}`).catch((e) => showError(e, (m) => message.error(m)));
  return (
    <Space.Compact size={size}>
      <Button size={size} icon={<PrinterOutlined />} onClick={() => window.open(url, '_blank')}>
        {label}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'pdf', label: t('impl.pdf') },
            { key: 'docx', label: t('impl.docx') },
          ],
          onClick: ({ key }) => download(key as 'pdf' | 'docx'),
        }}
      >
        <Button size={size} icon={<DownOutlined />} aria-label={t('doc.formats')} />
      </Dropdown>
    </Space.Compact>
  );
}
