import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Link } from 'react-router';
import { renderWithProviders } from '../test/render';
import { DataTable, type Column } from './data-table';
import { facilityLabel, useFacilityOptions } from '../lib/lookups';
import { mockFetch } from '../test/fetch-mock';
import { FilterSelect, ListToolbar, LookupFilterSelect, SearchBox } from './list-toolbar';

interface Item {
  id: string;
  name: string;
  site: string;
  due: string;
}
const ITEMS: Item[] = [
  { id: 'a1', name: 'SN-001', site: 'Depot North', due: '2026-12-01' },
  { id: 'b2', name: 'SN-002', site: 'Depot South', due: '2026-12-02' },
];

const columns: Column<Item>[] = [
  { key: 'name', header: 'Serial', cell: (i) => <Link to={`/items/${i.id}`}>{i.name}</Link> },
  { key: 'site', header: 'Site', narrowHidden: true, cell: (i) => i.site },
  {
    key: 'due',
    header: 'Due',
    cell: (i) => (
      <>
        {i.due}{' '}
        <button type="button" data-testid={`inner-${i.id}`}>
          Pin
        </button>
      </>
    ),
  },
];

function Table({ listId }: { listId?: string }) {
  return (
    <DataTable caption="Items" columns={columns} rows={ITEMS} getRowId={(i) => i.id} emptyMessage="—" listId={listId} />
  );
}

const itemRoute = [{ path: '/items/:id', element: <p data-testid="item-page">item</p> }];
const cellOf = (text: string) => screen.getByText(text).closest('td') as HTMLElement;

/** A screen as narrow as a 1024 px tablet: matchMedia answers the app's "narrower than a desktop" queries. */
function tabletScreen(narrow: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({ matches: narrow && query.includes('max-width'), media: query }),
  });
}

afterEach(() => {
  Reflect.deleteProperty(window, 'matchMedia');
  localStorage.clear();
});

describe('DataTable rows open with a tap anywhere on them', () => {
  it('a click on a cell without a link opens the row’s link', async () => {
    const { events, router } = renderWithProviders(<Table />, { route: '/items', path: '/items', routes: itemRoute });
    await events.click(cellOf('Depot South'));
    expect(router.state.location.pathname).toBe('/items/b2');
  });

  it('leaves inner buttons, text selection and the keyboard alone', async () => {
    const { events, router } = renderWithProviders(<Table />, { route: '/items', path: '/items', routes: itemRoute });
    await events.click(screen.getByTestId('inner-a1'));
    expect(router.state.location.pathname).toBe('/items');

    // a drag that selected text in the row is not a tap
    const selection = window.getSelection();
    selection?.selectAllChildren(cellOf('Depot North'));
    fireEvent.click(cellOf('Depot North'));
    expect(router.state.location.pathname).toBe('/items');
    selection?.removeAllRanges();

    // the row's link stays the one stop for the keyboard: the row itself takes no focus
    expect(cellOf('Depot North').closest('tr')).not.toHaveAttribute('tabindex');
  });

  it('Ctrl+click and the middle button open the row’s address in a new tab, the page stays', () => {
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    const { router } = renderWithProviders(<Table />, { route: '/items', path: '/items', routes: itemRoute });
    fireEvent.click(cellOf('Depot North'), { ctrlKey: true });
    fireEvent(cellOf('Depot South'), new MouseEvent('auxclick', { bubbles: true, button: 1 }));
    expect(open.mock.calls.map((c) => new URL(String(c[0])).pathname)).toEqual(['/items/a1', '/items/b2']);
    expect(router.state.location.pathname).toBe('/items');
    open.mockRestore();
  });
});

