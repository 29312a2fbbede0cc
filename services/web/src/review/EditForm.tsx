import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../api/http';
import type { ReviewDetail } from '../api/types';
import { ErrorNote } from '../components/Notice';

interface EditFormProps {
  detail: ReviewDetail;
  onSave: (edit: { subject?: string; text?: string }) => Promise<void>;
  onCancel: () => void;
}

/** Subject and text of a draft; the API re-renders the HTML from them and validates the result. */
export function EditForm({ detail, onSave, onCancel }: EditFormProps) {
  const [subject, setSubject] = useState(detail.subject);
  const [text, setText] = useState(detail.text);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const subjectInput = useRef<HTMLInputElement>(null);
  // Opened by the operator (the e key or the Edit button): their next keystrokes belong in the form.
  useEffect(() => subjectInput.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const edit: { subject?: string; text?: string } = {};
    if (subject !== detail.subject) edit.subject = subject;
    if (text !== detail.text) edit.text = text;
    if (edit.subject === undefined && edit.text === undefined) return onCancel();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(edit);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error instanceof ApiError ? error.reasonFor(name) : undefined);
  return (
    <form
      class="edit-form"
      onSubmit={submit}
      aria-label="Edit the draft"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onCancel();
      }}
    >
      <label for="edit-subject">Subject</label>
      <input
        id="edit-subject"
        value={subject}
        required
        maxLength={300}
        ref={subjectInput}
        aria-invalid={fieldError('body.subject') ? 'true' : undefined}
        onInput={(event) => setSubject(event.currentTarget.value)}
      />
      <label for="edit-text">Text</label>
      <textarea
        id="edit-text"
        value={text}
        rows={14}
        required
        aria-invalid={fieldError('body.text') ? 'true' : undefined}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <ErrorNote>{error ? describeError(error) : undefined}</ErrorNote>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
