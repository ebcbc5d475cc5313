import { screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { PersonnelImportPage } from './personnel-import-page';

/** A stand-in for XMLHttpRequest: records what was sent and answers with `answer`. */
function fakeXhr(answer: { status: number; body: unknown }) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  class FakeXhr {
    status = 0;
    statusText = '';
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((e: unknown) => void) | null; onload: (() => void) | null } = {
      onprogress: null,
      onload: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private method = '';
    private url = '';
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader() {}
    getResponseHeader(name: string) {
      return name.toLowerCase() === 'content-type' ? 'application/json' : null;
    }
    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, body });
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 1 });
        this.upload.onload?.();
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }, 0);
    }
  }
  const original = globalThis.XMLHttpRequest;
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return { sent, restore: () => (globalThis.XMLHttpRequest = original) };
}

describe('personnel import', () => {
  it('checks the file (dry run) and lists the bad rows by line and column in the user language', async () => {
    const xhr = fakeXhr({
      status: 200,
      body: {
        dryRun: true,
        totalRows: 3,
        validRows: 1,
        imported: 0,
        errors: [
          { line: 2, column: 'service_number', code: 'service_number_chars', message: 'bad' },
          { line: 4, column: 'full_name', code: 'too_small', params: { minimum: 2, origin: 'string' }, message: 'x' },
        ],
      },
    });
    try {
      const { events } = renderWithProviders(<PersonnelImportPage />, { user: 'training', locale: 'en' });
      const csv = 'service_number,full_name,rank,unit\n?,Ivan Petrenko,Sergeant,\nUA-1,I,Soldier,\n';
      const file = new File([csv], 'people.csv', { type: 'text/csv' });
      // jsdom's File has no text()
      Object.defineProperty(file, 'text', { value: () => Promise.resolve(csv) });
      await events.upload(screen.getByTestId('import-file'), file);
      await waitFor(() => expect(screen.getByTestId('import-check')).toBeEnabled());
      await events.click(screen.getByTestId('import-check'));
      const rows = await screen.findAllByTestId('import-error');
      expect(xhr.sent[0]?.url).toBe('/api/v1/personnel/import?dryRun=true');
      expect(xhr.sent[0]?.body).toBe(csv);
      expect(rows.map((r) => [r.dataset['line'], r.dataset['column']])).toEqual([
        ['2', 'service_number'],
        ['4', 'full_name'],
      ]);
      expect(within(rows[0]).getByText('4–20 Latin letters, digits or dashes')).toBeInTheDocument();
      expect(rows[1]).toHaveTextContent('2');
      expect(screen.getByTestId('import-run')).toBeDisabled();
    } finally {
      xhr.restore();
    }
  });
});
