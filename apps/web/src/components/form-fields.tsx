import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

interface ShellProps {
  label: string;
  error?: FieldError;
  hint?: string;
  /** Shown instead of the schema's own message when the value has the wrong format (regex). */
  formatHint?: string;
  /** Shown instead of any client-side (schema) message, e.g. for a cross-field rule or an empty list. */
  customMessage?: string;
}

function errorText(error: FieldError | undefined, formatHint?: string, customMessage?: string): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return error.message;
  if (error.type === 'invalid_format' && formatHint) return formatHint;
  if (customMessage) return customMessage;
  return error.message || undefined;
}

function FieldShell({
  id,
  label,
  error,
  hint,
  formatHint,
  customMessage,
  children,
  required,
}: ShellProps & { id: string; children: ReactNode; required?: boolean }) {
  const message = errorText(error, formatHint, customMessage);
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
      {children}
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

function describedBy(id: string, hasError: boolean, hasHint: boolean) {
  return hasError ? `${id}-error` : hasHint ? `${id}-hint` : undefined;
}

type TextFieldProps = ShellProps &
  InputHTMLAttributes<HTMLInputElement> & { name: string; ref?: Ref<HTMLInputElement> };

/** A labelled input; spread `register('field')` into it. Test id: `field-<name>`. */
export function TextField({
  label,
  error,
  hint,
  formatHint,
  customMessage,
  name,
  ref,
  required,
  ...input
}: TextFieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  // an empty or non-numeric number input reaches the schema as NaN; a field with a fractional step takes decimals
  const whole = input.step === undefined || Number.isInteger(Number(input.step));
  const numberHint =
    input.type === 'number' && error?.type === 'invalid_type'
      ? t(whole ? 'validation.number' : 'validation.decimal')
      : undefined;
  return (
    <FieldShell
      id={id}
      label={label}
      error={error}
      hint={hint}
      formatHint={formatHint}
      customMessage={customMessage ?? numberHint}
      required={required}
    >
      <input
        id={id}
        name={name}
        ref={ref}
        data-testid={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!error, !!hint)}
        aria-required={required || undefined}
        {...input}
      />
    </FieldShell>
  );
}

type SelectFieldProps = ShellProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    name: string;
    options: Option[];
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  };

export function SelectField({
  label,
  error,
  hint,
  formatHint,
  customMessage,
  name,
  options,
  placeholder,
  ref,
  required,
  ...select
}: SelectFieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  // nothing chosen (empty value) fails the enum / uuid rule: say "choose one", not the schema's wording
  const shown =
    error && error.type !== 'server' && error.type !== 'custom'
      ? { ...error, message: t('validation.chooseOne') }
      : error;
  return (
    <FieldShell
      id={id}
      label={label}
      error={shown}
      hint={hint}
      formatHint={formatHint}
      customMessage={customMessage}
      required={required}
    >
      <select
        id={id}
        name={name}
        ref={ref}
        data-testid={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!error, !!hint)}
        aria-required={required || undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  ref?: Ref<HTMLInputElement>;
};

export function CheckboxField({ label, name, ref, ...input }: CheckboxFieldProps) {
  const id = `field-${name}`;
  return (
    <div className="field field-checkbox">
      <label htmlFor={id} className="checkbox-label">
        <input type="checkbox" id={id} name={name} ref={ref} data-testid={id} {...input} />
        {label}
      </label>
    </div>
  );
}

interface CheckboxListFieldProps extends ShellProps {
  name: string;
  options: Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  required?: boolean;
}

/** A touch-friendly multi-select: a list of checkboxes, with a filter box once the list is long. */
export function CheckboxListField({
  label,
  error,
  hint,
  formatHint,
  customMessage,
  name,
  options,
  value,
  onChange,
  onBlur,
  required,
}: CheckboxListFieldProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const id = `field-${name}`;
  const message = errorText(error, formatHint, customMessage);
  const selected = new Set(value);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLocaleLowerCase().includes(needle)) : options;

  const toggle = (optionValue: string, checked: boolean) => {
    const next = checked ? [...value, optionValue] : value.filter((v) => v !== optionValue);
    onChange(Array.from(new Set(next)));
  };

  return (
    <fieldset
      className={`field field-checklist${message ? ' field-invalid' : ''}`}
      data-testid={id}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
        <span className="muted checklist-count">{t('common.selectedCount', { count: value.length })}</span>
      </legend>
      {options.length > 8 ? (
        <input
          id={filterId}
          type="search"
          className="checklist-filter"
          placeholder={t('common.filterOptions')}
          aria-label={t('common.filterOptions')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      <div className="checklist" onBlur={onBlur}>
        {shown.length === 0 ? <p className="muted">{t('common.noOptions')}</p> : null}
        {shown.map((o) => (
          <label key={o.value} className="checkbox-label">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={selected.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              data-testid={`${id}-option`}
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint && !message ? <p className="field-hint">{hint}</p> : null}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The row of buttons at the end of a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}

/**
 * The error to show for an array field (multi-select, row editor): the array's own error
 * (`too_small`, cross-field rule), else the first error of its items.
 */
export function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Partial<FieldError> & { root?: unknown };
  if (typeof e.message === 'string' && e.message) return e as FieldError;
  if (e.root) return firstError(e.root);
  if (Array.isArray(error)) {
    for (const item of error) {
      const found = firstError(item);
      if (found) return found;
    }
  }
  return undefined;
}
