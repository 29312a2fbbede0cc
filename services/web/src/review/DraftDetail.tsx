import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../api/http';
import type { ReviewDetail, ReviewItem } from '../api/types';
import { ErrorNote, Loading } from '../components/Notice';
import { age, kindLabel, when } from '../format';
import { follow } from '../router';
import { EditForm } from './EditForm';
import { getDraft, previewUrl } from './queue';

interface DraftDetailProps {
  item: ReviewItem;
  /** Bumped after an edit, so the detail and the preview load again. */
  version: number;
  editing: boolean;
  canReview: boolean;
  busy: boolean;
  onApprove: () => void;
  onEdit: () => void;
  onReject: () => void;
  onSnooze: () => void;
  onSaveEdit: (edit: { subject?: string; text?: string }) => Promise<void>;
  onCancelEdit: () => void;
}

/** One draft: its rendered HTML (sandboxed), its text part, what approving it will do, and the actions. */
export function DraftDetail(props: DraftDetailProps) {
  const { item, version } = props;
  const [detail, setDetail] = useState<ReviewDetail>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setDetail(undefined);
    setError(undefined);
    getDraft(item.id).then(
      (loaded) => current && setDetail(loaded),
      (caught: unknown) => current && setError(describeError(caught)),
    );
    return () => {
      current = false;
    };
  }, [item.id, version]);

  // While the operator edits, the other actions wait: approving would send the text they have not saved.
  const locked = !props.canReview || props.busy || props.editing;
  const plan = (detail ?? item).sendPlan;
  const threadSubject = (detail ?? item).threadSubject;
  return (
    <article class="draft" aria-labelledby="draft-subject">
      <a class="back-link" href="/" onClick={follow}>
        ← Back to the queue
      </a>
      <header class="draft-head">
        <p class="muted">
          {kindLabel(item.kind)} for{' '}
          <a href={`/clients/${item.clientId}`} onClick={follow}>
            {item.clientName}
          </a>{' '}
          · waiting {age(item.ageSeconds)}
        </p>
        <h2 id="draft-subject">{(detail ?? item).subject}</h2>
        <p class="draft-to">To: {item.to && item.to.length > 0 ? item.to.join(', ') : '—'}</p>
        <p class="draft-cause">
          <span class="badge badge-cause">{item.cause.type.replaceAll('_', ' ')}</span> {item.cause.summary}
        </p>
      </header>

      <section class="send-plan" aria-labelledby="plan-title">
        <h3 id="plan-title">What happens on approve</h3>
        {plan.earliestSendAt ? (
          <p>
            Goes out <strong>{when(plan.earliestSendAt)}</strong> (the client's next working hour),{' '}
            {plan.inThread ? (
              <>
                as a reply in the thread <strong>“{threadSubject ?? 'the original conversation'}”</strong>.
              </>
            ) : (
              <>as a new conversation.</>
            )}
          </p>
        ) : null}
        {/* The API's own sentence, for when nothing will be sent; otherwise the line above says it with local times. */}
        {plan.earliestSendAt === null && plan.note ? <p>{plan.note}</p> : null}
      </section>

      <div class="actions">
        <button type="button" class="primary" onClick={props.onApprove} disabled={locked} aria-keyshortcuts="a">
          Approve <kbd>a</kbd>
        </button>
        <button type="button" onClick={props.onEdit} disabled={locked || !detail} aria-keyshortcuts="e">
          Edit <kbd>e</kbd>
        </button>
        <button type="button" class="danger" onClick={props.onReject} disabled={locked} aria-keyshortcuts="r">
          Reject <kbd>r</kbd>
        </button>
        <button type="button" onClick={props.onSnooze} disabled={locked} aria-keyshortcuts="s">
          Snooze <kbd>s</kbd>
        </button>
      </div>
      {props.canReview ? null : <p class="muted">You can read the queue; reviewing needs the review scope.</p>}

      <ErrorNote>{error}</ErrorNote>
      {props.editing && detail ? (
        <EditForm detail={detail} onSave={props.onSaveEdit} onCancel={props.onCancelEdit} />
      ) : (
        <div class="draft-body">
          <section aria-labelledby="preview-title">
            <h3 id="preview-title">As the client will see it</h3>
            <iframe
              key={`${item.id}:${version}`}
              class="preview"
              sandbox=""
              referrerpolicy="no-referrer"
              src={previewUrl(item.id)}
              title={`Rendered email: ${item.subject}`}
            />
          </section>
          <section aria-labelledby="text-title">
            <h3 id="text-title">Plain-text part</h3>
            {detail ? <pre class="text-part">{detail.text}</pre> : error ? null : <Loading what="the text" />}
          </section>
        </div>
      )}
    </article>
  );
}
