import { idParamSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_PER_JOB,
  photoListSchema,
  photoParamsSchema,
  photoResponseSchema,
  uploadPhotoQuerySchema,
} from '../repair-job-photos';

const tag = 'repair-jobs';
const read = { resource: 'repairJobs', action: 'read' } as const;
const write = { resource: 'repairJobs', action: 'write' } as const;

/** Photos on a job and its work logs: whoever reads the job sees them, whoever logs work on it adds them. */
export const repairJobPhotosEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/{id}/photos',
    tag,
    permission: read,
    summary: 'Photos of a job, oldest first: what they are, not their bytes (no names for partner users)',
    params: idParamSchema,
    response: photoListSchema,
    errors: ['NOT_FOUND'],
  }),
  upload: endpoint({
    method: 'POST',
    path: '/v1/repair-jobs/{id}/photos',
    tag,
    permission: write,
    summary:
      'Add a photo (accepts Idempotency-Key): the body is the image itself, Content-Type image/jpeg, image/png or ' +
      'image/webp, and must be what its bytes are (400 `body` image_type / content_type_mismatch). Query: ' +
      `workLogId (a work log of this job), caption (≤ 200 characters). At most ${PHOTO_MAX_BYTES / 1024 / 1024} MB ` +
      `(413 PAYLOAD_TOO_LARGE) and ${PHOTO_MAX_PER_JOB} photos per job (409 PHOTO_LIMIT_REACHED)`,
    params: idParamSchema,
    query: uploadPhotoQuerySchema,
    bodyType: 'image',
    response: photoResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'PHOTO_LIMIT_REACHED'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/repair-jobs/{id}/photos/{photoId}',
    tag,
    permission: read,
    summary: 'The bytes of one photo, with its Content-Type, an ETag (its SHA-256) and Cache-Control: private',
    params: photoParamsSchema,
    output: 'image',
    errors: ['NOT_FOUND'],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/v1/repair-jobs/{id}/photos/{photoId}',
    tag,
    permission: write,
    summary: 'Delete a photo: the one who took it, or an admin (403 FORBIDDEN for anyone else)',
    params: photoParamsSchema,
    output: 'none',
    errors: ['NOT_FOUND'],
  }),
};
