import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PhotoResponse, WorkLogResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { useErrorMessage, useFieldMessage } from '../../../components/use-error-message';
import { isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { useDeleteJobPhoto } from '../api/delete-job-photo';
import { jobPhotosQueryOptions, jobPhotoUrl, useJobPhotos } from '../api/get-job-photos';
import { type UploadJobPhotoVariables, useUploadJobPhoto } from '../api/upload-job-photo';
import { resizePhoto } from './photo-resize';
import './job-photos.css';

type Phase = 'idle' | 'resizing' | 'uploading';

/** The sentence for a refused upload: the field's own rule (not an image…) before the general code. */
function useUploadError() {
  const message = useErrorMessage();
  const field = useFieldMessage();
  return (error: unknown) => (isApiError(error) && error.fieldErrors[0] ? field(error.fieldErrors[0]) : message(error));
}

/** Thumbnails that open the large view; `numbered` gives each its place in the job's photos. */
function PhotoGrid({
  photos,
  numbered,
  onOpen,
}: {
  photos: PhotoResponse[];
  numbered: Map<string, number>;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="photo-grid" data-testid="photo-grid">
      {photos.map((photo) => {
        const n = numbered.get(photo.id) ?? 0;
        return (
          <li key={photo.id}>
            <button
              type="button"
              className="photo-thumb"
              aria-label={t('repairJobs.photos.open', { n })}
              data-testid="photo-thumb"
              onClick={() => onOpen(photo.id)}
            >
              <img src={jobPhotoUrl(photo.jobId, photo.id)} alt="" loading="lazy" decoding="async" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** One photo large, in a modal dialog; the one who took it (or an admin) may delete it, after a second tap. */
function PhotoViewer({ photos, openId, onClose }: { photos: PhotoResponse[]; openId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useCurrentUser();
  const message = useErrorMessage();
  const remove = useDeleteJobPhoto();
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const index = photos.findIndex((p) => p.id === openId);
  const photo = photos[index];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  if (!photo) return null;
  const mayDelete = photo.takenBy === user.id || user.role === 'admin';
  const n = index + 1;
  const alt = photo.caption
    ? t('repairJobs.photos.altCaption', { n, caption: photo.caption })
    : t('repairJobs.photos.alt', { n });

  return (
    <dialog
      ref={ref}
      className="photo-viewer"
      aria-label={t('repairJobs.photos.viewer', { n, total: photos.length })}
      data-testid="photo-viewer"
      onClose={onClose}
      onCancel={onClose}
    >
      <img src={jobPhotoUrl(photo.jobId, photo.id)} alt={alt} data-testid="photo-large" />
      <div className="photo-viewer-bar">
        <p className="photo-viewer-meta">
          {photo.caption ? <strong>{photo.caption}</strong> : null}{' '}
          {photo.takenByName
            ? t('repairJobs.photos.takenBy', { name: photo.takenByName, when: fmt.dateTime(photo.createdAt) })
            : t('repairJobs.photos.takenAt', { when: fmt.dateTime(photo.createdAt) })}
        </p>
        {remove.isError ? <Notice kind="error">{message(remove.error)}</Notice> : null}
        <div className="photo-viewer-actions">
          {mayDelete && !confirming ? (
            <Button variant="ghost" data-testid="photo-delete" onClick={() => setConfirming(true)}>
              {t('repairJobs.photos.delete')}
            </Button>
          ) : null}
          {confirming ? (
            <>
              <span>{t('repairJobs.photos.deleteQuestion')}</span>
              <Button
                variant="danger"
                busy={remove.isPending}
                data-testid="photo-delete-confirm"
                onClick={() => remove.mutate({ jobId: photo.jobId, photoId: photo.id }, { onSuccess: onClose })}
              >
                {t('repairJobs.photos.confirmDelete')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('repairJobs.photos.cancelDelete')}</Button>
            </>
          ) : null}
          <Button variant="primary" data-testid="photo-close" onClick={onClose}>
            {t('repairJobs.photos.close')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * The photos of a job: "Take photo" opens the tablet's rear camera (or the file picker), the photo is made
 * upright and at most 1600 px on its longest side on the device, then sent with its own Idempotency-Key (a
 * dropped connection is retried with the same key, so it is stored once). Thumbnails open the large view.
 * Photos of a work log show here and beside that log (`WorkLogPhotos`).
 */
export function JobPhotos({
  jobId,
  canAdd,
  workLogs = [],
}: {
  jobId: string;
  canAdd: boolean;
  workLogs?: readonly WorkLogResponse[];
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const photos = useJobPhotos(jobId);
  const upload = useUploadJobPhoto();
  const uploadError = useUploadError();
  const [phase, setPhase] = useState<Phase>('idle');
  const [caption, setCaption] = useState('');
  const [workLogId, setWorkLogId] = useState('');
  const [failed, setFailed] = useState<{ variables: UploadJobPhotoVariables; error: unknown } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const send = (variables: UploadJobPhotoVariables) => {
    setPhase('uploading');
    setFailed(null);
    upload.mutate(variables, {
      onSuccess: () => setCaption(''),
      // kept with its key: "Send again" after a lost connection cannot store it twice
      onError: (error) => setFailed({ variables, error }),
      onSettled: () => setPhase('idle'),
    });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setPhase('resizing');
    const image = await resizePhoto(file);
    send({ jobId, image, caption, workLogId: workLogId || undefined, idempotencyKey: newIdempotencyKey() });
  };

  const items = photos.data?.items ?? [];
  const numbered = new Map(items.map((p, i) => [p.id, i + 1]));
  const busy = phase !== 'idle';

  return (
    <section className="panel" id="job-photos" aria-labelledby="photos-title" data-testid="job-photos">
      <h2 id="photos-title">{t('repairJobs.photos.title')}</h2>
      {photos.isPending ? <LoadingState /> : null}
      {photos.isError ? <ErrorState error={photos.error} onRetry={() => void photos.refetch()} /> : null}
      {photos.isSuccess && items.length === 0 ? <EmptyState message={t('repairJobs.photos.empty')} /> : null}
      {items.length > 0 ? <PhotoGrid photos={items} numbered={numbered} onOpen={setOpenId} /> : null}

      {canAdd ? (
        <div className="photo-add">
          <div className="photo-add-fields">
            <label className="field">
              <span>{t('repairJobs.photos.caption')}</span>
              <input
                type="text"
                maxLength={200}
                value={caption}
                onChange={(e) => setCaption(e.target.value)}
                data-testid="photo-caption"
              />
            </label>
            {workLogs.length > 0 ? (
              <label className="field">
                <span>{t('repairJobs.photos.workLog')}</span>
                <select value={workLogId} onChange={(e) => setWorkLogId(e.target.value)} data-testid="photo-worklog">
                  <option value="">{t('repairJobs.photos.wholeJob')}</option>
                  {workLogs.map((log) => (
                    <option key={log.id} value={log.id}>
                      {[
                        fmt.date(log.date),
                        t('repairJobs.photos.logHours', { hours: fmt.number(log.hours) }),
                        log.technicianName,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          {/* the label is the button: a tap opens the camera; the input itself stays out of sight */}
          <label
            className={`btn btn-primary rj-btn-large photo-take${busy ? ' is-busy' : ''}`}
            aria-disabled={busy || undefined}
          >
            <input
              ref={input}
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={(e) => void onFile(e)}
              data-testid="photo-input"
            />
            {t('repairJobs.photos.take')}
          </label>
          {busy ? (
            <p className="photo-progress" role="status" data-testid="photo-progress">
              <progress
                aria-label={t(phase === 'resizing' ? 'repairJobs.photos.resizing' : 'repairJobs.photos.uploading')}
              />
              {t(phase === 'resizing' ? 'repairJobs.photos.resizing' : 'repairJobs.photos.uploading')}
            </p>
          ) : null}
          {upload.isSuccess && !busy && !failed ? <Notice kind="success">{t('repairJobs.photos.added')}</Notice> : null}
          {failed ? (
            <div data-testid="photo-error">
              <Notice kind="error">{t('repairJobs.photos.failed', { reason: uploadError(failed.error) })}</Notice>
              {isApiError(failed.error) && failed.error.isNetworkError ? (
                <Button onClick={() => send(failed.variables)}>{t('repairJobs.photos.retry')}</Button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {openId ? <PhotoViewer photos={items} openId={openId} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
}

/** The photos of one work log, beside it (thumbnails that open the large view); nothing when it has none. */
export function WorkLogPhotos({ jobId, workLogId }: { jobId: string; workLogId: string }) {
  const { t } = useTranslation();
  // the job's photos section asks for the list on opening; each log row only reads it
  const photos = useQuery(jobPhotosQueryOptions(jobId));
  const [openId, setOpenId] = useState<string | null>(null);
  const all = photos.data?.items ?? [];
  const mine = all.filter((p) => p.workLogId === workLogId);
  if (mine.length === 0) return null;
  const numbered = new Map(all.map((p, i) => [p.id, i + 1]));
  return (
    <div
      className="worklog-photos"
      aria-label={t('repairJobs.photos.ofWorkLog')}
      role="group"
      data-testid="worklog-photos"
    >
      <PhotoGrid photos={mine} numbered={numbered} onOpen={setOpenId} />
      {openId ? <PhotoViewer photos={all} openId={openId} onClose={() => setOpenId(null)} /> : null}
    </div>
  );
}
