/**
 * Short confirmations ("Exported 59 seizures") shown at the bottom right for a few seconds,
 * announced politely to screen readers.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Icon } from './icons';

interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

const ToastContext = createContext<(text: string, kind?: 'info' | 'error') => void>(() => undefined);

let nextId = 1;

/** Provides {@link useToast} and renders the toasts. */
export function ToastProvider(props: { children: ReactNode }): ReactNode {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string, kind: 'info' | 'error' = 'info') => {
    const id = nextId++;
    setToasts((t) => [...t, { id, text, kind }]);
    // An error stays longer: it says what was not saved and why.
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 12_000 : 4500);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {props.children}
      <div className="toast-region" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast${toast.kind === 'error' ? ' toast-error' : ''}`}>
            <Icon name={toast.kind === 'error' ? 'alert' : 'check'} />
            <span>{toast.text}</span>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast("Saved")`. */
export function useToast(): (text: string, kind?: 'info' | 'error') => void {
  return useContext(ToastContext);
}
