import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { usePersonSearch } from '../api/personnel';

interface PersonSearchProps {
  /** Called with the person chosen from the results. */
  onChoose: (person: PersonResponse) => void;
  /** People already chosen (not offered again). */
  exclude?: readonly string[];
  label?: string;
  testId?: string;
  disabled?: boolean;
}

/** Finds people by name or service number (`endpoints.personnel.list` with `q`) and offers each as a button. */
export function PersonSearch({ onChoose, exclude = [], label, testId = 'person-search', disabled }: PersonSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const search = usePersonSearch(q);
  const results = (search.data ?? []).filter((p) => !exclude.includes(p.id));

  return (
    <div className="tr-person-search" data-testid={testId}>
      <div className="field">
        <label htmlFor={id}>{label ?? t('training.personSearch.label')}</label>
        <input
          id={id}
          type="search"
          value={text}
          disabled={disabled}
          maxLength={60}
          data-testid={`${testId}-input`}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="field-hint">{t('training.personSearch.hint')}</p>
      </div>
      {q.length >= 2 && search.isSuccess ? (
        results.length === 0 ? (
          <p className="muted">{t('training.personSearch.none')}</p>
        ) : (
          <ul className="tr-person-results" aria-live="polite">
            {results.map((p) => (
              <li key={p.id}>
                <span>
                  <span className="mono">{p.serviceNumber}</span> {p.rank} {p.fullName}
                </span>
                <Button
                  variant="secondary"
                  disabled={disabled}
                  data-testid={`${testId}-choose`}
                  data-person-id={p.id}
                  onClick={() => {
                    onChoose(p);
                    setText('');
                  }}
                >
                  {t('training.personSearch.choose')}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
