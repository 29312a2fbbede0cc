import { useState } from 'preact/hooks';
import { describeError } from '../api/http';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/Notice';

interface SnoozeDialogProps {
  onSnooze: (until: Date) => Promise<void>;
  onClose: () => void;
}

type Choice = 'hour' | 'tomorrow' | 'monday' | 'custom';

/** Local 09:00 `days` days from now. */
function morning(days: number, from = new Date()): Date {
  const date = new Date(from);
  date.setDate(date.getDate() + days);
  date.setHours(9, 0, 0, 0);
  return date;
}

function nextMonday(from = new Date()): Date {
  const days = (8 - from.getDay()) % 7 || 7;
  return morning(days, from);
}

/** `<input type="datetime-local">` wants local time without a zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Hides the draft from the queue until the chosen time (at most 30 days, the API's limit). */
export function SnoozeDialog({ onSnooze, onClose }: SnoozeDialogProps) {
  const [choice, setChoice] = useState<Choice>('tomorrow');
  const [custom, setCustom] = useState(() => localInputValue(morning(2)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const options: Array<{ value: Choice; label: string; until?: Date }> = [
    { value: 'hour', label: 'For an hour', until: new Date(Date.now() + 3_600_000) },
    { value: 'tomorrow', label: 'Until tomorrow, 9:00', until: morning(1) },
    { value: 'monday', label: 'Until Monday, 9:00', until: nextMonday() },
    { value: 'custom', label: 'Until…' },
  ];

  async function submit(event: Event) {
    event.preventDefault();
    const until = choice === 'custom' ? new Date(custom) : options.find((option) => option.value === choice)?.until;
    if (!until || Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
      setError('Choose a time in the future.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSnooze(until);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Snooze this draft" onClose={onClose}>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Show it again</legend>
          {options.map((option) => (
            <div class="radio" key={option.value}>
              <input
                type="radio"
                id={`snooze-${option.value}`}
                name="snooze"
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              <label for={`snooze-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
        <label for="snooze-custom">Date and time</label>
        <input
          id="snooze-custom"
          type="datetime-local"
          value={custom}
          disabled={choice !== 'custom'}
          onInput={(event) => setCustom(event.currentTarget.value)}
        />
        <ErrorNote>{error}</ErrorNote>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            Snooze
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
