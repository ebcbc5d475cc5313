import aws4 from 'aws4';
import type { Env } from '../../config/env';

/** Where the bytes of photos stored with `store = 's3'` live; PHOTO_STORE=postgres keeps them in the row. */
export interface PhotoObjectStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** a missing object is not an error: deleting is what was wanted */
  delete(key: string): Promise<void>;
}

export const PHOTO_OBJECTS = Symbol('PHOTO_OBJECTS');

export type S3Settings = Pick<
  Env,
  'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'
>;

/** Headers Node's fetch computes itself; the signature covers them with the same values. */
const SET_BY_FETCH = new Set(['host', 'content-length']);

/**
 * An S3-compatible bucket over Node's fetch, each request signed with SigV4 (`aws4`), path-style URLs
 * (`<endpoint>/<bucket>/<key>`), which MinIO, Ceph and s3rver serve without per-bucket DNS.
 */
export class S3PhotoStore implements PhotoObjectStore {
  private readonly base: URL;

  constructor(private readonly s3: Required<S3Settings>) {
    this.base = new URL(s3.S3_ENDPOINT.endsWith('/') ? s3.S3_ENDPOINT : `${s3.S3_ENDPOINT}/`);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, { 'Content-Type': contentType });
    if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status} ${await res.text()}`);
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key);
    if (!res.ok) throw new Error(`S3 GET ${key}: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key}: ${res.status}`);
  }

  private send(method: string, key: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(
      `${encodeURIComponent(this.s3.S3_BUCKET)}/${key.split('/').map(encodeURIComponent).join('/')}`,
      this.base,
    );
    const signed = aws4.sign(
      {
        host: url.host,
        path: url.pathname,
        method,
        service: 's3',
        region: this.s3.S3_REGION,
        headers,
        ...(body ? { body } : {}),
      },
      { accessKeyId: this.s3.S3_ACCESS_KEY_ID, secretAccessKey: this.s3.S3_SECRET_ACCESS_KEY },
    );
    const sent = Object.fromEntries(
      Object.entries(signed.headers ?? {})
        .filter(([name]) => !SET_BY_FETCH.has(name.toLowerCase()))
        .map(([name, value]) => [name, String(value)]),
    );
    return fetch(url, { method, headers: sent, body, signal: AbortSignal.timeout(30_000) });
  }
}

/** The object store PHOTO_STORE names, or null for postgres (bytes in the row). */
export function photoObjectStore(env: Pick<Env, 'PHOTO_STORE'> & S3Settings): PhotoObjectStore | null {
  if (env.PHOTO_STORE !== 's3') return null;
  // loadEnv refuses PHOTO_STORE=s3 without all five settings
  return new S3PhotoStore(env as Required<S3Settings>);
}
