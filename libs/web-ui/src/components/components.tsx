import {
  useEffect,
  useId,
  useRef,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useI18n, type Language } from '../i18n/i18n';

/** A button; `tone` picks primary, secondary or danger styling. */
export function Button({
  tone = 'primary',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'primary' | 'secondary' | 'danger' }) {
  return <button type="button" {...props} className={`ib-button ib-button--${tone}${className ? ` ${className}` : ''}`} />;
}

/** A labelled input with an optional hint, tied together for screen readers. */
export function Field({ label, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="ib-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="ib-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select. */
export function SelectField({ label, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  const id = useId();
  return (
    <div className="ib-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...props}>
        {children}
      </select>
    </div>
  );
}

/** A labelled multi-line text input with an optional hint (free text such as a complaint). */
export function TextAreaField({ label, hint, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="ib-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={6} aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="ib-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** An on/off switch (a checkbox with the switch role) with its label and an optional explanation. */
export function Switch({
  label,
  checked,
  onChange,
  disabled,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="ib-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="ib-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A modal dialog (native <dialog>): focus moves in on open and back on close; Escape closes it. */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose(): void; children: ReactNode }) {
  const reference = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = reference.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={reference} className="ib-dialog" aria-labelledby={titleId} onClose={onClose}>
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

/** A short status word with a colour that is never the only signal. */
export function StatusBadge({ tone, children }: { tone: 'ok' | 'warn' | 'stop' | 'info'; children: ReactNode }) {
  return <span className={`ib-badge ib-badge--${tone}`}>{children}</span>;
}

/** A plain list of cards. */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="ib-cards" aria-label={label}>
      {children}
    </ul>
  );
}

/** The switch between Japanese and English; its name is the other language's name. `onSwitch` hears the new choice. */
export function LanguageSwitch({ onSwitch }: { onSwitch?(language: Language): void } = {}) {
  const { language, setLanguage, t } = useI18n();
  const next: Language = language === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className="ib-button ib-button--secondary"
      lang={next}
      onClick={() => {
        setLanguage(next);
        onSwitch?.(next);
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}

/** A polite live region: results of actions are announced and shown. */
export function LiveMessage({ message, tone = 'info' }: { message: string | null; tone?: 'info' | 'error' }) {
  return (
    <div
      className={`ib-live ib-live--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
    >
      {message}
    </div>
  );
}

/** Navigation links; the current page is marked with aria-current. */
export function NavBar({
  label,
  items,
  current,
  onNavigate,
}: {
  label: string;
  /** `badge`: a count shown beside the label (e.g. unread notifications); `badgeLabel` says it in words, as the link's description. */
  items: { path: string; label: string; badge?: number; badgeLabel?: string }[];
  current: string;
  onNavigate(path: string): void;
}) {
  const id = useId();
  return (
    <nav aria-label={label} className="ib-nav">
      <ul>
        {items.map((item, index) => (
          <li key={item.path}>
            <a
              href={item.path}
              aria-current={current === item.path ? 'page' : undefined}
              aria-describedby={item.badge ? `${id}-${index}` : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(item.path);
              }}
            >
              {item.label}
              {item.badge ? (
                <>
                  {/* The link keeps its name; the count is its description, said in words. */}
                  <span className="ib-count" aria-hidden="true">
                    {' '}
                    {item.badge}
                  </span>
                  <span id={`${id}-${index}`} hidden>
                    {item.badgeLabel ?? String(item.badge)}
                  </span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
