import { useTranslation } from 'react-i18next';
import type { PartnerReportDetail, ReportLang } from '@jv/contracts';
import { reportDocumentUrl, type ReportFormat } from '../api/documents';

const FORMATS: ReportFormat[] = ['pdf', 'csv'];
const LANGS: ReportLang[] = ['uk', 'en'];

/**
 * The PDF and the CSV in Ukrainian and English as plain download links; a published report's
 * documents are frozen, and each shows its SHA-256.
 */
export function ReportDocuments({ report }: { report: PartnerReportDetail }) {
  const { t } = useTranslation();
  const published = report.status === 'published';
  return (
    <div data-testid="report-documents">
      <p className="muted">
        {t('partnerReports.detail.documentsHint')} {published ? t('partnerReports.detail.frozenHint') : null}
      </p>
      <ul className="pr-documents">
        {FORMATS.flatMap((format) =>
          LANGS.map((lang) => {
            const stored = report.documents.find((d) => d.format === format && d.lang === lang);
            const names = {
              format: t(`partnerReports.documents.${format}`),
              lang: t(`partnerReports.detail.langName.${lang}`),
            };
            return (
              <li key={`${format}-${lang}`} className="pr-document">
                <a
                  className="btn btn-secondary"
                  href={reportDocumentUrl(report.id, format, lang)}
                  download
                  aria-label={t('partnerReports.detail.downloadLabel', names)}
                  data-testid={`document-${format}-${lang}`}
                >
                  {t('partnerReports.detail.download', names)}
                </a>
                {published && stored ? (
                  <span className="pr-sha" data-testid={`sha-${format}-${lang}`}>
                    <span className="muted">{t('partnerReports.detail.sha256')}: </span>
                    <code className="pr-hash">{stored.sha256}</code>
                  </span>
                ) : null}
              </li>
            );
          }),
        )}
      </ul>
      {published && report.figuresSha256 ? (
        <p className="pr-sha">
          <span className="muted">{t('partnerReports.detail.figuresSha256')}: </span>
          <code className="pr-hash" data-testid="figures-sha">
            {report.figuresSha256}
          </code>
        </p>
      ) : null}
    </div>
  );
}