describe('column chooser', () => {
  it('on a tablet hides the optional columns, shows one on request and remembers it per list', async () => {
    tabletScreen(true);
    const first = renderWithProviders(<Table listId="items" />);
    expect(screen.queryByRole('columnheader', { name: 'Site' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Due' })).toBeInTheDocument();

    const chooser = screen.getByTestId('column-chooser');
    expect(chooser).toHaveAttribute('aria-expanded', 'false');
    await first.events.click(chooser);
    expect(chooser).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByTestId('column-chooser-menu');
    // the link's column is never offered (a row must keep its link)
    expect(within(menu).queryByLabelText('Serial')).not.toBeInTheDocument();
    await first.events.click(within(menu).getByLabelText('Site'));
    expect(screen.getByRole('columnheader', { name: 'Site' })).toBeInTheDocument();
    first.unmount();

    const second = renderWithProviders(<Table listId="items" />);
    expect(screen.getByRole('columnheader', { name: 'Site' })).toBeInTheDocument();
    second.unmount();

    // another list keeps its own choice
    renderWithProviders(<Table listId="other-items" />);
    expect(screen.queryByRole('columnheader', { name: 'Site' })).not.toBeInTheDocument();
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    tabletScreen(true);
    const { events } = renderWithProviders(<Table listId="items" />);
    await events.click(screen.getByTestId('column-chooser'));
    await events.keyboard('{Escape}');
    expect(screen.queryByTestId('column-chooser-menu')).not.toBeInTheDocument();
    expect(screen.getByTestId('column-chooser')).toHaveFocus();
  });
});

function Filters() {
  const [site, setSite] = useState('north');
  const [q, setQ] = useState('');
  return (
    <ListToolbar>
      <SearchBox value={q} onSearch={setQ} />
      <FilterSelect
        name="site"
        label="Site"
        value={site}
        options={[
          { value: 'north', label: 'Depot North' },
          { value: 'south', label: 'Depot South' },
        ]}
        onChange={setSite}
      />
    </ListToolbar>
  );
}

describe('filter bar', () => {
  it('on a tablet starts folded with a chip per active filter; the chip’s × clears that filter', async () => {
    tabletScreen(true);
    const { events } = renderWithProviders(<Filters />, { locale: 'en' });
    const toggle = screen.getByTestId('filters-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveTextContent('Filters (1)');
    expect(screen.getByTestId('filter-chip-site')).toHaveTextContent('Site: Depot North');

    await events.click(screen.getByRole('button', { name: 'Clear the “Site” filter' }));
    expect(screen.queryByTestId('filter-chip-site')).not.toBeInTheDocument();
    expect(toggle).toHaveTextContent('Filters (0)');
    expect(screen.getByTestId('filter-site')).toHaveValue('');

    await events.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await events.selectOptions(screen.getByTestId('filter-site'), 'south');
    expect(screen.getByTestId('filter-chip-site')).toHaveTextContent('Site: Depot South');
  });

  it('on a desktop starts open', () => {
    tabletScreen(false);
    renderWithProviders(<Filters />, { locale: 'uk' });
    expect(screen.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('filters-toggle')).toHaveTextContent('Фільтри (1)');
  });
});

const facilityOption = (f: { id: string; code: string; name: string }) => ({ value: f.id, label: facilityLabel(f) });

function FacilityFilter({ initial }: { initial: string }) {
  const [facility, setFacility] = useState(initial);
  return (
    <ListToolbar>
      <LookupFilterSelect
        name="facility"
        label="Facility"
        value={facility}
        useOptions={useFacilityOptions}
        toOption={facilityOption}
        onChange={setFacility}
      />
    </ListToolbar>
  );
}

describe('a select of reference data in the filter bar', () => {
  const facilities = { items: [{ id: 'f1', code: 'WS1', name: 'Workshop One' }], nextCursor: null };

  it('asks for its options only once the folded bar opens', async () => {
    tabletScreen(true);
    const fetch = mockFetch({ 'GET /facilities': facilities });
    const { events } = renderWithProviders(<FacilityFilter initial="" />, { locale: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch.requests).toEqual([]);

    await events.click(screen.getByTestId('filters-toggle'));
    await screen.findByRole('option', { name: 'WS1 — Workshop One' });
    expect(fetch.requests.map((r) => r.path)).toEqual(['/facilities']);
  });

  it('asks for them while folded when a value is chosen, so that its chip names it', async () => {
    tabletScreen(true);
    const fetch = mockFetch({ 'GET /facilities': facilities });
    renderWithProviders(<FacilityFilter initial="f1" />, { locale: 'en' });
    await waitFor(() =>
      expect(screen.getByTestId('filter-chip-facility')).toHaveTextContent('Facility: WS1 — Workshop One'),
    );
    expect(fetch.requests.map((r) => r.path)).toEqual(['/facilities']);
  });
});
