import { photoStoreSuite } from './support/photo-store-suite';

describe('repair job photos, bytes in PostgreSQL (integration)', () => {
  photoStoreSuite({ env: () => ({ PHOTO_STORE: 'postgres' }), expectStoredIn: 'row' });
});
