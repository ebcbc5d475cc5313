import { endpoints, type ReportLang } from '@jv/contracts';
import { endpointUrl } from '../../../lib/api-client';

export type ReportFormat = 'pdf' | 'csv';

/**
 * A report's document — a plain link: the browser downloads it with the session cookie. A published
 * report's is its frozen copy; a partner user's download is written to the release log.
 */
export const reportDocumentUrl = (id: string, format: ReportFormat, lang: ReportLang) =>
  endpointUrl(format === 'pdf' ? endpoints.partnerReports.pdf : endpoints.partnerReports.csv, {
    params: { id },
    query: { lang },
  });
