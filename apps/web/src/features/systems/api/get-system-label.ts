import { endpoints } from '@jv/contracts';
import { endpointUrl } from '../../../lib/api-client';

/**
 * The printable QR label of a system (`endpoints.systems.label`), an SVG drawn by the API: an `<img>` of it
 * loads with the session cookie, and the sheet and a single label are the same drawing.
 */
export const systemLabelUrl = (id: string) => endpointUrl(endpoints.systems.label, { params: { id } });
