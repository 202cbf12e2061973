import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** Page styles: an A4 official-notice layout; the print button hides itself on paper. */
const PRINT_CSS = `
.bulletin-print { max-width: 210mm; margin: 0 auto; padding: 24mm 20mm; background: #fff; color: #000;
  font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.8; }
.bulletin-print h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 20pt; text-align: center;
  font-weight: normal; margin: 0 0 1.5em; color: #000; }
.bulletin-print .body { white-space: pre-wrap; }
.bulletin-print .meta { font-size: 10pt; color: #555; margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; }
.bulletin-print .actions { text-align: right; margin-bottom: 1em; }
@media print {
  @page { size: A4; margin: 0; }
  body { background: #fff !important; }
  .bulletin-print .actions { display: none; }
}
`;

/** A clean printable page of one bulletin (AN-4), outside the application's frame. */
export default function BulletinPrintPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [bulletin, setBulletin] = useState<Schemas['Bulletin'] | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/bulletins/{id}', { params: { path: { id: Number(id) } } })).then(setBulletin);
  }, [id]);
  if (!bulletin) return null;
  return (
    <div className="bulletin-print" data-testid="bulletin-print">
      <style>{PRINT_CSS}</style>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          {t('bulletin.print')}
        </button>
      </div>
      <h1>{bulletin.title}</h1>
      <div className="body">{bulletin.body}</div>
      <div className="meta">
        {t(`bulletin.status.${bulletin.status}`)} · {bulletin.jurisdictionName}
        {bulletin.publishedAt ? ` · ${new Date(bulletin.publishedAt).toLocaleDateString()}` : ''}
      </div>
    </div>
  );
}
