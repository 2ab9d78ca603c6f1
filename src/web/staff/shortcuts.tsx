import { lazy, Suspense, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

/** Whether a key press is typing into a field: shortcuts never fire then. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target instanceof HTMLElement ? e.target : null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Whether a plain key press is free for a shortcut: no field, no modifier, no open dialog. */
function isFree(e: KeyboardEvent): boolean {
  return (
    !e.defaultPrevented &&
    !e.ctrlKey &&
    !e.metaKey &&
    !e.altKey &&
    !isTyping(e) &&
    !document.querySelector('[role="dialog"][aria-modal="true"]')
  );
}

/**
 * A page's shortcuts by `KeyboardEvent.key` ("j", "ArrowDown", "/"): an action answers whether it
 * took the key (a falsy answer leaves the key to the browser).
 */
export function useShortcuts(bindings: Record<string, (e: KeyboardEvent) => boolean | void>) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const action = isFree(e) ? bindings[e.key] : undefined;
    if (action && action(e) !== false) e.preventDefault();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

const openEvent = 'tend:shortcuts';
/** Opens the keyboard shortcuts dialog (as "?" does). */
export const showShortcuts = () => window.dispatchEvent(new Event(openEvent));

// The dialog is its own chunk: loaded the first time someone asks for it.
const Dialog = lazy(() =>
  import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);

/**
 * The console-wide shortcuts — "?" opens the list of every shortcut, "g" then "q" goes to the
 * queue — and the dialog that lists them. Mounted once by App.
 */
export function Shortcuts() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [pendingG, setPendingG] = useState(0);
  // Closing gives the focus back to where it was (a button, a row of the queue).
  const opener = useRef<Element | null>(null);
  const show = () => {
    opener.current = document.activeElement;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };
  const onOpen = useEffectEvent(show);
  useEffect(() => {
    const listener = () => onOpen();
    window.addEventListener(openEvent, listener);
    return () => window.removeEventListener(openEvent, listener);
  }, []);
  useShortcuts({
    '?': show,
    g: () => setPendingG(Date.now()),
    q: () => {
      if (Date.now() - pendingG > 1500) return false;
      setPendingG(0);
      void navigate('/queue/open');
    },
  });
  return open ? (
    <Suspense>
      <Dialog onClose={close} />
    </Suspense>
  ) : null;
}
