import { z } from 'zod';

/** The image types a photo may have; the API checks the bytes, not only the declared type. */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof photoContentTypes)[number];

/** Larger uploads are refused with 413 before they are read to the end (the web sends ~0.3 MB). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Photos one job may hold; the next upload is refused with 409 PHOTO_LIMIT_REACHED. */
export const PHOTO_MAX_PER_JOB = 50;
export const PHOTO_CAPTION_MAX = 200;

export const photoParamsSchema = z.object({ id: z.uuid(), photoId: z.uuid() });

/** The image is the raw body; what describes it travels in the query, so the body stays the file alone. */
export const uploadPhotoQuerySchema = z.object({
  /** a work log of the same job (its numeric id) */
  workLogId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  caption: z.string().trim().max(PHOTO_CAPTION_MAX).optional(),
});
export type UploadPhotoQuery = z.input<typeof uploadPhotoQuerySchema>;

export const photoResponseSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  workLogId: z.string().nullable(),
  caption: z.string().nullable(),
  contentType: z.enum(photoContentTypes),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  takenBy: z.uuid().nullable(),
  /** null for partner users, like technician names on work logs */
  takenByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PhotoResponse = z.infer<typeof photoResponseSchema>;
export const photoListSchema = z.object({ items: z.array(photoResponseSchema) });
export type PhotoList = z.infer<typeof photoListSchema>;
