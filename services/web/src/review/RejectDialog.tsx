import { useState } from 'preact/hooks';
import { describeError } from '../api/http';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/Notice';

interface RejectDialogProps {
  subject: string;
  onReject: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** A rejection is kept in the client's record with its reason, so the reason is required. */
export function RejectDialog({ subject, onReject, onClose }: RejectDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onReject(reason.trim());
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Reject this draft" onClose={onClose}>
      <form onSubmit={submit}>
        <p class="muted">“{subject}” will not be sent.</p>
        <label for="reject-reason">Why? (kept in the client's record)</label>
        <textarea
          id="reject-reason"
          rows={4}
          required
          maxLength={500}
          autoFocus
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <ErrorNote>{error}</ErrorNote>
        <div class="actions">
          <button type="submit" class="danger" disabled={busy || reason.trim().length === 0}>
            Reject
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
