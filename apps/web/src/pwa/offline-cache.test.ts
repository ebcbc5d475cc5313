import 'fake-indexeddb/auto';
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { sessionKeys } from '../lib/query-keys';
import { createTestQueryClient } from '../test/render';
import { testRepairJob, testUser, TEST_FACILITY_ID } from '../test/fixtures';
import { clearOfflineCache, readOfflineSnapshot, startOfflineCache, type OfflineCacheHandle } from './offline-cache';

const boardKey = ['repair-jobs', 'board', TEST_FACILITY_ID];
const auditKey = ['audit-log', 'list', {}];
const alice = testUser('workshop', { id: 'a0000000-0000-4000-8000-000000000001', displayName: 'Alice' });
const bob = testUser('workshop', { id: 'b0000000-0000-4000-8000-000000000002', displayName: 'Bob' });
const board = { items: [testRepairJob()], nextCursor: null };

describe('offline cache', () => {
  const handles: OfflineCacheHandle[] = [];
  const start = (client: QueryClient) => {
    const handle = startOfflineCache(client);
    handles.push(handle);
    return handle;
  };

  /** Alice signed in and saw her board (and an audit page) on this device; her snapshot is written. */
  async function aliceWasHere(): Promise<number> {
    const client = createTestQueryClient();
    const handle = start(client);
    client.setQueryData(sessionKeys.me(), alice);
    client.setQueryData(boardKey, board);
    client.setQueryData(auditKey, { items: [], nextCursor: null });
    await handle.restored;
    await handle.flush();
    handle.stop();
    return client.getQueryState(boardKey)!.dataUpdatedAt;
  }

  afterEach(async () => {
    for (const handle of handles.splice(0)) handle.stop();
    onlineManager.setOnline(true);
    await clearOfflineCache();
  });

  it('saves the signed-in user’s facility data under their id, and nothing of other pages', async () => {
    await aliceWasHere();
    const snapshot = await readOfflineSnapshot(alice.id);
    const keys = snapshot!.queries.map((q) => q.queryKey);
    expect(keys).toEqual(expect.arrayContaining([sessionKeys.me(), boardKey]));
    expect(keys).not.toContainEqual(auditKey);
    expect(snapshot!.queries.find((q) => q.queryHash === JSON.stringify(boardKey))!.state.data).toEqual(board);
  });

  it('gives the data back, with the time it was fetched, when the same user is confirmed at start', async () => {
    const fetchedAt = await aliceWasHere();
    const client = createTestQueryClient();
    const handle = start(client);
    client.setQueryData(sessionKeys.me(), alice);
    await handle.restored;
    expect(client.getQueryData(boardKey)).toEqual(board);
    expect(client.getQueryState(boardKey)!.dataUpdatedAt).toBe(fetchedAt);
    // shown, but asked again by the next page that needs it: never taken as fresh
    expect(client.getQueryState(boardKey)!.isInvalidated).toBe(true);
  });

  it('keeps an answer newer than the snapshot as it is, fresh', async () => {
    await aliceWasHere();
    const client = createTestQueryClient();
    const handle = start(client);
    const newer = { ...board, items: [] };
    client.setQueryData(boardKey, newer);
    client.setQueryData(sessionKeys.me(), alice);
    await handle.restored;
    expect(client.getQueryData(boardKey)).toEqual(newer);
    expect(client.getQueryState(boardKey)!.isInvalidated).toBe(false);
  });

  it('gives nothing of it to another user signing in, and deletes it', async () => {
    await aliceWasHere();
    const client = createTestQueryClient();
    const handle = start(client);
    client.setQueryData(sessionKeys.me(), bob);
    await handle.restored;
    expect(client.getQueryData(boardKey)).toBeUndefined();
    await waitFor(async () => expect(await readOfflineSnapshot(alice.id)).toBeUndefined());
  });

  it('offline, gives back the last user and their data before the server can be asked', async () => {
    await aliceWasHere();
    onlineManager.setOnline(false);
    const client = createTestQueryClient();
    const handle = start(client);
    await handle.restored;
    expect(client.getQueryData(sessionKeys.me())).toEqual(alice);
    expect(client.getQueryData(boardKey)).toEqual(board);
  });

  it('deletes the data when the user signs out (the app removes every query)', async () => {
    await aliceWasHere();
    const client = createTestQueryClient();
    const handle = start(client);
    client.setQueryData(sessionKeys.me(), alice);
    await handle.restored;
    expect(client.getQueryData(boardKey)).toEqual(board);
    await handle.flush();
    // the page tells when the device last kept the user's data (the browser tests wait for it)
    expect(Number(document.documentElement.dataset.offlineSavedAt)).toBeGreaterThan(0);
    client.removeQueries();
    expect(document.documentElement.dataset.offlineSavedAt).toBeUndefined();
    await waitFor(async () => expect(await readOfflineSnapshot(alice.id)).toBeUndefined());
    // and nothing is given back afterwards, offline or not
    onlineManager.setOnline(false);
    const next = createTestQueryClient();
    const nextHandle = start(next);
    await nextHandle.restored;
    expect(next.getQueryData(sessionKeys.me())).toBeUndefined();
    expect(next.getQueryData(boardKey)).toBeUndefined();
  });

  it('keeps an answer dropped from memory in the snapshot, so what was warmed stays available', async () => {
    await aliceWasHere();
    const client = createTestQueryClient();
    const handle = start(client);
    client.setQueryData(sessionKeys.me(), alice);
    await handle.restored;
    client.removeQueries({ queryKey: boardKey });
    client.setQueryData(['systems', 'detail', 's1'], { id: 's1' });
    await handle.flush();
    const keys = (await readOfflineSnapshot(alice.id))!.queries.map((q) => q.queryKey);
    expect(keys).toEqual(expect.arrayContaining([boardKey, ['systems', 'detail', 's1']]));
  });
});
