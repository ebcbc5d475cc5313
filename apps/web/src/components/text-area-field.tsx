import type { Ref, TextareaHTMLAttributes } from 'react';
import type { FieldError } from 'react-hook-form';

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: FieldError | { message?: string };
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled, roomy textarea (tablet friendly); spread `register('field')` into it. Test id: `field-<name>`. */
export function TextAreaField({ label, name, error, hint, ref, required, rows = 4, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  const message = error?.message;
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <textarea
        id={id}
        name={name}
        ref={ref}
        rows={rows}
        data-testid={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        aria-required={required || undefined}
        {...textarea}
      />
      {hint && !message ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
