/** The state of a form's submission: busy, its placed errors and when to focus their summary. */
import { useState } from 'preact/hooks';
import { failure, type FieldSpec, type Issue, type Placed } from '../../../ui/form.js';

export function useSubmit(fields: readonly FieldSpec[], friendly?: (issue: Issue) => string | undefined) {
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  /** Shows `local` errors if any, else runs `send`; its failure is placed on the fields. */
  async function submit<T>(local: Placed[], send: () => Promise<T>, done: (value: T) => void): Promise<void> {
    if (local.length > 0) {
      setPlaced(local);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const value = await send();
      setPlaced([]);
      done(value);
    } catch (e) {
      setPlaced(failure(e, fields, friendly));
      // A new failure moves the focus to the summary, even with as many errors as the last one.
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }
  return { placed, busy, attempt, submit };
}
